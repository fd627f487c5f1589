import type { Account } from '@/utils/networks/types';
import type { PostJob } from '@/utils/publish/types';
import { HistoryItem } from './HistoryItem';
import { t } from '@/utils/i18n/messages';

/** Every sent post, newest first, or a word on where they will appear. */
export function HistoryList(props: { jobs: PostJob[]; accounts: Account[] }) {
  if (props.jobs.length === 0) {
    return <p className="muted">{t('history.empty')}</p>;
  }
  return (
    <ul className="history-list" aria-label={t('history.listLabel')}>
      {props.jobs.map((job) => (
        <HistoryItem key={job.id} job={job} accounts={props.accounts} />
      ))}
    </ul>
  );
}
