import { endpoint, type Endpoint } from '../api';
import { packMe, packNote } from '../entities';
import { ApiError } from '../errors';
import { checkBoolean, checkId, checkInteger, checkRequired, type Params } from '../params';
import { byId } from '../runtime';
import type { NoteRecord, UserRecord } from '../types';

// `i` and `users/notes` (packages/backend/src/server/api/endpoints/i.ts, users/notes.ts).

const noSuchUser = {
  message: 'No such user.',
  code: 'NO_SUCH_USER',
  id: '27e494ba-2ac2-48e8-893b-10d4d8c2387b',
} as const;

const i = endpoint({
  name: 'i',
  requireCredential: true,
  kind: 'read:account',
  handler: ({ rt, me }) => packMe(rt, me!),
});

function validateUserNotes(ps: Params): void {
  checkRequired(ps, 'userId');
  checkId(ps, 'userId');
  checkBoolean(ps, 'withReplies', false);
  checkBoolean(ps, 'withRenotes', true);
  checkBoolean(ps, 'withChannelNotes', false);
  checkInteger(ps, 'limit', { minimum: 1, maximum: 100, fallback: 10 });
  checkId(ps, 'sinceId');
  checkId(ps, 'untilId');
  checkInteger(ps, 'sinceDate');
  checkInteger(ps, 'untilDate');
  checkBoolean(ps, 'withFiles', false);
}

/** Whether `viewer` may see the note (QueryService.generateVisibilityQuery, without follows). */
function visibleTo(note: NoteRecord, viewer: UserRecord | null): boolean {
  if (viewer && viewer.id === note.userId) return true;
  if (note.visibility === 'public' || note.visibility === 'home') return true;
  if (note.visibility === 'specified') return !!viewer && note.visibleUserIds.includes(viewer.id);
  return false;
}

/**
 * The database path of users/notes (the one any sinceId/sinceDate query takes): newest first,
 * except that a lower bound alone (sinceId or sinceDate without an upper one) lists oldest first,
 * as QueryService.makePaginationQuery orders it.
 */
const userNotes = endpoint({
  name: 'users/notes',
  handler({ rt, me, params }) {
    validateUserNotes(params);
    const user = byId(rt.state.users, params.userId as string);
    if (!user) throw new ApiError(noSuchUser);
    const sinceId = params.sinceId as string | undefined;
    const untilId = params.untilId as string | undefined;
    const sinceDate = params.sinceDate as number | undefined;
    const untilDate = params.untilDate as number | undefined;
    let notes = rt.state.notes.filter(
      (note) =>
        note.userId === user.id &&
        !note.deletedAt &&
        visibleTo(note, me) &&
        (!params.withFiles || note.fileIds.length > 0),
    );
    if (sinceId !== undefined) notes = notes.filter((note) => note.id > sinceId);
    else if (sinceDate !== undefined) {
      notes = notes.filter((note) => note.createdAt.getTime() > sinceDate);
    }
    if (untilId !== undefined) notes = notes.filter((note) => note.id < untilId);
    else if (untilDate !== undefined) {
      notes = notes.filter((note) => note.createdAt.getTime() < untilDate);
    }
    const ascending =
      (sinceId !== undefined || sinceDate !== undefined) &&
      untilId === undefined &&
      untilDate === undefined;
    notes.sort((a, b) => (a.id < b.id ? -1 : 1) * (ascending ? 1 : -1));
    return notes.slice(0, params.limit as number).map((note) => packNote(rt, note));
  },
});

/** The user endpoints. */
export const userEndpoints: Endpoint[] = [i, userNotes];
