import type { SerializedError } from '@/utils/errors';

const HINTS: Partial<Record<SerializedError['kind'], string>> = {
  auth: 'Reconnect the account on the Accounts page.',
  'rate-limit': 'Wait a little, then retry.',
  network: 'Check your connection, then retry.',
  server: 'The server had a problem; retrying usually works.',
};

/** An error in plain words with what to do about it; announced to screen readers as it appears. */
export function ErrorMessage({ error, id }: { error: SerializedError | null; id?: string }) {
  if (!error) return null;
  const hint = HINTS[error.kind];
  return (
    <p className="error" role="alert" id={id}>
      {error.message}
      {hint && !error.message.includes(hint) ? <span className="hint"> {hint}</span> : null}
    </p>
  );
}
