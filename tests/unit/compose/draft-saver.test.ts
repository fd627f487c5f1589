// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { draftSaver, saveWhenHidden } from '@/utils/compose/draft-saver';

const DELAY = 400;

function setup() {
  let value = '';
  const saved: string[] = [];
  const save = vi.fn(async () => {
    saved.push(value);
  });
  const saver = draftSaver(save, DELAY);
  const type = (next: string) => {
    value = next;
    saver.soon();
  };
  return { saver, saved, save, type, set: (next: string) => (value = next) };
}

describe('draftSaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves the first key after a pause at once, then at most once a period while typing goes on', async () => {
    const { saved, type } = setup();
    type('a');
    expect(saved).toEqual(['a']);
    for (const text of ['ab', 'abc', 'abcd']) {
      await vi.advanceTimersByTimeAsync(60);
      type(text);
    }
    // Typed keys wait for the timer: none of them wrote the draft itself.
    expect(saved).toEqual(['a']);
    await vi.advanceTimersByTimeAsync(DELAY);
    // One save, with every key typed until then.
    expect(saved).toEqual(['a', 'abcd']);
    // A quiet period ends the run: nothing more is written, and the next key saves at once.
    await vi.advanceTimersByTimeAsync(DELAY * 3);
    expect(saved).toEqual(['a', 'abcd']);
    type('abcde');
    expect(saved).toEqual(['a', 'abcd', 'abcde']);
  });

  it('saves waiting typing when flushed, and only then', async () => {
    const { saver, saved, type } = setup();
    await saver.flush();
    expect(saved).toEqual([]);
    type('a');
    type('ab');
    await saver.flush();
    expect(saved).toEqual(['a', 'ab']);
    // Flushed: the timer has nothing left to write.
    await vi.advanceTimersByTimeAsync(DELAY * 2);
    expect(saved).toEqual(['a', 'ab']);
  });

  it('writes a choice at once and drops the typing it already carries', async () => {
    const { saver, saved, type, set } = setup();
    type('a');
    type('ab');
    set('ab, and a box ticked');
    await saver.now();
    await vi.advanceTimersByTimeAsync(DELAY * 2);
    expect(saved).toEqual(['a', 'ab, and a box ticked']);
  });

  it('forgets waiting typing once cancelled (the draft was posted and cleared)', async () => {
    const { saver, saved, type } = setup();
    type('a');
    type('ab');
    saver.cancel();
    await vi.advanceTimersByTimeAsync(DELAY * 2);
    await saver.flush();
    expect(saved).toEqual(['a']);
  });
});

const hide = (state: DocumentVisibilityState) =>
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });

describe('saveWhenHidden', () => {
  afterEach(() => hide('visible'));

  it('flushes when the page is hidden or closed, until stopped', () => {
    const flush = vi.fn(async () => undefined);
    const stop = saveWhenHidden(window, flush);
    window.dispatchEvent(new Event('pagehide'));
    expect(flush).toHaveBeenCalledTimes(1);
    // Shown again (a tab switched back): nothing to do.
    document.dispatchEvent(new Event('visibilitychange'));
    expect(flush).toHaveBeenCalledTimes(1);
    hide('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(flush).toHaveBeenCalledTimes(2);
    stop();
    window.dispatchEvent(new Event('pagehide'));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(flush).toHaveBeenCalledTimes(2);
  });
});
