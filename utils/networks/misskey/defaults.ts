import type { AccountLimits } from '../types';

/** Misskey's own defaults, until the server says otherwise (`/api/meta`). */
export const MISSKEY_DEFAULT_LIMITS: AccountLimits = {
  maxCharacters: 3000,
  // notes/create takes up to 16 fileIds; the composer may offer fewer.
  maxMediaAttachments: 16,
  // drive/files/create: `comment` maxLength DB_MAX_IMAGE_COMMENT_LENGTH (512).
  altTextLimit: 512,
};
