import { useState } from 'react';
import { ErrorMessage } from '@/components/ErrorMessage';
import { useConnectSubmit } from '@/components/use-connect-submit';
import { CrosswindError } from '@/utils/errors';
import { t } from '@/utils/i18n/messages';
import { words } from '@/utils/i18n/wording';
import { sendMessage } from '@/utils/messaging';
import { MediaServerField } from './MediaServerField';

/**
 * A key Crosswind keeps: pasted (nsec or hex), or made here for someone new, who first saves it.
 * Either way it is stored only encrypted under the passphrase chosen here (NIP-49).
 */
export function LocalKeyConnect() {
  const [key, setKey] = useState('');
  const [created, setCreated] = useState<{ nsec: string; npub: string } | null>(null);
  const [savedIt, setSavedIt] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mediaServer, setMediaServer] = useState('');
  const { busy, error, done, submit, report } = useConnectSubmit(
    'nostr',
    () => {
      if (passphrase !== repeat) {
        throw new CrosswindError('validation', words('nostrUi.passphrasesDiffer'));
      }
      return {
        method: 'local-key',
        key: created ? created.nsec : key,
        passphrase,
        ...(created && { generated: 'true' }),
        ...(mediaServer.trim() && { mediaServer }),
      };
    },
    () => {
      setKey('');
      setPassphrase('');
      setRepeat('');
      setCreated(null);
    },
  );

  const create = async () => {
    report(null);
    try {
      setCreated(await sendMessage('nostr.newKey', {}));
      setSavedIt(false);
    } catch (thrown) {
      report(thrown);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} aria-label={t('nostrUi.localKeyForm')}>
      <p className="muted">{t('nostrUi.localKeyExplain')}</p>
      {created ? (
        <div className="key-backup">
          <p>{t('nostrUi.backupExplain')}</p>
          <label htmlFor="nostr-new-nsec">{t('nostrUi.newSecretKey')}</label>
          <input id="nostr-new-nsec" type="text" readOnly value={created.nsec} />
          <label htmlFor="nostr-new-npub">{t('nostrUi.newPublicKey')}</label>
          <input id="nostr-new-npub" type="text" readOnly value={created.npub} />
          <label>
            <input
              type="checkbox"
              checked={savedIt}
              onChange={(event) => setSavedIt(event.currentTarget.checked)}
            />
            {t('nostrUi.savedIt')}
          </label>
        </div>
      ) : (
        <>
          <label htmlFor="nostr-key">{t('nostrUi.secretKey')}</label>
          <input
            id="nostr-key"
            type="password"
            autoComplete="off"
            value={key}
            onChange={(event) => setKey(event.currentTarget.value)}
            required
          />
          <button type="button" onClick={() => void create()}>
            {t('nostrUi.createKey')}
          </button>
        </>
      )}
      <label htmlFor="nostr-passphrase">{t('nostrUi.passphrase')}</label>
      <input
        id="nostr-passphrase"
        type="password"
        autoComplete="new-password"
        value={passphrase}
        onChange={(event) => setPassphrase(event.currentTarget.value)}
        required
      />
      <label htmlFor="nostr-passphrase-repeat">{t('nostrUi.passphraseRepeat')}</label>
      <input
        id="nostr-passphrase-repeat"
        type="password"
        autoComplete="new-password"
        value={repeat}
        onChange={(event) => setRepeat(event.currentTarget.value)}
        required
      />
      <MediaServerField id="nostr-key-media" value={mediaServer} onChange={setMediaServer} />
      <button type="submit" className="primary" disabled={busy || (created !== null && !savedIt)}>
        {busy ? t('connect.connecting') : t('nostrUi.connectKey')}
      </button>
      <ErrorMessage error={error} />
      {done ? <p role="status">{done}</p> : null}
    </form>
  );
}
