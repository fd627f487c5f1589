import { CrosswindError } from '@/utils/errors';
import { checkpointFor, type CheckpointSlot, type PartCheckpoint } from '../checkpoint';
import {
  DEFAULT_TIMEOUT_MS,
  type CallOptions,
  type MisskeyClient,
  type NoteParams,
} from './client';
import type { MisskeyNote } from './validate';
import { sleep } from '@/utils/sleep';

// Misskey has no idempotency key. When an attempt at notes/create may have reached the server
// (sent, but no answer came back), the note may exist, or may still be in the making: look for it
// among the account's own notes created since the first send, and adopt it instead of posting a
// second one.

/** Room for the difference between this computer's clock and the server's. */
export const CLOCK_SKEW_MS = 2 * 60_000;

/** Pages of 100 notes to read at most, newest first, before giving up on finding the attempt. */
const MAX_PAGES = 5;
const PAGE = 100;

const normalize = (text: string | null | undefined): string => (text ?? '').trim();

/** Whether a stored note is what `params` would have created (the server trims the text). */
export function matchesAttempt(note: MisskeyNote, params: NoteParams): boolean {
  return (
    normalize(note.text) === normalize(params.text) &&
    normalize(note.cw) === normalize(params.cw) &&
    (note.replyId ?? null) === (params.replyId ?? null) &&
    note.fileIds.join(',') === (params.fileIds ?? []).join(',')
  );
}

/**
 * The note an earlier attempt created, if there is one: among the account's notes created since
 * `attemptStartedAt` (less the clock allowance), the oldest with the same text, content warning,
 * reply target and files. Notes are read newest first, so a recent attempt is found at once.
 */
export async function findEarlierAttempt(
  client: MisskeyClient,
  userId: string,
  params: NoteParams,
  attemptStartedAt: number,
  options: CallOptions = {},
): Promise<MisskeyNote | undefined> {
  const floor = attemptStartedAt - CLOCK_SKEW_MS;
  let untilId: string | undefined;
  let found: MisskeyNote | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const notes = await client.userNotes(
      { userId, limit: PAGE, ...(untilId !== undefined && { untilId }) },
      options,
    );
    for (const note of notes) {
      if (Date.parse(note.createdAt) < floor || !matchesAttempt(note, params)) continue;
      if (!found || note.id < found.id) found = note;
    }
    const oldest = notes.reduce<MisskeyNote | undefined>(
      (min, note) => (!min || note.id < min.id ? note : min),
      undefined,
    );
    if (!oldest || notes.length < PAGE || Date.parse(oldest.createdAt) < floor) break;
    untilId = oldest.id;
  }
  return found;
}

type MisskeyCheckpoint = Extract<PartCheckpoint, { network: 'misskey' }>;

/** How long after notes/create was sent its note may still appear: this client's own timeout. */
export const SETTLE_MS = DEFAULT_TIMEOUT_MS;

/** How often a retry looks again while an earlier send may still be under way on the server. */
export const LOOK_EVERY_MS = 2_000;

/**
 * The note an earlier send made, waiting for it while that send may still be under way: a worker
 * stopped mid-request leaves the server working on it, and the next worker starts at once. Looks
 * now, then every few seconds until the last send is `SETTLE_MS` old.
 */
async function awaitEarlierSend(
  client: MisskeyClient,
  userId: string,
  params: NoteParams,
  sent: MisskeyCheckpoint,
  options: CallOptions,
): Promise<MisskeyNote | undefined> {
  const now = Date.now();
  // A clock set back since the send cannot make the wait longer than one settling time; a send
  // Misskey refused made nothing, so one look (for a slow earlier one) is enough.
  const settledAt = sent.refused ? now : Math.min(sent.lastSentAt + SETTLE_MS, now + SETTLE_MS);
  for (;;) {
    const found = await findEarlierAttempt(client, userId, params, sent.firstSentAt, options);
    const left = settledAt - Date.now();
    if (found || left <= 0) return found;
    await sleep(Math.min(LOOK_EVERY_MS, left), options.signal);
  }
}

/** How a part's attempts are told apart: its checkpoint, and the key of jobs made before it. */
export interface NoteAttempt {
  userId: string;
  checkpoint: CheckpointSlot;
  /** For a job queued by a version that kept no checkpoint: when its key was made, on a retry. */
  legacyStartedAt?: number;
}

/**
 * Posts a note exactly once across retries. The moment of each send is recorded before it goes,
 * so only a part that was sent looks for its note (a part that never was cannot be adopted by a
 * look-alike), and looks only since then.
 */
export async function createNoteOnce(
  client: MisskeyClient,
  params: NoteParams,
  attempt: NoteAttempt,
  options: CallOptions = {},
): Promise<{ note: MisskeyNote; adopted: boolean }> {
  const sent = checkpointFor(attempt.checkpoint, 'misskey');
  const earlier = sent
    ? await awaitEarlierSend(client, attempt.userId, params, sent, options)
    : attempt.legacyStartedAt !== undefined
      ? await findEarlierAttempt(client, attempt.userId, params, attempt.legacyStartedAt, options)
      : undefined;
  if (earlier) return { note: earlier, adopted: true };
  const now = Date.now();
  const sending: MisskeyCheckpoint = {
    network: 'misskey',
    firstSentAt: sent?.firstSentAt ?? attempt.legacyStartedAt ?? now,
    lastSentAt: now,
  };
  await attempt.checkpoint.save(sending);
  try {
    return { note: await client.createNote(params, options), adopted: false };
  } catch (error) {
    if (refusedByMisskey(error)) await attempt.checkpoint.save({ ...sending, refused: true });
    throw error;
  }
}

/**
 * Whether the note was turned down before it was made: a rate limit, or Misskey's own error body
 * under 500 (a bad parameter, a revoked token). A 5xx may come from a proxy that gave up while
 * Misskey went on, or from Misskey failing after the note was stored, so it proves nothing.
 */
function refusedByMisskey(error: unknown): boolean {
  if (!(error instanceof CrosswindError)) return false;
  if (error.kind === 'rate-limit') return true;
  return error.detail !== undefined && error.status !== undefined && error.status < 500;
}
