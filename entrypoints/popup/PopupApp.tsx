import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { Composer } from '@/components/Composer';
import { usePageCapture } from '@/components/use-page-capture';
import { afterFirstFrame, firstFramePainted } from '@/utils/after-first-frame';
import { useComposer } from '@/utils/composer-store';
import { serializeError, type SerializedError } from '@/utils/errors';
import { sendMessage } from '@/utils/messaging';
import { isScheduledJob, isSettled } from '@/utils/publish/types';
import type { Account } from '@/utils/networks/types';
import { accountsStorage } from '@/utils/storage';
import { useOutbox } from '@/utils/use-outbox';
import { useStoredValue } from '@/utils/use-stored-value';
import { NoAccounts, PopupHeader } from './PopupHeader';
import { t } from '@/utils/i18n/messages';

const LIMITS_MAX_AGE_MS = 24 * 60 * 60 * 1000;

// Shown only once something has been posted, and loaded only then.
const DeliveryStatus = lazy(async () => ({
  default: (await import('@/components/DeliveryStatus')).DeliveryStatus,
}));

/** The outbox is read once the composer is on screen: its first frame never waits for IndexedDB. */
async function readJobsLater(draftId: string, pinnedJobId: string | undefined) {
  const [{ readPopupJobs }] = await Promise.all([import('./popup-jobs'), firstFramePainted()]);
  return readPopupJobs(draftId, pinnedJobId);
}

/** The toolbar popup: compose, pick accounts, post, and watch each account's delivery. */
export function PopupApp(props: { accounts?: Account[] | undefined }) {
  const accounts = useStoredValue(accountsStorage, props.accounts);
  // Narrow reads: the popup around the composer has nothing to redraw when a key is typed.
  const hydrated = useComposer((state) => state.hydrated);
  const draftId = useComposer((state) => state.draft.id);
  const hydrate = useComposer((state) => state.hydrate);
  const startNew = useComposer((state) => state.startNew);
  const tidyImages = useComposer((state) => state.tidyImages);
  // The job on screen stays there after its draft is cleared, so the links remain visible.
  const [pinnedJobId, setPinnedJobId] = useState<string>();
  const readJobs = useCallback(() => readJobsLater(draftId, pinnedJobId), [draftId, pinnedJobId]);
  const jobs = useOutbox(readJobs);
  const [error, setError] = useState<SerializedError | null>(null);
  const captured = usePageCapture();

  useEffect(() => {
    if (accounts && !hydrated) void hydrate(accounts.map((account) => account.id));
  }, [accounts, hydrated, hydrate]);

  // Waking the worker and tidying the image store wait until the composer is on screen.
  useEffect(
    () =>
      afterFirstFrame(() => {
        // Opening the popup wakes a worker the browser stopped, so unfinished posts go on.
        void sendMessage('outbox.resume', {}).catch(() => undefined);
        // Also catches files left by a draft the background cleared while no popup was open.
        void tidyImages();
      }),
    [tidyImages],
  );

  useEffect(() => {
    // Limits change rarely; re-read them in the background at most once a day.
    if (accounts?.some((account) => Date.now() - account.limitsCheckedAt > LIMITS_MAX_AGE_MS)) {
      return afterFirstFrame(() => void sendMessage('accounts.refresh', {}).catch(() => undefined));
    }
  }, [accounts]);

  if (!accounts || !hydrated) return <main className="popup" aria-busy="true" />;

  // A post waiting for its time is on the sent-posts page; only one just scheduled shows here.
  const job = jobs?.find(
    (item) =>
      item.draftId === draftId ||
      item.id === pinnedJobId ||
      (!isSettled(item) && !isScheduledJob(item)),
  );
  if (job && job.id !== pinnedJobId) setPinnedJobId(job.id);
  // Once a draft has been sent, Post stays off: pressing it again would post twice to the
  // accounts that already have it. Failed accounts are retried from the delivery list.
  const sent = job !== undefined && job.draftId === draftId;

  const post = async () => {
    setError(null);
    // The draft as typed up to the last key, stored first: the background clears it once sent,
    // and a save still waiting must not bring it back after that.
    const { draft, flushDraft } = useComposer.getState();
    try {
      await flushDraft();
      const targetIds = draft.targetIds.filter((id) => accounts.some((item) => item.id === id));
      const { jobId } = await sendMessage('post.publish', { draft: { ...draft, targetIds } });
      setPinnedJobId(jobId);
    } catch (thrown) {
      setError(serializeError(thrown));
    }
  };
  const retry = (accountId: string) => {
    if (!job) return;
    sendMessage('post.retry', { jobId: job.id, accountId }).catch((thrown: unknown) =>
      setError(serializeError(thrown)),
    );
  };

  return (
    <main className="popup">
      <PopupHeader />
      {accounts.length === 0 ? (
        <NoAccounts />
      ) : (
        <Composer
          accounts={accounts}
          busy={sent}
          error={error}
          captured={captured}
          onPost={() => void post()}
        />
      )}
      {job ? (
        <Suspense fallback={null}>
          <DeliveryStatus job={job} accounts={accounts} onRetry={retry} />
        </Suspense>
      ) : null}
      {job && sent && isSettled(job) ? (
        <button type="button" onClick={startNew}>
          {t('popup.startNew')}
        </button>
      ) : null}
    </main>
  );
}
