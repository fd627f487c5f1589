import { useEffect, useState } from 'react';
import { draftAsText } from '@/utils/compose/draft-text';
import { t } from '@/utils/i18n/messages';
import { draftStorage } from '@/utils/storage';

/** Shown when a page broke: the saved draft, readable and copyable, and a way to try again. */
export function SavedDraftRescue(props: { onRetry(): void }) {
  const [text, setText] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    // Read straight from storage: whatever broke the page must not stand between the user and it.
    draftStorage.getValue().then(
      (draft) => setText(draftAsText(draft)),
      () => setText(''),
    );
    // The last keys typed before the break may still be on their way to storage (typing is
    // saved within a moment): they are shown when they arrive.
    return draftStorage.watch((draft) => setText(draftAsText(draft)));
  }, []);

  const copy = async () => {
    if (!text) return;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Without clipboard access the text is selected, ready for Ctrl+C.
      const field = document.getElementById('rescued-draft');
      if (field instanceof HTMLTextAreaElement) field.select();
      return;
    }
    setCopied(true);
  };

  return (
    <main className="popup" role="alert" aria-labelledby="rescue-title">
      <h1 id="rescue-title">{t('rescue.title')}</h1>
      <p>{t('rescue.body')}</p>
      {text === null ? null : text ? (
        <>
          <label htmlFor="rescued-draft">{t('rescue.savedPost')}</label>
          <textarea id="rescued-draft" readOnly rows={8} value={text} dir="auto" />
          <button type="button" className="primary" onClick={() => void copy()}>
            {copied ? t('rescue.copied') : t('rescue.copy')}
          </button>
        </>
      ) : (
        <p className="muted">{t('rescue.nothingSaved')}</p>
      )}
      <button type="button" onClick={props.onRetry}>
        {t('rescue.retry')}
      </button>
    </main>
  );
}
