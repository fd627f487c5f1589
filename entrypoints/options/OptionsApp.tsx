import { useEffect, useState } from 'react';
import { AccountList } from '@/components/AccountList';
import { DirectoryForm } from '@/components/DirectoryForm';
import { ErrorMessage } from '@/components/ErrorMessage';
import { PreferencesForm } from '@/components/PreferencesForm';
import { boundToIssuer, connectAccount } from '@/utils/connect-account';
import { serializeError, type SerializedError } from '@/utils/errors';
import { sendMessage } from '@/utils/messaging';
import { NETWORK_INFO } from '@/utils/networks/info';
import type { Account } from '@/utils/networks/types';
import { accountsStorage } from '@/utils/storage';
import { useStoredValue } from '@/utils/use-stored-value';
import { ConnectForms } from './ConnectForms';
import { t } from '@/utils/i18n/messages';

/** The options page: connected accounts, and the forms that connect new ones. */
export function OptionsApp() {
  const accounts = useStoredValue(accountsStorage);
  const [error, setError] = useState<SerializedError | null>(null);
  const [reconnecting, setReconnecting] = useState<Account>();

  useEffect(() => {
    // Shows which accounts still work each time the page opens.
    void sendMessage('accounts.refresh', {}).catch(() => undefined);
  }, []);

  const reconnect = async (listed: Account) => {
    setError(null);
    try {
      const account = await boundToIssuer(listed);
      const how = NETWORK_INFO[account.network].reconnect;
      // The network's form comes back filled in with the account, waiting for its secret.
      if (how.kind === 'form') setReconnecting(account);
      else await connectAccount(account.network, how.fields(account));
    } catch (thrown) {
      setError(serializeError(thrown));
    }
  };
  const remove = async (account: Account) => {
    setError(null);
    try {
      await sendMessage('accounts.remove', { accountId: account.id });
    } catch (thrown) {
      setError(serializeError(thrown));
    }
  };

  return (
    <main className="options">
      <header className="bar">
        <h1>{t('pageTitle.options')}</h1>
        <a href="/sent-posts.html">{t('history.listLabel')}</a>
      </header>
      <section aria-labelledby="connected-heading">
        <h2 id="connected-heading">{t('options.connected')}</h2>
        {accounts ? (
          <AccountList
            accounts={accounts}
            onReconnect={(a) => void reconnect(a)}
            onRemove={remove}
          />
        ) : null}
        <ErrorMessage error={error} />
      </section>
      <ConnectForms reconnecting={reconnecting} accounts={accounts ?? []} />
      <DirectoryForm />
      <PreferencesForm />
    </main>
  );
}
