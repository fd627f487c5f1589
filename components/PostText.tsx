import { useEffect, useRef, useState, type ClipboardEvent } from 'react';
import { useComposer } from '@/utils/composer-store';
import { t } from '@/utils/i18n/messages';

/**
 * The post's text. The browser keeps what is typed in the textarea itself: a key changes the store
 * and nothing React draws, so its frame holds the textarea's own update alone (a controlled
 * textarea re-rendered, compared and rewrote all of a long text on every key). A text that
 * changes in the store otherwise (a page shared into it, a new draft, another window) is written
 * into the textarea.
 */
export function PostText(props: { readOnly: boolean; onPaste(event: ClipboardEvent): void }) {
  const box = useRef<HTMLTextAreaElement>(null);
  // The text this textarea last gave the store: the same string comes back, compared in O(1).
  const typed = useRef<string | undefined>(undefined);
  const setText = useComposer((state) => state.setText);
  const [initialText] = useState(() => useComposer.getState().draft.text);

  useEffect(() => {
    const show = (text: string) => {
      if (text === typed.current || !box.current) return;
      typed.current = text;
      if (box.current.value !== text) box.current.value = text;
    };
    // What changed between the first render and this subscription shows too.
    show(useComposer.getState().draft.text);
    return useComposer.subscribe((state) => show(state.draft.text));
  }, []);

  return (
    <>
      <label htmlFor="post-text" className="visually-hidden">
        {t('composer.textLabel')}
      </label>
      <textarea
        ref={box}
        id="post-text"
        defaultValue={initialText}
        placeholder={t('composer.placeholder')}
        dir="auto"
        rows={7}
        autoFocus
        readOnly={props.readOnly}
        aria-describedby="post-text-hint"
        onChange={(event) => {
          typed.current = event.currentTarget.value;
          setText(typed.current);
        }}
        onPaste={props.onPaste}
      />
    </>
  );
}
