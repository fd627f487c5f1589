import { words, type Wording } from '@/utils/i18n/wording';
import { CrosswindError } from '@/utils/errors';

// What Misskey answers, checked at run time: a reply without the fields we rely on is an error,
// never a success (a missing note id would make the post impossible to delete or thread).

/** The fields of a packed Note that Crosswind reads. */
export interface MisskeyNote {
  id: string;
  createdAt: string;
  userId: string;
  text: string | null;
  cw: string | null;
  replyId: string | null;
  fileIds: string[];
  visibility: string;
}

/** The fields of a packed DriveFile that Crosswind reads. */
export interface MisskeyDriveFile {
  id: string;
  type: string;
  size: number;
  url: string;
}

/** The fields of a packed user that Crosswind reads. */
export interface MisskeyUser {
  id: string;
  username: string;
  name: string | null;
  avatarUrl: string | null;
}

/** The limits `/api/meta` publishes. */
export interface MisskeyMeta {
  maxNoteTextLength: number;
  /** Sharkey and some forks publish their content-warning cap. */
  maxCwLength?: number;
  /** Largest upload in bytes (Misskey 2024+). */
  maxFileSize?: number;
  /** The role policy for the drive, in MB, when the server shares it. */
  driveCapacityMb?: number;
  version?: string;
}

type Json = Record<string, unknown>;

function object(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : undefined;
}

const str = (value: unknown): value is string => typeof value === 'string';
const strOrNull = (value: unknown): value is string | null | undefined =>
  value === null || value === undefined || typeof value === 'string';
const positive = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0;

function unreadable(host: string, what: Wording): CrosswindError {
  return new CrosswindError('server', words('misskey.unreadable', { host, what }));
}

/** A packed Note. */
export function readNote(value: unknown, host: string): MisskeyNote {
  const note = object(value);
  if (
    !note ||
    !str(note.id) ||
    !note.id ||
    !str(note.createdAt) ||
    !str(note.userId) ||
    !strOrNull(note.text) ||
    !strOrNull(note.cw) ||
    !strOrNull(note.replyId)
  ) {
    throw unreadable(host, words('misskey.what.note'));
  }
  const fileIds = Array.isArray(note.fileIds) ? note.fileIds.filter(str) : [];
  return {
    id: note.id,
    createdAt: note.createdAt,
    userId: note.userId,
    text: note.text ?? null,
    cw: note.cw ?? null,
    replyId: note.replyId ?? null,
    fileIds,
    visibility: str(note.visibility) ? note.visibility : 'public',
  };
}

/** notes/create's `{ createdNote }`. */
export function readCreatedNote(value: unknown, host: string): MisskeyNote {
  return readNote(object(value)?.createdNote, host);
}

/** users/notes: a list of notes. */
export function readNotes(value: unknown, host: string): MisskeyNote[] {
  if (!Array.isArray(value)) throw unreadable(host, words('misskey.what.notes'));
  return value.map((note) => readNote(note, host));
}

/** drive/files/create's DriveFile. */
export function readDriveFile(value: unknown, host: string): MisskeyDriveFile {
  const file = object(value);
  if (!file || !str(file.id) || !file.id || !str(file.type) || !str(file.url)) {
    throw unreadable(host, words('misskey.what.file'));
  }
  return { id: file.id, type: file.type, size: positive(file.size) ? file.size : 0, url: file.url };
}

/** `i`, or the user in a MiAuth check. */
export function readUser(value: unknown, host: string): MisskeyUser {
  const user = object(value);
  if (!user || !str(user.id) || !user.id || !str(user.username) || !strOrNull(user.name)) {
    throw unreadable(host, words('misskey.what.account'));
  }
  return {
    id: user.id,
    username: user.username,
    name: user.name ?? null,
    avatarUrl: str(user.avatarUrl) ? user.avatarUrl : null,
  };
}

/** `/api/meta`; only maxNoteTextLength is required, the rest is read where the server has it. */
export function readMeta(value: unknown, host: string): MisskeyMeta {
  const meta = object(value);
  if (!meta || !positive(meta.maxNoteTextLength))
    throw unreadable(host, words('misskey.what.settings'));
  const result: MisskeyMeta = { maxNoteTextLength: Math.floor(meta.maxNoteTextLength) };
  if (positive(meta.maxCwLength)) result.maxCwLength = Math.floor(meta.maxCwLength);
  if (positive(meta.maxFileSize)) result.maxFileSize = Math.floor(meta.maxFileSize);
  const policies = object(meta.policies);
  if (positive(policies?.driveCapacityMb)) result.driveCapacityMb = policies.driveCapacityMb;
  if (str(meta.version)) result.version = meta.version;
  return result;
}
