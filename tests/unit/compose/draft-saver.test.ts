// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { draftSaver, saveWhenHidden } from '@/utils/compose/draft-saver';

/**
 * A saver whose writes take as long as the test says: each write is recorded with the text it
 * carries when it starts, and stays on its way until `finishWrite()`.
 */
function setup(later?: (run: () => void) => () => void) {
  let value = '';
  const saved: string[] = [];
  const onTheirWay: Array<{ finish(): void; fail(error: Error): void }> = [];
  const save = vi.fn(() => {
    saved.push(value);
    return new Promise<void>((resolve, reject) =>
      onTheirWay.push({ finish: resolve, fail: reject }),
    );
  });
  const saver = draftSaver(save, later);
  const type = (next: string) => {
    value = next;
    saver.soon();
  };
  /** Lets the oldest write on its way arrive, and whatever it starts begin. */
  const finishWrite = async () => {
    onTheirWay.shift()?.finish();
    await flushPromises();
  };
  const failWrite = async () => {
    onTheirWay.shift()?.fail(new Error('QUOTA_BYTES quota exceeded'));
    await flushPromises();
  };
  return {
    saver,
    saved,
    type,
    finishWrite,
    failWrite,
    onTheirWay,
    set: (next: string) => (value = next),
  };
}

const flushPromises = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('draftSaver', () => {
  it('writes a key the moment it is typed, without waiting for a timer', () => {
    const { saved, type } = setup();
    type('a');
    expect(saved).toEqual(['a']);
  });

  it('keeps one write on its way at a time: keys typed meanwhile go together in the next', async () => {
    const { saved, type, finishWrite, onTheirWay } = setup();
    type('a');
    type('ab');
    type('abc');
    type('abcd');
    expect(saved).toEqual(['a']);
    await finishWrite();
    // Right after the first arrived, one write with every key typed until then.
    expect(saved).toEqual(['a', 'abcd']);
    await finishWrite();
    // Nothing more to write: nothing is on its way, and the next key writes at once.
    expect(onTheirWay).toHaveLength(0);
    expect(saved).toEqual(['a', 'abcd']);
    type('abcde');
    expect(saved).toEqual(['a', 'abcd', 'abcde']);
  });

  it('goes on after a write fails: the next write carries everything', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { saved, type, failWrite, finishWrite } = setup();
    type('a');
    type('ab');
    await failWrite();
    expect(saved).toEqual(['a', 'ab']);
    await finishWrite();
    type('abc');
    expect(saved).toEqual(['a', 'ab', 'abc']);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('flush writes what waits and resolves once it is stored; with nothing waiting, once the write on its way is', async () => {
    const { saver, saved, type, finishWrite } = setup();
    await saver.flush();
    expect(saved).toEqual([]);
    type('a');
    type('ab');
    let flushed = false;
    const flushing = saver.flush().then(() => (flushed = true));
    // What waited is written now, beside the write still on its way.
    expect(saved).toEqual(['a', 'ab']);
    await finishWrite();
    expect(flushed).toBe(false);
    await finishWrite();
    await flushing;
    expect(flushed).toBe(true);

    type('abc');
    let stored = false;
    const storing = saver.flush().then(() => (stored = true));
    expect(saved).toEqual(['a', 'ab', 'abc']);
    await flushPromises();
    expect(stored).toBe(false);
    await finishWrite();
    await storing;
    expect(stored).toBe(true);
  });

  it('writes a choice at once, and what it carries is not written again', async () => {
    const { saver, saved, type, set, finishWrite } = setup();
    type('a');
    type('ab');
    set('ab, and a box ticked');
    const choice = saver.now();
    await finishWrite();
    await finishWrite();
    await choice;
    expect(saved).toEqual(['a', 'ab, and a box ticked']);
  });

  it('forgets waiting typing once cancelled (the draft was posted and cleared)', async () => {
    const { saver, saved, type, finishWrite } = setup();
    type('a');
    type('ab');
    saver.cancel();
    await finishWrite();
    await saver.flush();
    expect(saved).toEqual(['a']);
  });
});

/** A `later` the test runs by hand, standing in for "after the key's frame". */
function frames() {
  let pending: Array<() => void> = [];
  const later = (run: () => void) => {
    pending.push(run);
    return () => (pending = pending.filter((item) => item !== run));
  };
  const paint = () => {
    const due = pending;
    pending = [];
    for (const run of due) run();
  };
  return { later, paint, pending: () => pending.length };
}

describe('draftSaver writing typing after the frame', () => {
  it('writes the keys typed before the frame together, once it is painted', () => {
    const { later, paint, pending } = frames();
    const { saved, type } = setup(later);
    type('a');
    type('ab');
    expect(saved).toEqual([]);
    expect(pending()).toBe(1);
    paint();
    expect(saved).toEqual(['ab']);
  });

  it('waits for the write on its way, then for the next frame', async () => {
    const { later, paint, pending } = frames();
    const { saved, type, finishWrite } = setup(later);
    type('a');
    paint();
    type('ab');
    // Nothing is asked of the frame while a write is on its way.
    expect(pending()).toBe(0);
    await finishWrite();
    expect(saved).toEqual(['a']);
    paint();
    expect(saved).toEqual(['a', 'ab']);
  });

  it('writes at once when flushed or for a choice, and the frame then writes nothing more', async () => {
    const { later, paint } = frames();
    const { saver, saved, type, set, finishWrite } = setup(later);
    type('a');
    const flushing = saver.flush();
    expect(saved).toEqual(['a']);
    await finishWrite();
    await flushing;
    type('ab');
    set('ab, and a box ticked');
    void saver.now();
    paint();
    expect(saved).toEqual(['a', 'ab, and a box ticked']);
  });

  it('drops the write the frame would make once cancelled', () => {
    const { later, paint } = frames();
    const { saver, saved, type } = setup(later);
    type('posted');
    saver.cancel();
    paint();
    expect(saved).toEqual([]);
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
