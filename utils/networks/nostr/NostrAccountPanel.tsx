import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '@/components/ErrorMessage';
import { serializeError, type SerializedError } from '@/utils/errors';
import { t } from '@/utils/i18n/messages';
import { sendMessage } from '@/utils/messaging';
import { accountLabel } from '../info';
import type { Account } from '../types';
import { relaysFromText } from './relay-text';

/** One Nostr account's relays and media server, and its passphrase field while the key is locked. */
export function NostrAccountPanel({ account, focus }: { account: Account; focus: boolean }) {
  const settings = account.nostr;
  const [relays, setRelays] = useState(settings?.relays.write.join('\n') ?? '');
  const [media, setMedia] = useState(settings?.mediaServers.join('\n') ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SerializedError | null>(null);
  const [status, setStatus] = useState('');
  if (!settings) return null;
  const label = accountLabel(account);
  const locked =
    settings.signer === 'local-key' && (settings.locked === true || account.state === 'reconnect');
  const prefix = `nostr-${account.remoteId.slice(0, 12)}`;

  const act = async (work: () => Promise<void>, done: string) => {
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      await work();
      setStatus(done);
    } catch (thrown) {
      setError(serializeError(thrown));
    } finally {
      setBusy(false);
    }
  };
  const unlock = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      await sendMessage('nostr.unlock', { accountId: account.id, passphrase });
      setPassphrase('');
    }, t('nostrUi.unlocked'));
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    void act(
      () =>
        sendMessage('nostr.editSettings', {
          accountId: account.id,
          writeRelays: relaysFromText(relays),
          mediaServers: relaysFromText(media),
        }),
      t('nostrUi.settingsSaved'),
    );
  };

  return (
    <div role="group" aria-label={t('nostrUi.accountSettings', { account: label })}>
      <h3>{t('nostrUi.accountSettings', { account: label })}</h3>
      {locked ? (
        <form onSubmit={unlock} aria-label={t('nostrUi.unlockForm', { account: label })}>
          <p>{t('nostrUi.lockedExplain')}</p>
          <label htmlFor={`${prefix}-unlock`}>{t('nostrUi.passphrase')}</label>
          <input
            id={`${prefix}-unlock`}
            type="password"
            autoComplete="current-password"
            autoFocus={focus}
            value={passphrase}
            onChange={(event) => setPassphrase(event.currentTarget.value)}
            required
          />
          <button type="submit" className="primary" disabled={busy}>
            {t('nostrUi.unlock')}
          </button>
        </form>
      ) : null}
      <form onSubmit={save} aria-label={t('nostrUi.relaysForm', { account: label })}>
        <label htmlFor={`${prefix}-relays`}>{t('nostrUi.writeRelays')}</label>
        <textarea
          id={`${prefix}-relays`}
          rows={3}
          value={relays}
          onChange={(event) => setRelays(event.currentTarget.value)}
        />
        <label htmlFor={`${prefix}-media`}>{t('nostrUi.mediaServers')}</label>
        <textarea
          id={`${prefix}-media`}
          rows={2}
          value={media}
          onChange={(event) => setMedia(event.currentTarget.value)}
        />
        {settings.mediaServers.length === 0 ? (
          <p className="hint">{t('nostr.noMediaServer')}</p>
        ) : null}
        <button type="submit" disabled={busy}>
          {t('nostrUi.saveSettings')}
        </button>
      </form>
      <ErrorMessage error={error} />
      {status ? <p role="status">{status}</p> : null}
    </div>
  );
}
