import { useState } from 'react';
import { ErrorMessage } from '@/components/ErrorMessage';
import { useConnectSubmit } from '@/components/use-connect-submit';
import type { ConnectFormProps } from '../capabilities';
import { t } from '@/utils/i18n/messages';

/**
 * Connects a Bluesky (or other AT Protocol) account with an app password. To reconnect, the
 * options page shows it with the account's handle filled in and the password field focused.
 */
export default function BlueskyConnectForm({ account }: ConnectFormProps) {
  const initialHandle = account?.handle ?? '';
  const [identifier, setIdentifier] = useState(initialHandle);
  const [password, setPassword] = useState('');
  const [server, setServer] = useState('');
  const { busy, error, done, submit } = useConnectSubmit(
    'bluesky',
    () => ({ identifier, password, ...(server.trim() && { server }) }),
    () => setPassword(''),
  );

  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="bluesky-heading">
      <h2 id="bluesky-heading">{t('connect.addAccount', { network: 'Bluesky' })}</h2>
      <p className="muted">{t('connect.blueskyAppPassword')}</p>
      <label htmlFor="bluesky-identifier">{t('connect.handleOrEmail')}</label>
      <input
        id="bluesky-identifier"
        type="text"
        dir="ltr"
        autoComplete="username"
        placeholder="alice.bsky.social"
        value={identifier}
        onChange={(event) => setIdentifier(event.currentTarget.value)}
        required
      />
      <label htmlFor="bluesky-password">{t('connect.appPassword')}</label>
      <input
        id="bluesky-password"
        type="password"
        autoFocus={initialHandle !== ''}
        autoComplete="current-password"
        placeholder="xxxx-xxxx-xxxx-xxxx"
        value={password}
        onChange={(event) => setPassword(event.currentTarget.value)}
        required
      />
      <details>
        <summary>{t('connect.ownServer')}</summary>
        <label htmlFor="bluesky-server">{t('connect.serverOptional')}</label>
        <input
          id="bluesky-server"
          type="text"
          dir="ltr"
          inputMode="url"
          placeholder="https://pds.example.com"
          value={server}
          onChange={(event) => setServer(event.currentTarget.value)}
        />
      </details>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('connect.connecting') : t('connect.connectAccount', { network: 'Bluesky' })}
      </button>
      <ErrorMessage error={error} />
      {done ? <p role="status">{done}</p> : null}
    </form>
  );
}
