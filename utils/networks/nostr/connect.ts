import { getPublicKey } from 'nostr-tools/pure';
import { CrosswindError } from '../../errors';
import { words } from '../../i18n/wording';
import type { Account, ConnectFields } from '../types';
import { connectBunker, startNostrConnect, type BunkerSession } from './bunker';
import { nostrVault, rememberUnlocked } from './credentials';
import { nostrInfo } from './info';
import { profileWebUrl, shortNpub } from './links';
import { decryptKey, encryptKey, keyToHex, parseSecretKey, type KeyOrigin } from './local-key';
import { normalizeMediaServer } from './media-servers';
import { parseProfile, PROFILE_KIND } from './profile';
import { readMediaServers, readRelayList, readReplaceable } from './read-replaceable';
import { uniqueRelays } from './relay-url';
import { relaysFromText } from './relay-text';
import { lookupRelaysStorage } from './settings';
import type { NostrAccountSettings, NostrSignerMethod } from './types';

// Connecting a Nostr account (background): the key or the remote signer is stored in the vault,
// then the user's relays (NIP-65), media servers (BUD-03) and profile are read from the relays
// the user named for look-ups, so the account starts with what the user already uses.

/** What the page sends to connect: `method` and that method's fields. */
export type NostrConnectFields = ConnectFields;

/** The account's id: Nostr has no server, the key is the account. */
export function nostrAccountId(pubkey: string): string {
  return `nostr:${pubkey}`;
}

async function lookupRelays(): Promise<string[]> {
  return uniqueRelays(await lookupRelaysStorage.getValue());
}

/** Reads the user's lists and profile, and makes the account record (nothing secret in it). */
export async function buildAccount(
  pubkey: string,
  signer: NostrSignerMethod,
  options: { extraRelays?: string[]; mediaServer?: string } = {},
): Promise<Account> {
  const lookup = uniqueRelays([...(await lookupRelays()), ...(options.extraRelays ?? [])]);
  const found = await readRelayList(pubkey, lookup);
  // Without a published list, the look-up relays stand in until the user edits them.
  const relays = found.value?.write.length
    ? { read: found.value.read, write: found.value.write }
    : { read: lookup, write: lookup };
  const typed = options.mediaServer ? normalizeMediaServer(options.mediaServer) : undefined;
  if (options.mediaServer?.trim() && !typed) {
    throw new CrosswindError('validation', words('nostrUi.badMediaServer'));
  }
  // Both at once: the user waits, and each relay that does not answer costs its time limit.
  const [listed, profileEvent] = await Promise.all([
    typed ? undefined : readMediaServers(pubkey, relays.write),
    readReplaceable(pubkey, PROFILE_KIND, uniqueRelays([...relays.write, ...lookup])),
  ]);
  const profile = parseProfile(profileEvent.value);
  const settings: NostrAccountSettings = {
    signer,
    relays,
    mediaServers: typed ? [typed] : (listed?.value ?? []),
    locked: false,
  };
  const handle = shortNpub(pubkey);
  const now = Date.now();
  return {
    id: nostrAccountId(pubkey),
    network: 'nostr',
    server: relays.write[0] ?? '',
    remoteId: pubkey,
    handle,
    displayName: profile.name ?? handle,
    ...(profile.picture && { avatarUrl: profile.picture }),
    webUrl: profileWebUrl(pubkey),
    limits: nostrInfo.defaultLimits,
    nostr: settings,
    state: 'connected',
    connectedAt: now,
    limitsCheckedAt: now,
  };
}

/** Keeps a pasted or new key, encrypted with the passphrase, and unlocks it for this session. */
async function connectLocalKey(fields: ConnectFields): Promise<Account> {
  const secretKey = parseSecretKey(fields.key ?? '');
  const origin: KeyOrigin = fields.generated === 'true' ? 'generated' : 'imported';
  const ncryptsec = encryptKey(secretKey, fields.passphrase ?? '', origin);
  const pubkey = getPublicKey(secretKey);
  const account = await buildAccount(pubkey, 'local-key', {
    ...(fields.mediaServer && { mediaServer: fields.mediaServer }),
  });
  await nostrVault.saveLocalKey(account.id, pubkey, { ncryptsec });
  await rememberUnlocked(account.id, keyToHex(secretKey));
  return account;
}

