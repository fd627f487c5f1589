// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CATCH_UP_GAP_MS, deferrableChange } from '@/components/use-draft-view';
import { newDraft } from '@/utils/compose/draft';
import type { ComposerState } from '@/utils/composer-store';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const draft = { ...newDraft(['a', 'b'], 'en'), text: 'Hello' };
const state = (changes: Partial<ComposerState['draft']>, hydrated = true) =>
  ({ hydrated, draft: { ...draft, ...changes } }) as ComposerState;

describe('deferrableChange', () => {
  it('lets only a change of the post text wait for the key’s frame', () => {
    expect(deferrableChange(state({ text: 'Hello!', updatedAt: 9 }), state({}))).toBe(true);
  });

  it('shows every input the user works in at once, so none springs back', () => {
    expect(deferrableChange(state({ contentWarning: 'spoilers' }), state({}))).toBe(false);
    expect(deferrableChange(state({ variants: { 'network:bluesky': 'Hi' } }), state({}))).toBe(
      false,
    );
    expect(deferrableChange(state({ targetIds: ['a'] }), state({}))).toBe(false);
    expect(deferrableChange(state({ threadTargets: ['a'] }), state({}))).toBe(false);
    expect(deferrableChange(state({ id: 'another draft' }), state({}))).toBe(false);
    expect(deferrableChange(state({}, true), state({}, false))).toBe(false);
  });
});

/** The hook in a component, over a store started from `draft`; `shown` lists each render. */
async function mounted() {
  // Both afresh, so the hook reads the same new store.
  const { useComposer } = await import('@/utils/composer-store');
  const { useDraftView } = await import('@/components/use-draft-view');
  useComposer.getState().hydrateFrom({ draft, lastTargets: [], lastLanguage: null }, ['a', 'b']);
  const shown: string[] = [];
  function View() {
    const view = useDraftView();
    shown.push(`${view.text}|${view.targetIds.join()}`);
    return null;
  }
  const root = createRoot(document.createElement('div'));
  await act(async () => root.render(createElement(View)));
  return { useComposer, shown, root };
}

describe('useDraftView', () => {
  let frames: FrameRequestCallback[] = [];
  beforeEach(() => {
    vi.resetModules();
    frames = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => {
      frames.push(callback);
      return frames.length;
    });
  });
  afterEach(() => vi.restoreAllMocks());

  /** Paints the pending frame; the catch-up runs in the task after it. */
  async function paint() {
    await act(async () => {
      for (const callback of frames.splice(0)) callback(performance.now());
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }

  it('follows typed keys after their frame, once for all of them, with every key', async () => {
    const { useComposer, shown, root } = await mounted();
    const renders = shown.length;
    await act(async () => {
      useComposer.getState().setText('Hello w');
      useComposer.getState().setText('Hello wo');
      useComposer.getState().setText('Hello world');
    });
    // The frame after the keys has not been painted: the composer around the textarea waits.
    expect(shown.length).toBe(renders);
    await paint();
    // One catch-up with every key: the keys in between are never drawn.
    expect(new Set(shown.slice(renders))).toEqual(new Set(['Hello world|a,b']));
    await act(async () => root.unmount());
  });

  it('follows a run of keys a few times a second, and the last key once typing stops', async () => {
    const { useComposer, shown, root } = await mounted();
    // The clock stands still until the second key: however slow the machine, it comes "at once".
    const clock = vi.spyOn(performance, 'now').mockReturnValue(1_000);
    await act(async () => useComposer.getState().setText('Hello w'));
    await paint();
    expect(shown.at(-1)).toBe('Hello w|a,b');
    // The next key, right after: no catch-up after its frame, it waits for the gap.
    await act(async () => useComposer.getState().setText('Hello wo'));
    await paint();
    expect(shown.at(-1)).toBe('Hello w|a,b');
    clock.mockRestore();
    await act(() => new Promise((resolve) => setTimeout(resolve, CATCH_UP_GAP_MS + 50)));
    await paint();
    expect(shown.at(-1)).toBe('Hello wo|a,b');
    await act(async () => root.unmount());
  });

  it('catches up after the frame of the first key past the gap, not between two keys', async () => {
    const { useComposer, shown, root } = await mounted();
    const clock = vi.spyOn(performance, 'now').mockReturnValue(1_000);
    await act(async () => useComposer.getState().setText('Hello w'));
    await paint();
    // Keys 60 ms apart: the second waits; the fourth is past the gap and catches up after its
    // own frame, with every key, long before the next key would come.
    // (Frames are painted after each key: the draft's write asks for them too.)
    clock.mockReturnValue(1_060);
    await act(async () => useComposer.getState().setText('Hello wo'));
    await paint();
    clock.mockReturnValue(1_120);
    await act(async () => useComposer.getState().setText('Hello wor'));
    await paint();
    expect(shown.at(-1)).toBe('Hello w|a,b');
    clock.mockReturnValue(1_000 + CATCH_UP_GAP_MS + 40);
    await act(async () => useComposer.getState().setText('Hello worl'));
    await paint();
    expect(shown.at(-1)).toBe('Hello worl|a,b');
    // The wait for a pause that the earlier keys set is over: no second catch-up follows.
    const renders = shown.length;
    await act(() => new Promise((resolve) => setTimeout(resolve, CATCH_UP_GAP_MS + 50)));
    await paint();
    expect(shown.length).toBe(renders);
    clock.mockRestore();
    await act(async () => root.unmount());
  });

  it('shows a ticked box at once, with the text typed before it', async () => {
    const { useComposer, shown, root } = await mounted();
    await act(async () => {
      useComposer.getState().setText('Hello there');
      useComposer.getState().toggleTarget('a', false);
    });
    expect(shown.at(-1)).toBe('Hello there|b');
    // The catch-up that was waiting has nothing left to show.
    const renders = shown.length;
    await paint();
    expect(shown.slice(renders).every((entry) => entry === 'Hello there|b')).toBe(true);
    await act(async () => root.unmount());
  });
});
