import { CrosswindError } from '../../errors';
import { messagePrefix, relayName } from './relay-name';
import type { RelayOutcome } from './types';

export { messagePrefix, relayName };

// A note is posted as soon as one relay accepted it; the others are reported by name with the
// relay's own words. NIP-01's machine-readable prefixes (`rate-limited:`, `error:`…) decide
// whether trying again can help.

/** Where one note stands after a round of publishing. */
export interface DeliverySummary {
  /** At least one relay accepted it: the post exists. */
  posted: boolean;
  /** Relays that hold it (including "duplicate:", which means it was already there). */
  accepted: string[];
  /** Relays that did not take it, with why. */
  failed: RelayOutcome[];
}

/** NIP-01 prefixes after which the same event may be accepted later. */
const RETRYABLE_PREFIXES = ['rate-limited', 'error'];

/** True when sending the same event to this relay again could succeed. */
export function isRetryableOutcome(outcome: RelayOutcome): boolean {
  if (outcome.status === 'ok') return false;
  if (outcome.status === 'refused') {
    return RETRYABLE_PREFIXES.includes(messagePrefix(outcome.message) ?? '');
  }
  return true;
}

/** Splits outcomes into accepted and failed. */
export function summarize(outcomes: RelayOutcome[]): DeliverySummary {
  const accepted = outcomes.filter((outcome) => outcome.status === 'ok').map((o) => o.relay);
  const failed = outcomes.filter((outcome) => outcome.status !== 'ok');
  return { posted: accepted.length > 0, accepted, failed };
}

/** The relays a retry should still try: every listed relay that has not accepted the event. */
export function relaysStillToTry(relays: string[], previous: RelayOutcome[]): string[] {
  const accepted = new Set(previous.filter((o) => o.status === 'ok').map((o) => o.relay));
  return relays.filter((relay) => !accepted.has(relay));
}

/** Combines a retry's outcomes with earlier ones: a relay that once accepted stays accepted. */
export function mergeOutcomes(previous: RelayOutcome[], next: RelayOutcome[]): RelayOutcome[] {
  const byRelay = new Map(previous.map((outcome) => [outcome.relay, outcome]));
  for (const outcome of next) {
    if (byRelay.get(outcome.relay)?.status !== 'ok') byRelay.set(outcome.relay, outcome);
  }
  return [...byRelay.values()];
}

/** One relay's result in words, for the history and the notification. */
export function describeOutcome(outcome: RelayOutcome): string {
  const name = relayName(outcome.relay);
  switch (outcome.status) {
    case 'ok':
      return messagePrefix(outcome.message) === 'duplicate'
        ? `${name} already had it`
        : `${name} accepted it`;
    case 'refused':
      return outcome.message ? `${name} refused it: ${outcome.message}` : `${name} refused it`;
    case 'unreachable':
      return `${name} could not be reached`;
    case 'timeout':
      return `${name} did not answer in time`;
  }
}

/** Undefined when the note is posted; otherwise the error that says why, naming each relay. */
export function deliveryError(outcomes: RelayOutcome[]): CrosswindError | undefined {
  if (outcomes.length === 0) {
    return new CrosswindError(
      'validation',
      'This Nostr account has no write relays. Add at least one relay in its settings.',
    );
  }
  const summary = summarize(outcomes);
  if (summary.posted) return undefined;
  const detail = summary.failed.map(describeOutcome).join('; ');
  const retryable = summary.failed.filter(isRetryableOutcome);
  if (retryable.length === 0) {
    return new CrosswindError('validation', `No relay accepted the note: ${detail}.`, {
      detail,
    });
  }
  const onlyRateLimited = retryable.every(
    (outcome) => messagePrefix(outcome.message) === 'rate-limited',
  );
  return new CrosswindError(
    onlyRateLimited ? 'rate-limit' : 'network',
    `No relay has the note yet: ${detail}. Crosswind will try again.`,
    { detail, retryable: true },
  );
}
