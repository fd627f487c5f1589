import { useState } from 'react';
import type { Account } from '@/utils/networks/types';
import type { PostJob } from '@/utils/publish/types';
import { ScheduledItem } from './ScheduledItem';
import { t } from '@/utils/i18n/messages';

/** Posts waiting for their time, soonest first, and what became of the last one changed. */
export function ScheduledList(props: { jobs: PostJob[]; accounts: Account[] }) {
  const [notice, setNotice] = useState('');
  const jobs = props.jobs.toSorted(
    (a, b) => (a.scheduledAt ?? a.createdAt) - (b.scheduledAt ?? b.createdAt),
  );
  if (jobs.length === 0 && !notice) return null;
  return (
    <section className="history-section" aria-labelledby="scheduled-heading">
      <h2 id="scheduled-heading">{t('scheduled.heading')}</h2>
      <p role="status" className="muted">
        {notice}
      </p>
      {jobs.length > 0 ? (
        <ul className="history-list" aria-label={t('scheduled.heading')}>
          {jobs.map((job) => (
            <ScheduledItem key={job.id} job={job} accounts={props.accounts} onGone={setNotice} />
          ))}
        </ul>
      ) : (
        <p className="muted">{t('scheduled.none')}</p>
      )}
    </section>
  );
}
