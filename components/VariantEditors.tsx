import { accountVariant, networkVariant, type Draft, type VariantKey } from '@/utils/compose/draft';
import { sourceFor } from '@/utils/compose/draft-choices';
import { useComposer } from '@/utils/composer-store';
import { accountLabel, NETWORK_INFO } from '@/utils/networks/info';
import type { Account, NetworkId } from '@/utils/networks/types';
import { t } from '@/utils/i18n/messages';

interface Scope {
  key: VariantKey;
  /** Fills "Separate text for {name}" and "Text for {name}". */
  name: string;
  /** The account whose current text a new version starts from. */
  startFrom: Account;
}

/** The places a separate version can apply to: each picked network, and each account where a network has several. */
function scopesOf(accounts: Account[]): Scope[] {
  const byNetwork = new Map<NetworkId, Account[]>();
  for (const account of accounts) {
    byNetwork.set(account.network, [...(byNetwork.get(account.network) ?? []), account]);
  }
  return [...byNetwork].flatMap(([network, members]) => {
    const first = members[0];
    if (!first) return [];
    const networkScope = {
      key: networkVariant(network),
      name: NETWORK_INFO[network].name,
      startFrom: first,
    };
    const accountScopes =
      members.length > 1
        ? members.map((account) => ({
            key: accountVariant(account.id),
            name: accountLabel(account),
            startFrom: account,
          }))
        : [];
    return [networkScope, ...accountScopes];
  });
}

/** Separate texts for one network or one account, each edited on its own. */
export function VariantEditors(props: { draft: Draft; picked: Account[]; disabled: boolean }) {
  const setVariant = useComposer((state) => state.setVariant);
  const scopes = scopesOf(props.picked);
  const open = scopes.filter((scope) => props.draft.variants[scope.key] !== undefined);
  const closed = scopes.filter((scope) => props.draft.variants[scope.key] === undefined);
  if (scopes.length === 0) return null;

  return (
    <div className="variants">
      {open.map((scope) => (
        <div key={scope.key} className="variant">
          <label htmlFor={`variant-${scope.key}`}>
            {t('variants.textFor', { name: scope.name })}
          </label>
          <textarea
            id={`variant-${scope.key}`}
            rows={4}
            dir="auto"
            value={props.draft.variants[scope.key] ?? ''}
            readOnly={props.disabled}
            onChange={(event) => setVariant(scope.key, event.currentTarget.value)}
          />
          <button
            type="button"
            className="link"
            disabled={props.disabled}
            onClick={() => setVariant(scope.key, null)}
          >
            {t('variants.useMain', { name: scope.name })}
          </button>
        </div>
      ))}
      {closed.length > 0 ? (
        <p className="variant-offer">
          <span aria-hidden="true">{t('variants.offer')}</span>
          {closed.map((scope) => (
            <button
              key={scope.key}
              type="button"
              className="chip-button"
              disabled={props.disabled}
              // The store's draft: the one shown may not have the last key typed yet.
              onClick={() =>
                setVariant(scope.key, sourceFor(useComposer.getState().draft, scope.startFrom).text)
              }
            >
              <span className="visually-hidden">{t('variants.offerHidden')} </span>
              {scope.name}
            </button>
          ))}
        </p>
      ) : null}
    </div>
  );
}
