import { useMemo, type FormEvent, type KeyboardEvent } from 'react';
import type { SerializedError } from '@/utils/errors';
import type { Account } from '@/utils/networks/types';
import { measureText } from '@/utils/text/limits';
import { ErrorMessage } from './ErrorMessage';
import { TargetCounters } from './TargetCounters';
import { TargetPicker } from './TargetPicker';

/** The writing area: text, accounts, per-account counters and the Post button. */
export function Composer(props: {
  accounts: Account[];
  text: string;
  selected: string[];
  busy: boolean;
  error: SerializedError | null;
  onText(text: string): void;
  onToggle(accountId: string, on: boolean): void;
  onPost(): void;
}) {
  // Counting scans every URL and mention, so it runs only when text, accounts or choice change.
  const rows = useMemo(
    () =>
      props.accounts
        .filter((account) => props.selected.includes(account.id))
        .map((account) => ({
          account,
          measure: measureText(account.network, props.text, account.limits),
        })),
    [props.accounts, props.selected, props.text],
  );
  const empty = props.text.trim().length === 0;
  const over = rows.some((row) => row.measure.over);
  const blocked = props.busy || empty || over || rows.length === 0;
  const why = props.busy
    ? 'Sent: see each account below.'
    : rows.length === 0
      ? 'Pick at least one account.'
      : empty
        ? 'Write something to post.'
        : over
          ? 'Shorten the text: it is too long for an account.'
          : '';

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!blocked) props.onPost();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
  };

  return (
    <form className="composer" onSubmit={submit} onKeyDown={onKeyDown}>
      <label htmlFor="post-text" className="visually-hidden">
        Post text
      </label>
      <textarea
        id="post-text"
        value={props.text}
        placeholder="What do you want to share?"
        rows={7}
        autoFocus
        readOnly={props.busy}
        onChange={(event) => props.onText(event.currentTarget.value)}
      />
      <TargetPicker accounts={props.accounts} selected={props.selected} onToggle={props.onToggle} />
      <TargetCounters rows={rows} />
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
