import { useState } from 'react';
import { NETWORK_INFO } from '@/utils/networks/info';
import type { NetworkId } from '@/utils/networks/types';
import { ErrorMessage } from './ErrorMessage';
import { useConnectSubmit } from './use-connect-submit';
import { t } from '@/utils/i18n/messages';

/**
 * Connects an account by its server's address and the server's own consent page: the form every
 * network with a redirect (OAuth) sign-in shares.
 */
export function ServerConnectForm(props: {
  network: NetworkId;
  /** Which servers the form takes, in a sentence. */
  description: string;
  placeholder: string;
}) {
  const name = NETWORK_INFO[props.network].name;
  const [server, setServer] = useState('');
  const { busy, error, done, submit } = useConnectSubmit(props.network, () => ({ server }));
  const heading = `${props.network}-heading`;
  const field = `${props.network}-server`;

  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby={heading}>
      <h2 id={heading}>{t('connect.addAccount', { network: name })}</h2>
      <p className="muted">{props.description}</p>
      <label htmlFor={field}>{t('address.networkServer', { network: name })}</label>
      <input
        id={field}
        type="text"
        dir="ltr"
        inputMode="url"
        autoComplete="url"
        placeholder={props.placeholder}
        value={server}
        onChange={(event) => setServer(event.currentTarget.value)}
        required
      />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('connect.waiting') : t('connect.connectAccount', { network: name })}
      </button>
      <ErrorMessage error={error} />
      {done ? <p role="status">{done}</p> : null}
    </form>
  );
}
