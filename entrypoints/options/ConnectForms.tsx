import { lazy, Suspense, type ComponentType } from 'react';
import type { ConnectFormProps } from '@/utils/networks/capabilities';
import { NETWORK_IDS, NETWORK_INFO } from '@/utils/networks/info';
import type { Account, NetworkId } from '@/utils/networks/types';

// Each network's form is its own chunk, made once: the popup never loads any of them.
const FORMS = new Map<NetworkId, ComponentType<ConnectFormProps>>(
  NETWORK_IDS.map((id) => [id, lazy(() => NETWORK_INFO[id].loadConnectForm())]),
);

/** One connect form per network, in the registry's order; `reconnecting` pre-fills its own. */
export function ConnectForms({
  reconnecting,
  accounts,
}: {
  reconnecting: Account | undefined;
  accounts: Account[];
}) {
  return (
    <div className="connect-grid">
      {NETWORK_IDS.map((id) => {
        const Form = FORMS.get(id);
        if (!Form) return null;
        const account = reconnecting?.network === id ? reconnecting : undefined;
        return (
          <Suspense key={id} fallback={null}>
            <Form key={account?.id ?? id} accounts={accounts} {...(account && { account })} />
          </Suspense>
        );
      })}
    </div>
  );
}
