import { deliveryError, mergeOutcomes, relaysStillToTry } from './relay-results';
import { signChecked, type NostrSigner } from './signer';
import type { EventTemplate, NoteRecord, RelayOutcome, SignedEvent } from './types';

// Exactly once on Nostr: an event's id is the hash of what it says, so the same signed event can
// be sent any number of times and relays keep one copy ("duplicate:"). What must never happen is
// signing twice (a new created_at or tag makes a second note). So: sign once, record the signed
// event before the first send, and every retry resends that record, only to relays that have not
// accepted it yet.

export type { NoteRecord };

/** What `sendNote` needs; `save` must have persisted the record when it resolves. */
export interface SendNoteInput {
  record: NoteRecord;
  /** Builds the template; only called when no signed event is recorded yet. */
  build: () => EventTemplate;
  signer: NostrSigner;
  /** The account's key; a signature by any other key is refused before it is recorded. */
  pubkey: string;
  /** The account's write relays now. */
  relays: string[];
  publish: (event: SignedEvent, relays: string[]) => Promise<RelayOutcome[]>;
  save: (record: NoteRecord) => Promise<void>;
}

/** The recorded event, or a newly signed one that is saved before this returns. */
export async function signOnce(
  input: Pick<SendNoteInput, 'record' | 'build' | 'signer' | 'pubkey' | 'save'>,
): Promise<SignedEvent> {
  if (input.record.event) return input.record.event;
  const event = await signChecked(input.signer, input.build(), input.pubkey);
  await input.save({ ...input.record, event });
  return event;
}

/**
 * Signs (once) and sends to every write relay that has not accepted the event yet; returns the
 * record with all relays' outcomes. Throws the delivery error when no relay holds the note, so
 * the job retries (or fails) with each relay named.
 */
export async function sendNote(input: SendNoteInput): Promise<Required<NoteRecord>> {
  const event = await signOnce(input);
  const previous = input.record.outcomes ?? [];
  const pending = relaysStillToTry(input.relays, previous);
  const outcomes = mergeOutcomes(
    previous,
    pending.length ? await input.publish(event, pending) : [],
  );
  const record = { event, outcomes };
  await input.save(record);
  const error = deliveryError(outcomes);
  if (error) throw error;
  return record;
}
