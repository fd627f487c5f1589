import { useState } from 'react';
import { ConfirmAction } from '@/components/ConfirmAction';
import { ErrorMessage } from '@/components/ErrorMessage';
import { HistoryList } from '@/components/HistoryList';
import { LoadMore } from '@/components/LoadMore';
import { ScheduledList } from '@/components/ScheduledList';
import { serializeError, type SerializedError } from '@/utils/errors';
import { sendMessage } from '@/utils/messaging';
import { isScheduledJob, isSettled } from '@/utils/publish/types';
import { accountsStorage } from '@/utils/storage';
import { useStoredValue } from '@/utils/use-stored-value';
import { useHistory } from './use-history';
import { t } from '@/utils/i18n/messages';

/**
 * The history page: posts waiting for their time first, then every sent post with where it went,
 * live as deliveries progress. Only the first screen is read at once; older posts follow as the
 * user scrolls, so a long history opens as fast as a short one.
 */
export function HistoryApp() {
  const { view, loadMore } = useHistory();
  const jobs = view?.history.map((item) => item.job);
  const accounts = useStoredValue(accountsStorage);
  const [error, setError] = useState<SerializedError | null>(null);

  const clear = () => {
    setError(null);
    sendMessage('history.clear', {}).catch((thrown: unknown) => setError(serializeError(thrown)));
  };

  return (
    <main className="options history" aria-busy={!jobs || !accounts}>
      <header className="bar">
        <h1>{t('history.listLabel')}</h1>
        <a href="/options.html">{t('popup.accounts')}</a>
      </header>
      {jobs?.some(isSettled) ? (
        <div className="history-actions">
          <ConfirmAction
            label={t('history.clear')}
            question={t('history.clearQuestion')}
            note={t('history.clearNote')}
            confirmLabel={t('history.clearConfirm')}
            onConfirm={clear}
          />
        </div>
      ) : null}
      <ErrorMessage error={error} />
      {view && jobs && accounts ? (
        <>
          <ScheduledList jobs={view.scheduled} accounts={accounts} />
          <HistoryList jobs={jobs.filter((job) => !isScheduledJob(job))} accounts={accounts} />
          {view.more ? (
            // A new button per page: one still in view after a page loads asks for the next.
            <LoadMore key={jobs.length} label={t('history.older')} onLoad={loadMore} />
          ) : null}
        </>
      ) : null}
    </main>
  );
}
