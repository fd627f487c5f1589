import { useState } from 'react';
import { t } from '@/utils/i18n/messages';
import type { ConnectFormProps } from '../capabilities';
import { LocalKeyConnect } from './LocalKeyConnect';
import { LookupRelaysForm } from './LookupRelaysForm';
import { NostrAccountPanel } from './NostrAccountPanel';
import { RemoteSignerConnect } from './RemoteSignerConnect';

type Method = 'remote' | 'local';

/**
 * Connects a Nostr account, a remote signer first (the key never reaches Crosswind), or a key
 * Crosswind keeps encrypted with a passphrase; below, each Nostr account's relays, media server
 * and, while locked, its passphrase field.
 */
export default function NostrConnectForm({ account, accounts }: ConnectFormProps) {
  const [method, setMethod] = useState<Method>('remote');
  const nostrAccounts = accounts.filter((item) => item.network === 'nostr');
  return (
    <section aria-labelledby="nostr-heading">
      <h2 id="nostr-heading">{t('connect.addAccount', { network: 'Nostr' })}</h2>
      <p className="muted">{t('nostrUi.intro')}</p>
      <p className="muted">{t('nostrUi.noExtensions')}</p>
      <fieldset>
        <legend>{t('nostrUi.howToSign')}</legend>
        <label>
          <input
            type="radio"
            name="nostr-method"
            checked={method === 'remote'}
            onChange={() => setMethod('remote')}
          />
          {t('nostrUi.remoteSigner')}
        </label>
        <label>
          <input
            type="radio"
            name="nostr-method"
            checked={method === 'local'}
            onChange={() => setMethod('local')}
          />
          {t('nostrUi.localKey')}
        </label>
      </fieldset>
      {method === 'remote' ? <RemoteSignerConnect /> : <LocalKeyConnect />}
      <LookupRelaysForm />
      {nostrAccounts.map((item) => (
        <NostrAccountPanel key={item.id} account={item} focus={item.id === account?.id} />
      ))}
    </section>
  );
}
