import { useState } from 'react';
import { browser } from 'wxt/browser';
import { ErrorMessage } from '@/components/ErrorMessage';
import { normalizeServerUrl } from '@/utils/auth/server-url';
import { originPattern } from '@/utils/capture/site-access';
import { useConnectSubmit } from '@/components/use-connect-submit';
import { t } from '@/utils/i18n/messages';
import { accountsStorage } from '@/utils/storage';
import { useStoredValue } from '@/utils/use-stored-value';
import type { ConnectFormProps } from '../capabilities';
import { OTP_REQUIRED } from './errors';
import { PeerTubeAccountSettings } from './AccountSettings';

/**
 * Connects a PeerTube account with its server, username and password (PeerTube offers other apps
 * only the password grant). The password is sent once and forgotten; when the account has
 * two-factor authentication, a code field appears and the form is sent again with it.
 */
export default function PeerTubeConnectForm({ account }: ConnectFormProps) {
  const [server, setServer] = useState(account?.server ?? '');
  const [username, setUsername] = useState(account?.handle ?? '');
  const [password, setPassword] = useState('');
  const [otp, setOtp] = useState('');
  const [askOtp, setAskOtp] = useState(false);
  const accounts = useStoredValue(accountsStorage) ?? [];
  const peertubeAccounts = accounts.filter((item) => item.network === 'peertube');

  const { busy, error, done, submit } = useConnectSubmit(
    'peertube',
    async () => {
      // PeerTube lets other sites read only Retry-After of its answers; the upload needs its
      // Location and Range headers, which only access to the site gives. Asked while the click counts.
      const origin = normalizeServerUrl(server, 'PeerTube server');
      const granted = await browser.permissions.request({ origins: [originPattern(origin)] });
      if (!granted) throw new Error(t('peertube.needsSiteAccess', { host: new URL(origin).host }));
      return {
        server: origin,
        username,
        password,
        ...(askOtp && otp.trim() && { otp: otp.trim() }),
      };
    },
    () => {
      setPassword('');
      setOtp('');
      setAskOtp(false);
    },
    (failure) => {
      if (failure.detail === OTP_REQUIRED) setAskOtp(true);
    },
  );

  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="peertube-heading">
      <h2 id="peertube-heading">{t('connect.addAccount', { network: 'PeerTube' })}</h2>
      <p className="muted">{t('peertube.description')}</p>
      <label htmlFor="peertube-server">{t('address.networkServer', { network: 'PeerTube' })}</label>
      <input
        id="peertube-server"
        type="text"
        inputMode="url"
        placeholder="framatube.org"
        value={server}
        onChange={(event) => setServer(event.currentTarget.value)}
        required
      />
      <label htmlFor="peertube-username">{t('peertube.username')}</label>
      <input
        id="peertube-username"
        type="text"
        autoComplete="username"
        value={username}
        onChange={(event) => setUsername(event.currentTarget.value)}
        required
      />
      <label htmlFor="peertube-password">{t('peertube.password')}</label>
      <input
        id="peertube-password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.currentTarget.value)}
        required
      />
      {askOtp ? (
        <>
          <label htmlFor="peertube-otp">{t('peertube.otpCode')}</label>
          <input
            id="peertube-otp"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            autoFocus
            value={otp}
            onChange={(event) => setOtp(event.currentTarget.value)}
            required
          />
        </>
      ) : null}
      <p className="muted">{t('peertube.passwordNotKept')}</p>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('connect.connecting') : t('connect.connectAccount', { network: 'PeerTube' })}
      </button>
      <ErrorMessage error={error} />
      {done ? <p role="status">{done}</p> : null}
      {peertubeAccounts.map((item) => (
        <PeerTubeAccountSettings key={item.id} account={item} />
      ))}
    </form>
  );
}
