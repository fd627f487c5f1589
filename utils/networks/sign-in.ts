import { words } from '@/utils/i18n/wording';
import { CrosswindError } from '../errors';
import { ADAPTERS } from './index';
import type { Account, ConnectFields, NetworkAdapter, NetworkId, RedirectSignIn } from './types';

/**
 * The network that serves this server. A network that is one flavor of a shared protocol (the
 * Mastodon API) reads which software the server runs first, and hands the sign-in to the flavor
 * that claims it: a Pixelfed server typed into the Mastodon form is signed in as Pixelfed.
 */
async function networkFor(
  requested: NetworkAdapter,
  fields: ConnectFields,
): Promise<{ adapter: NetworkAdapter; software?: Account['software'] }> {
  const family = requested.family;
  if (!family) return { adapter: requested };
  const { software } = await family.identify(fields);
  const members = Object.values(ADAPTERS).filter((item) => item.family?.name === family.name);
  const name = software?.name.toLowerCase();
  const claimed =
    (name &&
      members.find(
        (item) => item.family?.software !== 'any' && item.family?.software.includes(name),
      )) ||
    members.find((item) => item.family?.software === 'any') ||
    requested;
  return { adapter: claimed, ...(software && { software }) };
}

function redirectOf(network: NetworkId): RedirectSignIn {
  const signIn = ADAPTERS[network].signIn;
  if (signIn.kind !== 'redirect') {
    throw new CrosswindError('validation', words('connect.notRedirect', { network }));
  }
  return signIn;
}

/** Starts connecting: a form sign-in ends here with the account; a redirect one answers its consent page. */
export async function beginConnect(
  network: NetworkId,
  fields: ConnectFields,
): Promise<{ account: Account } | { authorizeUrl: string; network: NetworkId }> {
  const { adapter, software } = await networkFor(ADAPTERS[network], fields);
  const signIn = adapter.signIn;
  if (signIn.kind === 'form') return { account: await signIn.connect(fields) };
  const { authorizeUrl } = await signIn.prepare(fields, software ? { software } : {});
  return { authorizeUrl, network: adapter.id };
}

/** Completes a redirect sign-in with the address the consent page sent the browser to. */
export function finishConnect(network: NetworkId, redirectUrl: string): Promise<Account> {
  return redirectOf(network).complete(redirectUrl);
}

/** Forgets a redirect sign-in the person abandoned. */
export function cancelConnect(network: NetworkId, state: string | undefined): Promise<void> {
  return redirectOf(network).cancel(state);
}
