import { useState } from 'react';
import { browser } from 'wxt/browser';
import { ErrorMessage } from '@/components/ErrorMessage';
import { useConnectSubmit } from '@/components/use-connect-submit';
import { t } from '@/utils/i18n/messages';
import type { ConnectFormProps } from '../capabilities';

/**
 * Connects Threads with the person's own Meta app: Meta gives no way to sign in without an App
 * secret, and Crosswind has no server to keep one. The steps say exactly what to do in Meta's
 * dashboard and what to paste; the secret goes to the background's vault and to Meta only.
 */
export default function ThreadsConnectForm(_props: ConnectFormProps) {
  const redirectUrl = browser.identity.getRedirectURL();
  const [appId, setAppId] = useState('');
  const [appSecret, setAppSecret] = useState('');
  const [server, setServer] = useState('');
  const [copied, setCopied] = useState(false);
  const { busy, error, done, submit } = useConnectSubmit(
    'threads',
    () => ({ appId, appSecret, ...(server.trim() && { server }) }),
    () => setAppSecret(''),
  );

  const copy = async () => {
    await navigator.clipboard.writeText(redirectUrl);
    setCopied(true);
  };

  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="threads-heading">
      <h2 id="threads-heading">{t('connect.addAccount', { network: 'Threads' })}</h2>
      <p className="muted">{t('threadsConnect.why')}</p>
      <ol className="steps">
        <li>{t('threadsConnect.stepCreateApp')}</li>
        <li>{t('threadsConnect.stepTester')}</li>
        <li>
          {t('threadsConnect.stepRedirect')}
          <span className="copy-row">
            <code id="threads-redirect">{redirectUrl}</code>
            <button type="button" onClick={() => void copy()} aria-describedby="threads-redirect">
              {copied ? t('threadsConnect.copied') : t('threadsConnect.copy')}
            </button>
          </span>
        </li>
        <li>{t('threadsConnect.stepPaste')}</li>
      </ol>
      <label htmlFor="threads-app-id">{t('threadsConnect.appId')}</label>
      <input
        id="threads-app-id"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="990602627938098"
        value={appId}
        onChange={(event) => setAppId(event.currentTarget.value)}
        required
      />
      <label htmlFor="threads-app-secret">{t('threadsConnect.appSecret')}</label>
      <input
        id="threads-app-secret"
        type="password"
        autoComplete="off"
        value={appSecret}
        onChange={(event) => setAppSecret(event.currentTarget.value)}
        required
      />
      <p className="hint">{t('threadsConnect.secretKept')}</p>
      <details>
        <summary>{t('threadsConnect.advanced')}</summary>
        <label htmlFor="threads-server">{t('threadsConnect.apiAddress')}</label>
        <input
          id="threads-server"
          type="text"
          inputMode="url"
          placeholder="https://graph.threads.net"
          value={server}
          onChange={(event) => setServer(event.currentTarget.value)}
        />
      </details>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('connect.waiting') : t('connect.connectAccount', { network: 'Threads' })}
      </button>
      <ErrorMessage error={error} />
      {/* Meta shows its refusals (wrong ID, unregistered redirect, not a tester) in its own window. */}
      {error?.kind === 'cancelled' ? (
        <p className="hint">{t('threadsConnect.closedHint')}</p>
      ) : null}
      {done ? <p role="status">{done}</p> : null}
    </form>
  );
}
