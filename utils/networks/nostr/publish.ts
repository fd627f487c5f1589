import { SendingOnClosedConnection } from 'nostr-tools/abstract-relay';
import { reasonText, relayClient, type RelayConnectionOptions } from './connection';
import type { RelayOutcome, SignedEvent } from './types';

// Sends one signed event to every relay at once and reports each relay's answer. It never throws:
// a relay that is down, slow or unwilling is a result to show, not a failure of the post.

/** Ten seconds per relay, connection included: a relay slower than that is reported as such. */
export const DEFAULT_RELAY_TIMEOUT_MS = 10_000;

export interface RelayPublishOptions extends RelayConnectionOptions {
  /** Time allowed per relay for connecting and its `OK`. */
  timeoutMs?: number;
}

const TIMED_OUT = Symbol('timed out');
const CLOSED = Symbol('closed');

/** Publishes to one relay: `ok` (with its message, e.g. "duplicate: …"), `refused`, `unreachable` or `timeout`. */
export async function publishToRelay(
  event: SignedEvent,
  url: string,
  options: RelayPublishOptions = {},
): Promise<RelayOutcome> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_RELAY_TIMEOUT_MS;
  const started = Date.now();
  let relay;
  try {
    relay = relayClient(url, options);
    await relay.connect({ timeout: timeoutMs });
  } catch (error) {
    relay?.close();
    return { relay: url, status: 'unreachable', message: reasonText(error) };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    // nostr-tools has its own publish timeout; ours decides, so it is set out of the way.
    relay.publishTimeout = timeoutMs * 2;
    const remaining = Math.max(1, timeoutMs - (Date.now() - started));
    const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
      timer = setTimeout(() => resolve(TIMED_OUT), remaining);
    });
    const dropped = new Promise<typeof CLOSED>((resolve) => {
      relay.onclose = () => resolve(CLOSED);
    });
    const answer = await Promise.race([relay.publish(event), deadline, dropped]);
    if (answer === TIMED_OUT) return { relay: url, status: 'timeout' };
    if (answer === CLOSED) {
      return { relay: url, status: 'unreachable', message: 'the relay closed the connection' };
    }
    return { relay: url, status: 'ok', message: answer };
  } catch (error) {
    if (error instanceof SendingOnClosedConnection) {
      return { relay: url, status: 'unreachable', message: error.message };
    }
    // nostr-tools rejects with the relay's own OK-false message.
    return { relay: url, status: 'refused', message: reasonText(error) };
  } finally {
    clearTimeout(timer);
    relay.onclose = null;
    relay.close();
  }
}

/** Publishes to all relays in parallel; one outcome per relay, in the order given. */
export function publishToRelays(
  event: SignedEvent,
  relays: string[],
  options: RelayPublishOptions = {},
): Promise<RelayOutcome[]> {
  return Promise.all(relays.map((url) => publishToRelay(event, url, options)));
}
