import { useCallback } from 'react';
import { TargetPicker } from '@/components/TargetPicker';
import { useComposer } from '@/utils/composer-store';
import { t } from '@/utils/i18n/messages';
import type { Account } from '@/utils/networks/types';
import { THREAD_MARKER } from '@/utils/text/thread-marker';
import { caretOf, type Caret } from './caret';
import { NoAccounts, PopupHeader } from './PopupHeader';

/**
 * The popup's first frame: the text and the accounts to post to, laid out as the full composer
 * lays them out, so writing and picking can start at once. The full composer (warning, images,
 * versions, counters, settings, "Post later", delivery) replaces it as soon as it has loaded;
 * until then Post waits, as it waits for the counters anyway. `onLeave` gets the caret when
 * this frame is replaced while the text has the focus, so the full composer puts it back.
 */
export function FirstFrame(props: {
  accounts: Account[] | undefined;
  onLeave(caret: Caret): void;
}) {
  const { draft, setText, toggleTarget } = useComposer();
  const { accounts, onLeave } = props;
  const attachText = useCallback(
    (field: HTMLTextAreaElement | null) => {
      if (!field) return;
      // The caret goes in just before the first paint, not while React commits: focusing makes
      // the browser lay the page out there and then, which the frame then does anyway.
      const frame = requestAnimationFrame(() => field.focus());
      return () => {
        cancelAnimationFrame(frame);
        const caret = caretOf(field);
        if (caret) onLeave(caret);
      };
    },
    [onLeave],
  );
  if (!accounts) return <main className="popup" aria-busy="true" />;
  return (
    <main className="popup">
      <PopupHeader />
      {accounts.length === 0 ? (
        <NoAccounts />
      ) : (
        <form className="composer" onSubmit={(event) => event.preventDefault()}>
          {/* Where the full composer's warning toggle goes, so the text does not jump down. */}
          <div className="warning">
            <button type="button" className="toggle" disabled>
              {draft.contentWarning ? t('warning.remove') : t('warning.add')}
            </button>
          </div>
          <label htmlFor="post-text" className="visually-hidden">
            {t('composer.textLabel')}
          </label>
          <textarea
            id="post-text"
            ref={attachText}
            value={draft.text}
            placeholder={t('composer.placeholder')}
            dir="auto"
            rows={7}
            aria-describedby="post-text-hint"
            onChange={(event) => setText(event.currentTarget.value)}
          />
          <p className="hint" id="post-text-hint">
            {t('composer.threadHint', { marker: THREAD_MARKER })}
          </p>
          <TargetPicker accounts={accounts} selected={draft.targetIds} onToggle={toggleTarget} />
          <div className="actions">
            <span className="why" id="post-why" />
            <button type="submit" className="primary" disabled aria-describedby="post-why">
              {draft.scheduledAt === undefined ? t('composer.post') : t('composer.schedule')}
            </button>
          </div>
        </form>
      )}
    </main>
  );
}
