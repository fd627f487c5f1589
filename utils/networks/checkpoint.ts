import type { NetworkId } from './info';
import type { NoteRecord } from './nostr/types';

// One mechanism for what exactly-once needs on networks without an idempotency key: before the
// step that may make a post exist, the adapter records in the job what a retry needs to find out
// whether that step happened. The publisher stores it in the part (`PartJob.checkpoint`) and hands
// it back on every retry, including one made by a worker started after the last one was stopped.

/** What an adapter recorded for one part before the step that may have made the post. */
export type PartCheckpoint =
  /** The signed event, resent as it is (its id is its idempotency), and each relay's answer. */
  | { network: 'nostr'; note: NoteRecord }
  /** The container made before publishing, asked about on retry instead of making another. */
  | { network: 'threads'; containerId: string }
  /**
   * When notes/create was first and last sent (epoch milliseconds): a retry looks for a note
   * made since the first send, and keeps looking while the last send may still be under way,
   * unless Misskey itself `refused` the last one (then nothing came of it).
   */
  | { network: 'misskey'; firstSentAt: number; lastSentAt: number; refused?: true };

/** A part's checkpoint as the adapter sees it: the last one recorded, and how to replace it. */
export interface CheckpointSlot {
  /** What was recorded so far (by this attempt or an earlier one); undefined before that. */
  readonly current: PartCheckpoint | undefined;
  /** Records `value` in the job; resolves once it is stored, before the adapter goes on. */
  save(value: PartCheckpoint): Promise<void>;
}

/** The slot's checkpoint when it is this network's (a foreign or missing one is undefined). */
export function checkpointFor<N extends NetworkId>(
  slot: CheckpointSlot | undefined,
  network: N,
): Extract<PartCheckpoint, { network: N }> | undefined {
  const current = slot?.current;
  return current?.network === network
    ? (current as Extract<PartCheckpoint, { network: N }>)
    : undefined;
}

/** A slot kept in memory, for callers with no job to keep it in (tests, one-off calls). */
export function memorySlot(initial?: PartCheckpoint): CheckpointSlot {
  let current = initial;
  return {
    get current() {
      return current;
    },
    async save(value) {
      current = structuredClone(value);
    },
  };
}
