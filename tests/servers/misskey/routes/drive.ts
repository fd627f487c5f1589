import { createHash } from 'node:crypto';
import { castFields, endpoint, type Endpoint } from '../api';
import { packDriveFile } from '../entities';
import { ApiError } from '../errors';
import { aidx, token } from '../ids';
import { inspect } from '../media';
import { checkBoolean, checkId, checkRequired, checkString } from '../params';
import { byId } from '../runtime';
import type { FileRecord } from '../types';

// drive/files/create (packages/backend/src/server/api/endpoints/drive/files/create.ts): multipart
// with one `file`, `name`, `comment` (alt text, DB_MAX_IMAGE_COMMENT_LENGTH 512), `isSensitive`.

const ERRORS = {
  invalidFileName: {
    message: 'Invalid file name.',
    code: 'INVALID_FILE_NAME',
    id: 'f449b209-0c60-4e51-84d5-29486263bfd4',
  },
  noFreeSpace: {
    message: 'Cannot upload the file because you have no free space of drive.',
    code: 'NO_FREE_SPACE',
    id: 'd08dbc37-a6a9-463a-8c47-96c32ab5f064',
  },
} as const;

const EXTENSIONS: Record<string, string> = {
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'image/webp': '.webp',
};

/** DriveFileEntityService.validateFileName. */
function validFileName(name: string): boolean {
  return (
    name.trim().length > 0 &&
    name.length <= 200 &&
    !name.includes('\\') &&
    !name.includes('/') &&
    !name.includes('..')
  );
}

const create = endpoint({
  name: 'drive/files/create',
  requireCredential: true,
  kind: 'write:drive',
  requireFile: true,
  handler({ rt, me, params, file }) {
    castFields(params, { isSensitive: 'boolean', force: 'boolean' });
    checkId(params, 'folderId', true);
    checkString(params, 'name', { nullable: true });
    checkString(params, 'comment', { nullable: true, maxLength: 512 });
    checkBoolean(params, 'isSensitive', false);
    checkBoolean(params, 'force', false);
    const user = me!;
    let name = (params.name as string | null | undefined) ?? file!.name ?? null;
    if (name !== null) {
      name = name.trim();
      if (name === '' || name === 'blob') name = null;
      else if (!validFileName(name)) throw new ApiError(ERRORS.invalidFileName);
    }
    const bytes = file!.bytes;
    const used = rt.state.files
      .filter((other) => other.userId === user.id)
      .reduce((sum, other) => sum + other.size, 0);
    if (used + bytes.length > rt.options.driveCapacityMb * 1024 * 1024) {
      throw new ApiError(ERRORS.noFreeSpace);
    }
    const facts = inspect(bytes);
    const createdAt = new Date();
    const record: FileRecord = {
      id: aidx(createdAt),
      userId: user.id,
      createdAt,
      name: name ?? `untitled${EXTENSIONS[facts.type] ?? ''}`,
      type: facts.type,
      size: bytes.length,
      md5: createHash('md5').update(bytes).digest('hex'),
      comment: (params.comment as string | null | undefined) ?? null,
      isSensitive: params.isSensitive === true,
      width: facts.width,
      height: facts.height,
      accessKey: `${token(16)}`,
      bytes,
    };
    rt.state.files.push(record);
    return packDriveFile(rt, record);
  },
});

const UPDATE_ERRORS = {
  noSuchFile: {
    message: 'No such file.',
    code: 'NO_SUCH_FILE',
    id: 'e7778c7e-3af9-49cd-9690-6dbc3e6c972d',
  },
  accessDenied: {
    message: 'Access denied.',
    code: 'ACCESS_DENIED',
    id: '01a53b27-82fc-445b-a0c1-b558465a8ed2',
  },
} as const;

/** drive/files/update: rename, move, re-describe or mark sensitive one's own file. */
const update = endpoint({
  name: 'drive/files/update',
  requireCredential: true,
  kind: 'write:drive',
  handler({ rt, me, params }) {
    checkRequired(params, 'fileId');
    checkId(params, 'fileId');
    checkId(params, 'folderId', true);
    checkString(params, 'name');
    checkBoolean(params, 'isSensitive');
    checkString(params, 'comment', { nullable: true, maxLength: 512 });
    const file = byId(rt.state.files, params.fileId as string);
    if (!file) throw new ApiError(UPDATE_ERRORS.noSuchFile);
    if (file.userId !== me!.id) throw new ApiError(UPDATE_ERRORS.accessDenied);
    if (typeof params.name === 'string') {
      if (!validFileName(params.name)) throw new ApiError(ERRORS.invalidFileName);
      file.name = params.name;
    }
    if (typeof params.isSensitive === 'boolean') file.isSensitive = params.isSensitive;
    if (params.comment !== undefined) file.comment = params.comment as string | null;
    return packDriveFile(rt, file);
  },
});

/** The drive endpoints. */
export const driveEndpoints: Endpoint[] = [create, update];
