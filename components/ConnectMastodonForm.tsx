import { useState, type FormEvent } from 'react';
import { connectMastodon } from '@/utils/connect-mastodon';
import { serializeError, type SerializedError } from '@/utils/errors';
import { accountLabel } from '@/utils/networks/info';
import { ErrorMessage } from './ErrorMessage';

/** Connects a Mastodon (or Mastodon-API) account by server address and OAuth. */
export function ConnectMastodonForm({ initialServer = '' }: { initialServer?: string }) {
  const [server, setServer] = useState(initialServer);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SerializedError | null>(null);
  const [done, setDone] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone('');
    try {
      const account = await connectMastodon(server);
      setDone(`Connected ${accountLabel(account)}.`);
    } catch (thrown) {
      setError(serializeError(thrown));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="mastodon-heading">
      <h2 id="mastodon-heading">Add a Mastodon account</h2>
      <p className="muted">
        Any server that speaks the Mastodon API: Mastodon, GoToSocial, Akkoma, Pixelfed…
      </p>
      <label htmlFor="mastodon-server">Mastodon server</label>
      <input
        id="mastodon-server"
        type="text"
        inputMode="url"
        autoComplete="url"
        placeholder="mastodon.social"
        value={server}
        onChange={(event) => setServer(event.currentTarget.value)}
        required
      />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Waiting for authorization…' : 'Connect Mastodon account'}
      </button>
      <ErrorMessage error={error} />
      {done ? <p role="status">{done}</p> : null}
    </form>
  );
}
