import { CrosswindError } from '../../errors';
import { words, type Wording } from '../../i18n/wording';
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

/** One relay's result, to be worded in the reader's language (the relay's own words kept verbatim). */
export function describeOutcome(outcome: RelayOutcome): Wording {
  const relay = relayName(outcome.relay);
  switch (outcome.status) {
    case 'ok':
      return messagePrefix(outcome.message) === 'duplicate'
        ? words('relays.alreadyHad', { relay })
        : words('relays.accepted', { relay });
    case 'refused':
      return outcome.message
        ? words('relays.refusedSaying', { relay, message: outcome.message })
        : words('relays.refused', { relay });
    case 'unreachable':
      return words('relays.unreachable', { relay });
    case 'timeout':
      return words('relays.timeout', { relay });
  }
}

/** Several relays' results as one stored message, each part worded when it is read. */
function outcomeList(outcomes: RelayOutcome[]): Wording {
  const described = outcomes.map(describeOutcome);
  return described.reduceRight((later, earlier) =>
    words('relays.andNext', { first: earlier, rest: later }),
  );
}

/** Undefined when the note is posted; otherwise the error that says why, naming each relay. */
export function deliveryError(outcomes: RelayOutcome[]): CrosswindError | undefined {
  if (outcomes.length === 0) {
    return new CrosswindError('validation', words('relays.noWriteRelays'));
  }
  const summary = summarize(outcomes);
  if (summary.posted) return undefined;
  const listed = outcomeList(summary.failed);
  const detail = relaysOwnWords(summary.failed);
  const retryable = summary.failed.filter(isRetryableOutcome);
  if (retryable.length === 0) {
    return new CrosswindError('validation', words('relays.noneAccepted', { outcomes: listed }), {
      detail,
    });
  }
  const onlyRateLimited = retryable.every(
    (outcome) => messagePrefix(outcome.message) === 'rate-limited',
  );
  return new CrosswindError(
    onlyRateLimited ? 'rate-limit' : 'network',
    words('relays.notYet', { outcomes: listed }),
    { detail, retryable: true },
  );
}

/** What refusing relays said themselves, verbatim, relay by relay: the detail under the error. */
function relaysOwnWords(failed: RelayOutcome[]): string | undefined {
  const said = failed
    .filter((outcome) => outcome.status === 'refused' && outcome.message)
    .map((outcome) => `${relayName(outcome.relay)}: ${outcome.message}`);
  return said.length > 0 ? said.join('; ') : undefined;
}
