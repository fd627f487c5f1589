import { browser, type Browser } from 'wxt/browser';
import { CrosswindError, deserializeError, serializeError, type SerializedError } from './errors';
import { words } from './i18n/wording';
import type { Draft } from './compose/draft';
import type { PageMetadata } from './capture/types';
import type { Account, ConnectFields, NetworkId } from './networks/types';

/** One account where changing a schedule failed, and why. */
export interface ScheduleFailure {
  accountId: string;
  error: SerializedError;
}

/** Every message a page may send to the background, with its payload and its answer. */
export interface ProtocolMap {
  'accounts.refresh': (data: { accountId?: string }) => Account[];
  'accounts.remove': (data: { accountId: string }) => void;
  /**
   * Where "Reconnect" signs in again: the server that issued the account's credential, or the
   * account record's server when no credential is left.
   */
  'accounts.issuer': (data: { accountId: string }) => { server: string };
  /**
   * Starts connecting an account with what the network's connect form asked for. A form sign-in
   * answers the account; a redirect sign-in answers the consent page to open and which network
   * finishes it (a server may turn out to run another flavor of the protocol).
   */
  'accounts.connect': (data: {
    network: NetworkId;
    fields: ConnectFields;
  }) => { account: Account } | { authorizeUrl: string; network: NetworkId };
  /** Completes a redirect sign-in with the address the consent page sent the browser to. */
  'accounts.finishConnect': (data: { network: NetworkId; redirectUrl: string }) => Account;
  /** Forgets a redirect sign-in the person abandoned. */
  'accounts.cancelConnect': (data: { network: NetworkId; state?: string }) => void;
  'post.publish': (data: { draft: Draft }) => { jobId: string };
  'post.retry': (data: { jobId: string; accountId: string }) => void;
  /** Removes a sent post from every account; answers with the accounts where that failed. */
  'post.delete': (data: { jobId: string }) => { failed: string[] };
  /** Forgets one settled post locally; it stays on the networks. */
  'history.remove': (data: { jobId: string }) => void;
  /** Forgets every settled post locally; posts still being sent stay. */
  'history.clear': (data: Record<string, never>) => void;
  /** Cancels a scheduled post on every account; answers where that failed (those stay scheduled). */
  'schedule.cancel': (data: { jobId: string }) => { failed: ScheduleFailure[] };
  /** Moves a scheduled post to `at` (epoch milliseconds); answers where the time could not change. */
  'schedule.reschedule': (data: { jobId: string; at: number }) => { failed: ScheduleFailure[] };
  /**
   * Takes a scheduled post off the schedule and back into the composer; refused while the
   * composer holds an unsent post. Answers where cancelling failed (then it stays scheduled).
   */
  'schedule.edit': (data: { jobId: string }) => { failed: ScheduleFailure[] };
  /** Sent when a page opens: wakes a worker the browser stopped, so unfinished posts resume. */
  'outbox.resume': (data: Record<string, never>) => void;
  /** Reads the page the composer was opened on (the active tab, or `tabId`) into the shared store. */
  'page.capture': (data: { tabId?: number }) => { captured: boolean };
  /**
   * Reads a linked page's metadata for a link card. Answers with the origin instead when Crosswind
   * may not read that site yet: only the composer can ask the user for that permission.
   */
  'linkCard.fetch': (data: {
    url: string;
  }) => { metadata: PageMetadata } | { needsPermission: string };
  /** A fresh Nostr key for a new user, shown once to back it up before it is connected. */
  'nostr.newKey': (data: Record<string, never>) => { nsec: string; npub: string };
  /** Starts a `nostrconnect://` connection on the given relays (text, one per line). */
  'nostr.startConnect': (data: { relays: string; mediaServer?: string }) => { uri: string };
  /** Waits until the signer app approved that code; the connected account. */
  'nostr.awaitConnect': (data: { uri: string }) => Account;
  /** Opens a locked Nostr key with its passphrase for the rest of the browser session. */
  'nostr.unlock': (data: { accountId: string; passphrase: string }) => void;
  /**
   * The relays asked for a user's relay list when a Nostr account connects; with `relays`, sets
   * them first (an empty list goes back to the defaults). Answers the list in use.
   */
  'nostr.lookupRelays': (data: { relays?: string[] }) => string[];
  /** Changes a Nostr account's write relays and media servers. */
  'nostr.editSettings': (data: {
    accountId: string;
    writeRelays: string[];
    mediaServers: string[];
  }) => void;
}

/** A message type of the protocol. */
export type MessageType = keyof ProtocolMap;
/** The payload of a message type. */
export type MessageData<K extends MessageType> = Parameters<ProtocolMap[K]>[0];
/** The answer to a message type. */
export type MessageResult<K extends MessageType> = ReturnType<ProtocolMap[K]>;

interface Envelope<K extends MessageType = MessageType> {
  crosswind: 1;
  type: K;
  data: MessageData<K>;
}

type Reply<T> = { ok: true; value: T } | { ok: false; error: SerializedError };

/** Sends a typed message to the background; a failure there is rethrown here as a CrosswindError. */
export async function sendMessage<K extends MessageType>(
  type: K,
  data: MessageData<K>,
): Promise<MessageResult<K>> {
  const envelope: Envelope<K> = { crosswind: 1, type, data };
  const reply = (await browser.runtime.sendMessage(envelope)) as
    Reply<MessageResult<K>> | undefined;
  if (!reply) throw new CrosswindError('server', words('errors.noAnswer'), { retryable: true });
  if (!reply.ok) throw deserializeError(reply.error);
  return reply.value;
}

/** Handlers for every message type, run in the background. */
export type MessageHandlers = {
  [K in MessageType]: (data: MessageData<K>) => Promise<MessageResult<K>>;
};

function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { crosswind?: unknown }).crosswind === 1 &&
    typeof (message as { type?: unknown }).type === 'string'
  );
}

/**
 * Only the extension's own pages may use the protocol: content scripts run inside pages we do
 * not control, and nothing outside the extension is listened to at all.
 */
function isExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  const origin = browser.runtime.getURL('/');
  return typeof sender.url === 'string' && sender.url.startsWith(origin);
}

/** Registers the background's handlers and answers every message with plain data. */
export function listenForMessages(handlers: MessageHandlers): void {
  browser.runtime.onMessage.addListener(
    (message: unknown, sender: Browser.runtime.MessageSender) => {
      if (!isEnvelope(message) || !isExtensionPage(sender)) return undefined;
      const handler = handlers[message.type] as ((data: unknown) => Promise<unknown>) | undefined;
      if (!handler) return undefined;
      return handler(message.data).then(
        (value): Reply<unknown> => ({ ok: true, value: value ?? null }),
        (error: unknown): Reply<unknown> => ({ ok: false, error: serializeError(error) }),
      );
    },
  );
}
