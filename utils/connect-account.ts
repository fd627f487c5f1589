import { browser } from 'wxt/browser';
import { CrosswindError } from './errors';
import { sendMessage } from './messaging';
import type { Account, ConnectFields, NetworkId } from './networks/types';
import { words } from './i18n/wording';

/**
 * Connects an account from an extension page, whatever its network's sign-in. A form sign-in
 * (an app password) is done by the background in one step. A redirect sign-in (OAuth) is prepared
 * and completed by the background, and only the consent window runs here, so the flow does not
 * depend on the service worker staying alive while the person reads the consent page.
 */
export async function connectAccount(network: NetworkId, fields: ConnectFields): Promise<Account> {
  const answer = await sendMessage('accounts.connect', { network, fields });
  if ('account' in answer) return answer.account;
  // The server may have turned out to run another flavor of the protocol (a Pixelfed server
  // typed into the Mastodon form): the background says which network finishes the sign-in.
  const { authorizeUrl, network: signingIn } = answer;
  const state = new URL(authorizeUrl).searchParams.get('state') ?? undefined;
  let redirectUrl: string | undefined;
  try {
    redirectUrl = await browser.identity.launchWebAuthFlow({
      url: authorizeUrl,
      interactive: true,
    });
  } catch (cause) {
    await sendMessage('accounts.cancelConnect', { network: signingIn, ...(state && { state }) });
    const text = cause instanceof Error ? cause.message : String(cause);
    if (/could not be loaded|cannot be loaded|network/i.test(text)) {
      throw new CrosswindError(
        'network',
        words('connect.signInUnreachable', { host: new URL(authorizeUrl).host }),
        { cause },
      );
    }
    throw new CrosswindError('cancelled', words('connect.windowClosed'), { cause });
  }
  if (!redirectUrl) {
    throw new CrosswindError('cancelled', words('connect.notFinished'));
  }
  return sendMessage('accounts.finishConnect', { network: signingIn, redirectUrl });
}

/**
 * The account as "Reconnect" signs it in again: at the server that issued its credential (the
 * background knows it), whatever server the account record names now.
 */
export async function boundToIssuer(account: Account): Promise<Account> {
  const { server } = await sendMessage('accounts.issuer', { accountId: account.id });
  return server === account.server ? account : { ...account, server };
}
