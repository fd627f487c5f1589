import { endpoint, type Endpoint } from '../api';
import { packNote } from '../entities';
import { ApiError } from '../errors';
import { aidx } from '../ids';
import {
  checkBoolean,
  checkEnum,
  checkId,
  checkIdArray,
  checkRequired,
  checkString,
  type Params,
} from '../params';
import { byId } from '../runtime';
import type { NoteRecord, NoteVisibility } from '../types';

// notes/create, notes/delete and notes/show as packages/backend/src/server/api/endpoints/notes/*.ts
// declare them: paramDef (checked in ajv's order), meta.errors, and what each answers.

const VISIBILITIES: readonly NoteVisibility[] = ['public', 'home', 'followers', 'specified'];

const ERRORS = {
  noSuchReplyTarget: {
    message: 'No such reply target.',
    code: 'NO_SUCH_REPLY_TARGET',
    id: '749ee0f6-d3da-459a-bf02-282e2da4292c',
  },
  noSuchRenoteTarget: {
    message: 'No such renote target.',
    code: 'NO_SUCH_RENOTE_TARGET',
    id: 'b5c90186-4ab0-49c8-9bba-a1f76c282ba4',
  },
  noSuchFile: {
    message: 'Some files are not found.',
    code: 'NO_SUCH_FILE',
    id: 'b6992544-63e7-67f0-fa7f-32444b1b5306',
  },
  noSuchNoteToDelete: {
    message: 'No such note.',
    code: 'NO_SUCH_NOTE',
    id: '490be23f-8c1f-4796-819f-94cb4f9d1630',
  },
  accessDeniedToDelete: {
    message: 'Access denied.',
    code: 'ACCESS_DENIED',
    id: 'fe8d7103-0ea8-4ec3-814d-f8b401dc69e9',
  },
  noSuchNoteToShow: {
    message: 'No such note.',
    code: 'NO_SUCH_NOTE',
    id: '24fcbfc6-2e37-42b6-8388-c29b3861a08d',
  },
} as const;

/** notes/create's paramDef, in the order ajv evaluates it (the `if`/`then` comes first). */
function validateCreate(ps: Params, maxTextLength: number): void {
  const present = (name: string): boolean => ps[name] !== undefined && ps[name] !== null;
  // if renoteId, fileIds, mediaIds and poll are all missing or null, then text is required.
  if (!present('renoteId') && !present('fileIds') && !present('mediaIds') && !present('poll')) {
    checkRequired(ps, 'text', '#/then/required');
    checkString(ps, 'text', {
      minLength: 1,
      maxLength: maxTextLength,
      pattern: '[^\\s]+',
      at: '#/then/properties',
    });
  }
  checkEnum(ps, 'visibility', VISIBILITIES, 'public');
  checkIdArray(ps, 'visibleUserIds');
  checkString(ps, 'cw', { nullable: true, maxLength: 100 });
  checkBoolean(ps, 'localOnly', false);
  checkBoolean(ps, 'noExtractMentions', false);
  checkBoolean(ps, 'noExtractHashtags', false);
  checkBoolean(ps, 'noExtractEmojis', false);
  checkId(ps, 'replyId', true);
  checkId(ps, 'renoteId', true);
  checkId(ps, 'channelId', true);
  checkString(ps, 'text', { nullable: true, minLength: 1, maxLength: maxTextLength });
  checkIdArray(ps, 'fileIds', { minItems: 1, maxItems: 16 });
  checkIdArray(ps, 'mediaIds', { minItems: 1, maxItems: 16 });
}

const asString = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const create = endpoint({
  name: 'notes/create',
  requireCredential: true,
  kind: 'write:notes',
  handler({ rt, me, token, params }) {
    validateCreate(params, rt.options.maxNoteTextLength);
    const user = me!;
    const fileIds = (params.fileIds ?? params.mediaIds ?? []) as string[];
    for (const id of fileIds) {
      const file = byId(rt.state.files, id);
      if (!file || file.userId !== user.id) throw new ApiError(ERRORS.noSuchFile);
    }
    const renoteId = asString(params.renoteId);
    if (renoteId && !live(rt.state.notes, renoteId)) throw new ApiError(ERRORS.noSuchRenoteTarget);
    const replyId = asString(params.replyId);
    if (replyId && !live(rt.state.notes, replyId)) throw new ApiError(ERRORS.noSuchReplyTarget);

    // NoteCreateService trims the text (an empty one becomes null) and keeps cw as given.
    const trimmed = asString(params.text)?.trim() ?? null;
    const createdAt = new Date();
    const note: NoteRecord = {
      id: aidx(createdAt),
      userId: user.id,
      createdAt,
      text: trimmed === '' ? null : trimmed,
      cw: asString(params.cw),
      visibility: params.visibility as NoteVisibility,
      visibleUserIds: (params.visibleUserIds ?? []) as string[],
      localOnly: params.localOnly === true,
      fileIds,
      replyId,
      renoteId,
      tokenId: token?.id ?? null,
      deletedAt: null,
    };
    rt.state.notes.push(note);
    return { createdNote: packNote(rt, note) };
  },
});

const remove = endpoint({
  name: 'notes/delete',
  requireCredential: true,
  kind: 'write:notes',
  handler({ rt, me, params }) {
    checkId(params, 'noteId');
    checkRequired(params, 'noteId');
    const note = live(rt.state.notes, params.noteId as string);
    if (!note) throw new ApiError(ERRORS.noSuchNoteToDelete);
    if (note.userId !== me!.id) throw new ApiError(ERRORS.accessDeniedToDelete);
    // The note table's replyId and renoteId are `ON DELETE CASCADE`: replies and renotes go too.
    const now = new Date();
    const doomed = [note];
    while (doomed.length > 0) {
      const gone = doomed.pop()!;
      gone.deletedAt = now;
      doomed.push(
        ...rt.state.notes.filter(
          (other) => !other.deletedAt && (other.replyId === gone.id || other.renoteId === gone.id),
        ),
      );
    }
    return undefined;
  },
});

const show = endpoint({
  name: 'notes/show',
  handler({ rt, params }) {
    checkId(params, 'noteId');
    checkRequired(params, 'noteId');
    const note = live(rt.state.notes, params.noteId as string);
    if (!note) throw new ApiError(ERRORS.noSuchNoteToShow);
    return packNote(rt, note);
  },
});

function live(notes: NoteRecord[], id: string): NoteRecord | undefined {
  const note = byId(notes, id);
  return note && !note.deletedAt ? note : undefined;
}

/** The note endpoints. */
export const noteEndpoints: Endpoint[] = [create, remove, show];
