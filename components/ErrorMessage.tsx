import { errorText, type SerializedError } from '@/utils/errors';
import { t, type PlainKey } from '@/utils/i18n/messages';

const HINTS: Partial<Record<SerializedError['kind'], PlainKey>> = {
  auth: 'errors.hint.auth',
  'rate-limit': 'errors.hint.rateLimit',
  network: 'errors.hint.network',
  server: 'errors.hint.server',
};

/**
 * An error in plain words with what to do about it, in the language the user reads now (an
 * error recorded in another language is worded again); announced to screen readers as it appears.
 */
export function ErrorMessage({
  error,
  id,
  prefix,
}: {
  error: SerializedError | null;
  id?: string;
  /** Words that say what failed, before the reason ("Could not delete from …:"). */
  prefix?: string;
}) {
  if (!error) return null;
  const text = errorText(error);
  const hintKey = HINTS[error.kind];
  const hint = hintKey ? t(hintKey) : undefined;
  return (
    <p className="error" role="alert" id={id}>
      {prefix ? `${prefix} ${text}` : text}
      {hint && !text.includes(hint) ? <span className="hint"> {hint}</span> : null}
    </p>
  );
}
