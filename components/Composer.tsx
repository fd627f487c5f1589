import { useMemo, type FormEvent, type KeyboardEvent } from 'react';
import { planPost } from '@/utils/compose/plan';
import { THREAD_MARKER } from '@/utils/text/split-thread';
import { useComposer } from '@/utils/composer-store';
import type { SerializedError } from '@/utils/errors';
import type { Account } from '@/utils/networks/types';
import { ErrorMessage } from './ErrorMessage';
import { PostSettings } from './PostSettings';
import { TargetCounters } from './TargetCounters';
import { TargetPicker } from './TargetPicker';
import { VariantEditors } from './VariantEditors';
import { WarningFields } from './WarningFields';

/** The writing area: text, warning, accounts, separate versions, threads and the Post button. */
export function Composer(props: {
  accounts: Account[];
  busy: boolean;
  error: SerializedError | null;
  onPost(): void;
}) {
  const { draft, setText, toggleTarget, setNumbering } = useComposer();
  // Counting and splitting scan every URL and mention, so they run only when the draft changes.
  const plans = useMemo(() => planPost(draft, props.accounts), [draft, props.accounts]);
  const picked = plans.map((plan) => plan.account);
  const problem = plans.find((plan) => plan.problem)?.problem;
  const hasThread = plans.some((plan) => plan.parts.length > 1);
  const blocked = props.busy || plans.length === 0 || problem !== undefined;
  const why = props.busy
    ? 'Sent: see each account below.'
    : plans.length === 0
      ? 'Pick at least one account.'
      : (problem ?? '');

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!blocked) props.onPost();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
    // Escape would close the popup; the draft is saved already, so nothing is lost either way.
  };

  return (
    <form className="composer" onSubmit={submit} onKeyDown={onKeyDown}>
      <WarningFields
        draft={draft}
        hasBluesky={picked.some((account) => account.network === 'bluesky')}
        disabled={props.busy}
      />
      <label htmlFor="post-text" className="visually-hidden">
        Post text
      </label>
      <textarea
        id="post-text"
        value={draft.text}
        placeholder="What do you want to share?"
        rows={7}
        autoFocus
        readOnly={props.busy}
        aria-describedby="post-text-hint"
        onChange={(event) => setText(event.currentTarget.value)}
      />
      <p className="hint" id="post-text-hint">
        A line with only {THREAD_MARKER} starts a new post of a thread.
      </p>
      <TargetPicker
        accounts={props.accounts}
        selected={draft.targetIds}
        onToggle={toggleTarget}
        disabled={props.busy}
      />
      <VariantEditors draft={draft} picked={picked} disabled={props.busy} />
      <TargetCounters plans={plans} disabled={props.busy} />
      {hasThread ? (
        <label className="check">
          <input
            type="checkbox"
            checked={draft.numbering}
            disabled={props.busy}
            onChange={(event) => setNumbering(event.currentTarget.checked)}
          />
          Number the posts of a thread (1/3, 2/3…)
        </label>
      ) : null}
      <PostSettings
        draft={draft}
        mastodonAccounts={picked.filter((account) => account.network === 'mastodon')}
        disabled={props.busy}
      />
      <ErrorMessage error={props.error} />
      <div className="actions">
        <span className="why" id="post-why">
          {why}
        </span>
        <button type="submit" className="primary" disabled={blocked} aria-describedby="post-why">
          Post
        </button>
      </div>
    </form>
  );
}
