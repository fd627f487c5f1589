import type { ClipboardEvent } from 'react';
import { useComposer } from '@/utils/composer-store';
import { t } from '@/utils/i18n/messages';

/**
 * The post's text. It alone reads the text from the store, so a key redraws this textarea and
 * nothing else in the frame after it; the rest of the composer follows in a transition.
 */
export function PostText(props: { readOnly: boolean; onPaste(event: ClipboardEvent): void }) {
  const text = useComposer((state) => state.draft.text);
  const setText = useComposer((state) => state.setText);
  return (
    <>
      <label htmlFor="post-text" className="visually-hidden">
        {t('composer.textLabel')}
      </label>
      <textarea
        id="post-text"
        value={text}
        placeholder={t('composer.placeholder')}
        dir="auto"
        rows={7}
        autoFocus
        readOnly={props.readOnly}
        aria-describedby="post-text-hint"
        onChange={(event) => setText(event.currentTarget.value)}
        onPaste={props.onPaste}
      />
    </>
  );
}
