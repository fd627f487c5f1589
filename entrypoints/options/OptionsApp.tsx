import { useEffect, useState } from 'react';
import { AccountList } from '@/components/AccountList';
import { ConnectBlueskyForm } from '@/components/ConnectBlueskyForm';
import { ConnectMastodonForm } from '@/components/ConnectMastodonForm';
import { DirectoryForm } from '@/components/DirectoryForm';
import { ErrorMessage } from '@/components/ErrorMessage';
import { PreferencesForm } from '@/components/PreferencesForm';
import { connectMastodon } from '@/utils/connect-mastodon';
import { serializeError, type SerializedError } from '@/utils/errors';
import { sendMessage } from '@/utils/messaging';
import type { Account } from '@/utils/networks/types';
import { accountsStorage } from '@/utils/storage';
import { useStoredValue } from '@/utils/use-stored-value';

/** The options page: connected accounts, and the forms that connect new ones. */
export function OptionsApp() {
  const accounts = useStoredValue(accountsStorage);
  const [error, setError] = useState<SerializedError | null>(null);
  const [blueskyHandle, setBlueskyHandle] = useState('');

  useEffect(() => {
    // Shows which accounts still work each time the page opens.
    void sendMessage('accounts.refresh', {}).catch(() => undefined);
  }, []);

  const reconnect = async (account: Account) => {
    setError(null);
    if (account.network === 'bluesky') {
      setBlueskyHandle(account.handle);
      document.getElementById('bluesky-password')?.focus();
      return;
    }
    try {
      await connectMastodon(account.server);
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
        <h1>Crosswind accounts</h1>
        <a href="/sent-posts.html">Sent posts</a>
      </header>
      <section aria-labelledby="connected-heading">
        <h2 id="connected-heading">Connected accounts</h2>
        {accounts ? (
          <AccountList
            accounts={accounts}
            onReconnect={(a) => void reconnect(a)}
            onRemove={remove}
          />
        ) : null}
        <ErrorMessage error={error} />
      </section>
      <div className="connect-grid">
        <ConnectMastodonForm />
        <ConnectBlueskyForm key={blueskyHandle} initialHandle={blueskyHandle} />
      </div>
      <DirectoryForm />
      <PreferencesForm />
    </main>
  );
}
