import { useState } from 'react';
import { ErrorMessage } from '@/components/ErrorMessage';
import { useConnectSubmit } from '@/components/use-connect-submit';
import { t } from '@/utils/i18n/messages';
import { sendMessage } from '@/utils/messaging';
import { MediaServerField } from './MediaServerField';
import { DEFAULT_SIGNER_RELAY } from './relay-text';

/** NIP-46: paste a `bunker://` address, or show a `nostrconnect://` code for the signer app. */
export function RemoteSignerConnect() {
  const [uri, setUri] = useState('');
  const [signerRelay, setSignerRelay] = useState(DEFAULT_SIGNER_RELAY);
  const [mediaServer, setMediaServer] = useState('');
  const [code, setCode] = useState('');
  const [copied, setCopied] = useState(false);
  const { busy, error, done, submit, run } = useConnectSubmit(
    'nostr',
    () => ({ method: 'bunker', uri, ...(mediaServer.trim() && { mediaServer }) }),
    () => setUri(''),
  );

  const showCode = () =>
    void run(async () => {
      try {
        const started = await sendMessage('nostr.startConnect', {
          relays: signerRelay,
          ...(mediaServer.trim() && { mediaServer }),
        });
        setCode(started.uri);
        setCopied(false);
        return await sendMessage('nostr.awaitConnect', { uri: started.uri });
      } finally {
        // The code is good for one connection, made or not.
        setCode('');
      }
    });

  const copy = async () => {
    await navigator.clipboard.writeText(code);
    setCopied(true);
  };

  return (
    <div>
      <form onSubmit={(event) => void submit(event)} aria-label={t('nostrUi.bunkerForm')}>
        <p className="muted">{t('nostrUi.bunkerExplain')}</p>
        <label htmlFor="nostr-bunker">{t('nostrUi.bunkerAddress')}</label>
        <input
          id="nostr-bunker"
          type="text"
          autoComplete="off"
          value={uri}
          onChange={(event) => setUri(event.currentTarget.value)}
          required
        />
        <MediaServerField id="nostr-bunker-media" value={mediaServer} onChange={setMediaServer} />
        <button type="submit" className="primary" disabled={busy}>
          {busy && !code ? t('connect.connecting') : t('nostrUi.connectSigner')}
        </button>
      </form>
      <details>
        <summary>{t('nostrUi.codeSummary')}</summary>
        <label htmlFor="nostr-signer-relay">{t('nostrUi.signerRelay')}</label>
        <input
          id="nostr-signer-relay"
          type="text"
          value={signerRelay}
          onChange={(event) => setSignerRelay(event.currentTarget.value)}
        />
        <button type="button" onClick={showCode} disabled={busy}>
          {t('nostrUi.showCode')}
        </button>
        {code ? (
          <div>
            <label htmlFor="nostr-connect-code">{t('nostrUi.connectCode')}</label>
            <textarea id="nostr-connect-code" readOnly rows={4} value={code} />
            <button type="button" onClick={() => void copy()}>
              {copied ? t('nostrUi.copied') : t('nostrUi.copyCode')}
            </button>
            <p role="status">{t('nostrUi.waitingForApproval')}</p>
          </div>
        ) : null}
      </details>
      <ErrorMessage error={error} />
      {done ? <p role="status">{done}</p> : null}
    </div>
  );
}
