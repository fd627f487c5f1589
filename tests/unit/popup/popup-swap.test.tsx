// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '@/entrypoints/popup/Popup';
import { newDraft } from '@/utils/compose/draft';
import { useComposer } from '@/utils/composer-store';
import { testAccount } from '../test-accounts';

// The full popup's module loads once a test opens the gate.
const gate = vi.hoisted(() => {
  const opening: { open?: () => void } = {};
  const opened = new Promise<void>((resolve) => (opening.open = resolve));
  return { opened, open: () => opening.open?.() };
});

// The full popup, reduced to what the hand-over concerns: its own post text, focused on mount.
vi.mock('@/entrypoints/popup/PopupApp', async () => {
  await gate.opened;
  return {
    PopupApp: () => {
      const text = useComposer((state) => state.draft.text);
      return <textarea id="post-text" data-full="" value={text} autoFocus readOnly />;
    },
  };
});

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const accounts = [testAccount('a', 'mastodon'), testAccount('b', 'bluesky')];
let root: Root;
let container: HTMLElement;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  useComposer.getState().hydrateFrom(
    { draft: { ...newDraft(['b']), text: 'Hello world' }, lastTargets: [], lastLanguage: null },
    accounts.map((account) => account.id),
  );
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

const postText = () => container.querySelector<HTMLTextAreaElement>('#post-text')!;
const full = () => container.querySelector('[data-full]');

/** Renders the popup and returns once its first frame is on the page, before the full one. */
function renderFirstFrame() {
  act(() => root.render(<Popup accounts={accounts} />));
  expect(full()).toBeNull();
}

/** Lets frames and the lazy import run (React applies what they set when each act ends). */
async function fullPopupLoaded() {
  gate.open();
  for (let turn = 0; turn < 100 && !full(); turn += 1) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
  expect(full()).not.toBeNull();
}

describe('the popup’s first frame', () => {
  it('shows the draft and every account, the picked ones checked, before the full composer', () => {
    renderFirstFrame();
    expect(postText().value).toBe('Hello world');
    const boxes = [...container.querySelectorAll<HTMLInputElement>('fieldset.targets input')];
    expect(boxes.map((box) => box.checked)).toEqual([false, true]);
    // Post waits for the full composer (and its counters).
    expect(container.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled).toBe(
      true,
    );
  });

  it('writes what is typed and picked into the draft', () => {
    renderFirstFrame();
    act(() => {
      const field = postText();
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(
        field,
        'Hello world!',
      );
      field.dispatchEvent(new Event('input', { bubbles: true }));
      container.querySelector<HTMLInputElement>('fieldset.targets input')!.click();
    });
    expect(useComposer.getState().draft).toMatchObject({
      text: 'Hello world!',
      targetIds: ['b', 'a'],
    });
  });

  it('puts the caret in the text for the first paint, after React has committed', async () => {
    renderFirstFrame();
    expect(document.activeElement).not.toBe(postText());
    await act(() => new Promise(requestAnimationFrame));
    expect(document.activeElement).toBe(postText());
    expect(full()).toBeNull();
  });

  it('hands the caret to the full composer where the writer left it', async () => {
    renderFirstFrame();
    const first = postText();
    first.focus();
    first.setSelectionRange(5, 5);
    await fullPopupLoaded();
    const next = postText();
    expect(next).not.toBe(first);
    expect(document.activeElement).toBe(next);
    expect([next.selectionStart, next.selectionEnd]).toEqual([5, 5]);
  });
});
