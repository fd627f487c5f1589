// @vitest-environment happy-dom
import { act, createElement, Profiler } from 'react';
import { createRoot } from 'react-dom/client';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { newDraft } from '@/utils/compose/draft';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** The textarea over a store holding `text`, and how often React drew it. */
async function mounted(text: string) {
  // Both afresh, so the component reads the same new store.
  const { useComposer } = await import('@/utils/composer-store');
  const { PostText } = await import('@/components/PostText');
  useComposer
    .getState()
    .hydrateFrom(
      { draft: { ...newDraft([], 'en'), text }, lastTargets: [], lastLanguage: null },
      [],
    );
  // Counts every commit inside the textarea's component, whoever caused it.
  let renders = 0;
  const tree = createElement(
    Profiler,
    { id: 'post-text', onRender: () => (renders += 1) },
    createElement(PostText, { readOnly: false, onPaste: () => {} }),
  );
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(tree));
  const box = container.querySelector('textarea')!;
  const type = async (value: string) => {
    await act(async () => {
      // As the browser does: the value changes, then an input event tells React.
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      setter.call(box, value);
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
  };
  return {
    useComposer,
    box,
    type,
    renders: () => renders,
    unmount: () => act(() => root.unmount()),
  };
}

describe('PostText', () => {
  beforeEach(() => vi.resetModules());

  it('shows the saved text, and gives the store every key without React drawing it again', async () => {
    const { useComposer, box, type, renders, unmount } = await mounted('Saved');
    expect(box.value).toBe('Saved');
    const drawn = renders();
    await type('Saved t');
    await type('Saved text');
    expect(useComposer.getState().draft.text).toBe('Saved text');
    expect(box.value).toBe('Saved text');
    expect(renders()).toBe(drawn);
    await unmount();
  });

  it('writes a text changed elsewhere into the textarea: a shared page, a new draft', async () => {
    const { useComposer, box, type, unmount } = await mounted('');
    await type('My words');
    await act(async () => useComposer.getState().insertShared('https://example.com/page'));
    expect(box.value).toBe('My words\n\nhttps://example.com/page');
    await act(async () => useComposer.getState().startNew());
    expect(box.value).toBe('');
    // The new draft's media sweep, done before the test ends.
    await useComposer.getState().tidyImages();
    await unmount();
  });
});
