import type { CallOptions, MisskeyClient, NoteParams } from './client';
import type { MisskeyNote } from './validate';

// Misskey has no idempotency key. When an attempt at notes/create may have reached the server
// (sent, but no answer came back), the note may exist: look for it among the account's own notes
// created since the attempt began, and adopt it instead of posting a second one.

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