async function accountForSession(session: BunkerSession, mediaServer?: string): Promise<Account> {
  const account = await buildAccount(session.userPubkey, 'bunker', {
    extraRelays: session.relays,
    ...(mediaServer && { mediaServer }),
  });
  await nostrVault.saveBunker(account.id, session);
  return account;
}

/** Connects a remote signer from its `bunker://` address. */
async function connectWithBunker(fields: ConnectFields): Promise<Account> {
  const { session, signer } = await connectBunker(fields.uri ?? '');
  await signer.close();
  return accountForSession(session, fields.mediaServer);
}

/** The form sign-in: a local key (pasted or generated in the page's flow) or a bunker address. */
export function connectNostr(fields: ConnectFields): Promise<Account> {
  switch (fields.method) {
    case 'local-key':
      return connectLocalKey(fields);
    case 'bunker':
      return connectWithBunker(fields);
    default:
      throw new CrosswindError('validation', words('nostrUi.pickMethod'));
  }
}

/** `nostrconnect://` codes waiting for the signer app, by code, while this worker lives. */
const pending = new Map<string, Promise<Account>>();

/** How long an answered code stays readable, for a page that asks for it a little late. */
const ANSWER_KEPT_MS = 60_000;

/**
 * Starts a client-initiated connection. `keep` stores the account as soon as the signer app
 * approves, whether or not the page that showed the code is still open; the page shows the code
 * and then waits for it with `awaitNostrConnect`.
 */
export function beginNostrConnect(
  relayText: string,
  keep: (account: Account) => Promise<void>,
  mediaServer?: string,
): { uri: string } {
  const relays = uniqueRelays(relaysFromText(relayText));
  if (relays.length === 0) throw new CrosswindError('validation', words('nostrUi.needSignerRelay'));
  const started = startNostrConnect(relays);
  const account = started.approved.then(async ({ session, signer }) => {
    await signer.close();
    const connected = await accountForSession(session, mediaServer);
    await keep(connected);
    return connected;
  });
  pending.set(started.uri, account);
  account
    .catch(() => undefined)
    .finally(() => setTimeout(() => pending.delete(started.uri), ANSWER_KEPT_MS));
  return { uri: started.uri };
}

/** Waits for the signer app to approve the code; the account, once it did. */
export function awaitNostrConnect(uri: string): Promise<Account> {
  const account = pending.get(uri);
  if (!account) throw new CrosswindError('validation', words('nostrUi.codeExpired'));
  return account;
}

/** Opens a locked key with its passphrase for the rest of the browser session. */
export async function unlockLocalKey(account: Account, passphrase: string): Promise<void> {
  const stored = await nostrVault.localKey(account);
  if (!stored) throw new CrosswindError('auth', words('nostrUi.noKeyStored'));
  const secretKey = decryptKey(stored.ncryptsec, passphrase);
  if (getPublicKey(secretKey) !== account.remoteId) {
    throw new CrosswindError('auth', words('nostrUi.keyMismatch', { account: account.handle }));
  }
  await rememberUnlocked(account.id, keyToHex(secretKey));
}

/** The settings a person may edit: write relays and media servers, checked and normalized. */
export function editedSettings(
  current: NostrAccountSettings,
  edit: { writeRelays: string[]; mediaServers: string[] },
): NostrAccountSettings {
  const write = uniqueRelays(edit.writeRelays);
  if (write.length === 0) throw new CrosswindError('validation', words('nostrUi.needWriteRelay'));
  const mediaServers: string[] = [];
  for (const input of edit.mediaServers) {
    if (!input.trim()) continue;
    const server = normalizeMediaServer(input);
    if (!server) throw new CrosswindError('validation', words('nostrUi.badMediaServer'));
    if (!mediaServers.includes(server)) mediaServers.push(server);
  }
  return { ...current, relays: { read: current.relays.read, write }, mediaServers };
}
