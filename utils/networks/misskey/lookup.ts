import type { CallOptions, MisskeyClient, NoteParams } from './client';
import type { MisskeyNote } from './validate';

// Misskey has no idempotency key. When an attempt at notes/create may have reached the server
// (sent, but no answer came back), the note may exist: look for it among the account's own notes
// created since the attempt began, and adopt it instead of posting a second one.

/** Room for the difference between this computer's clock and the server's. */
export const CLOCK_SKEW_MS = 2 * 60_000;

/** Pages of 100 notes to read at most; more notes than that since one attempt is not a retry. */
const MAX_PAGES = 3;

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
 * The note an earlier attempt created, if there is one: the oldest of the account's notes since
 * `attemptStartedAt` (less the clock allowance) with the same text, content warning, reply target
 * and files.
 */
export async function findEarlierAttempt(
  client: MisskeyClient,
  userId: string,
  params: NoteParams,
  attemptStartedAt: number,
  options: CallOptions = {},
): Promise<MisskeyNote | undefined> {
  let sinceId: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const notes = await client.userNotes(
      sinceId === undefined
        ? { userId, sinceDate: attemptStartedAt - CLOCK_SKEW_MS, limit: 100 }
        : { userId, sinceId, limit: 100 },
      options,
    );
    // With only a lower bound, Misskey lists oldest first; sort anyway, forks may differ.
    const ordered = [...notes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const found = ordered.find((note) => matchesAttempt(note, params));
    if (found) return found;
    if (notes.length < 100) return undefined;
    sinceId = ordered.at(-1)?.id;
  }
  return undefined;
}

/**
 * Posts a note exactly once across retries: on a retry, an earlier attempt's note is adopted;
 * otherwise (or when none is found) the note is created.
 */
export async function createNoteOnce(
  client: MisskeyClient,
  params: NoteParams,
  attempt: { userId: string; startedAt: number; isRetry: boolean },
  options: CallOptions = {},
): Promise<{ note: MisskeyNote; adopted: boolean }> {
  if (attempt.isRetry) {
    const earlier = await findEarlierAttempt(
      client,
      attempt.userId,
      params,
      attempt.startedAt,
      options,
    );
    if (earlier) return { note: earlier, adopted: true };
  }
  return { note: await client.createNote(params, options), adopted: false };
}
