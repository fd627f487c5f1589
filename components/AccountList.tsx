import { activeLanguage, t } from '@/utils/i18n/messages';
import { storedText } from '@/utils/i18n/wording';
import { useState } from 'react';
import { accountLabel, hostOf, NETWORK_INFO } from '@/utils/networks/info';
import type { Account } from '@/utils/networks/types';
import { AccountAvatar } from './AccountAvatar';

/** The connected accounts, each with its state and the actions that fit it. */
export function AccountList(props: {
  accounts: Account[];
  onReconnect(account: Account): void;
  onRemove(account: Account): Promise<void>;
}) {
  const [confirming, setConfirming] = useState<string | null>(null);
  if (props.accounts.length === 0) {
    return <p className="muted">{t('accounts.none')}</p>;
  }
  return (
    <ul className="accounts" aria-label={t('accounts.listLabel')}>
      {props.accounts.map((account) => {
        const label = accountLabel(account);
        return (
          <li key={account.id} className="account" aria-label={label}>
            <AccountAvatar account={account} size={40} />
            <div className="account-text">
              <strong>{account.displayName}</strong>
              <span>
                @{account.handle} · {NETWORK_INFO[account.network].name} · {hostOf(account.server)}
              </span>
              {account.state === 'connected' ? (
                <span className="state ok">{t('accounts.connected')}</span>
              ) : (
                <span className="state warn">{t('accounts.needsReconnect')}</span>
              )}
              {account.limits.note ? (
                <span className="hint">{storedText(account.limits.note)}</span>
              ) : null}
              {account.credentialExpiresAt && account.state === 'connected' ? (
                <span className="hint">
                  {t('accountInfo.loginUntil', {
                    date: new Date(account.credentialExpiresAt).toLocaleDateString(
                      activeLanguage(),
                    ),
                  })}
                </span>
              ) : null}
              {account.quota ? (
                <span className="hint">
                  {t('accountInfo.quota', { used: account.quota.used, total: account.quota.total })}
                </span>
              ) : null}
            </div>
            <div className="account-actions">
              {account.state === 'reconnect' ? (
                <button
                  type="button"
                  className="primary"
                  onClick={() => props.onReconnect(account)}
                  aria-label={t('accounts.reconnectLabel', { account: label })}
                >
                  {t('accounts.reconnect')}
                </button>
              ) : null}
              {confirming === account.id ? (
                <span role="group" aria-label={t('accounts.confirmRemove', { account: label })}>
                  <button
                    type="button"
                    className="danger"
                    onClick={() => void props.onRemove(account).finally(() => setConfirming(null))}
                  >
                    {t('accounts.yesRemove', { account: label })}
                  </button>
                  <button type="button" onClick={() => setConfirming(null)}>
                    {t('accounts.keep')}
                  </button>
                </span>
              ) : (
                <button
                  type="button"
                  onClick={() => setConfirming(account.id)}
                  aria-label={t('accounts.removeLabel', { account: label })}
                >
                  {t('accounts.remove')}
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
