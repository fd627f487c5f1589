import { useState, type FormEvent } from 'react';
import { connectAccount } from '@/utils/connect-account';
import { serializeError, type SerializedError } from '@/utils/errors';
import { t } from '@/utils/i18n/messages';
import { accountLabel } from '@/utils/networks/info';
import type { Account, ConnectFields, NetworkId } from '@/utils/networks/types';

/**
 * A connect form's submit: one sign-in at a time, its failure in words, its success named.
 * `onConnected` clears what must not stay on screen (a password, a secret).
 */
export function useConnectSubmit(
  network: NetworkId,
  fields: () => ConnectFields,
  onConnected?: (account: Account) => void,
) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SerializedError | null>(null);
  const [done, setDone] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone('');
    try {
      const connected = await connectAccount(network, fields());
      onConnected?.(connected);
      setDone(t('connect.connected', { account: accountLabel(connected) }));
    } catch (thrown) {
      setError(serializeError(thrown));
    } finally {
      setBusy(false);
    }
  };

  return { busy, error, done, submit };
}
