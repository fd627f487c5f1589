import { useState, type FormEvent } from 'react';
import { connectAccount } from '@/utils/connect-account';
import { serializeError, type SerializedError } from '@/utils/errors';
import { t } from '@/utils/i18n/messages';
import { accountLabel } from '@/utils/networks/info';
import type { Account, ConnectFields, NetworkId } from '@/utils/networks/types';

/**
 * A connect form's submit: one sign-in at a time, its failure in words, its success named.
 * `fields` is called at once, while the click still counts (a permission may be asked for there);
 * throwing from it shows that error instead of connecting. `onConnected` clears what must not stay
 * on screen (a password, a secret); `onError` lets the form react to a failure (ask for a code).
 */
export function useConnectSubmit(
  network: NetworkId,
  fields: () => ConnectFields | Promise<ConnectFields>,
  onConnected?: (account: Account) => void,
  onError?: (error: SerializedError) => void,
) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SerializedError | null>(null);
  const [done, setDone] = useState('');

  /** Runs one way of connecting (the form's, or another the form offers) with the same states. */
  const run = async (connect: () => Promise<Account>) => {
    setBusy(true);
    setError(null);
    setDone('');
    try {
      const connected = await connect();
      onConnected?.(connected);
      setDone(t('connect.connected', { account: accountLabel(connected) }));
    } catch (thrown) {
      const serialized = serializeError(thrown);
      onError?.(serialized);
      setError(serialized);
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => connectAccount(network, await fields()));
  };

  /** Shows the failure of something else the form does (making a key) in the same place; null clears it. */
  const report = (thrown: unknown) => setError(thrown === null ? null : serializeError(thrown));

  return { busy, error, done, submit, run, report };
}
