import { safeHttpUrl } from '@/utils/capture/sanitize';
import { incompleteAnswer } from '@/utils/errors';
import { words } from '@/utils/i18n/wording';
import type { PublishedPost, ServerScheduled } from '../types';

/** Mastodon ids are numbers as strings; forks use other shapes, but never empty or huge ones. */
const ID = /^[A-Za-z0-9_.:-]{1,128}$/;

type Fields = Record<string, unknown>;

/** True for an id Crosswind may put in a request path. */
export function isPostId(id: unknown): id is string {
  return typeof id === 'string' && ID.test(id);
}

function fieldsOf(value: unknown): Fields | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Fields)
    : undefined;
}

function idOf(value: Fields | undefined): string | undefined {
  const id = value?.id;
  if (typeof id === 'number' && Number.isSafeInteger(id)) return String(id);
  return typeof id === 'string' && ID.test(id) ? id : undefined;
}

/** A Status as POST /api/v1/statuses promises it: an id and a link (its page, or its ActivityPub id). */
function asStatus(data: Fields | undefined): PublishedPost | undefined {
  const id = idOf(data);
  const url = safeHttpUrl(
    typeof data?.url === 'string' ? data.url : typeof data?.uri === 'string' ? data.uri : undefined,
  );
  return id && url ? { id, url } : undefined;
}

/** A created post, or the error that says the server did not really say it made one. */
export function publishedFrom(answer: unknown, host: string): PublishedPost {
  const status = asStatus(fieldsOf(answer));
  if (!status) throw incompleteAnswer(host, words('errors.missing.postLink'));
  return status;
}

/** What a server did with `scheduled_at`: kept the post for later, or posted it at once. */
export type ScheduleAnswer =
  { kind: 'scheduled'; scheduled: ServerScheduled } | { kind: 'published'; post: PublishedPost };

/**
 * Reads the answer to a post sent with `scheduled_at`. Mastodon answers a ScheduledStatus; a
 * server that ignores the parameter (Hollo does) answers the Status it published right away.
 */
export function scheduleAnswerFrom(answer: unknown, host: string): ScheduleAnswer {
  const data = fieldsOf(answer);
  const id = idOf(data);
  const at = typeof data?.scheduledAt === 'string' ? Date.parse(data.scheduledAt) : Number.NaN;
  if (id && Number.isFinite(at) && fieldsOf(data?.params)) {
    return { kind: 'scheduled', scheduled: { id, scheduledAt: at } };
  }
  const status = asStatus(data);
  if (status) return { kind: 'published', post: status };
  throw incompleteAnswer(host, words('errors.missing.scheduledPost'));
}

/** A moved scheduled post: its id and new time, as the server understood them. */
export function scheduledFrom(answer: unknown, host: string): ServerScheduled {
  const result = scheduleAnswerFrom(answer, host);
  if (result.kind !== 'scheduled')
    throw incompleteAnswer(host, words('errors.missing.scheduledTime'));
  return result.scheduled;
}

/** An uploaded attachment's id, which the post refers to. */
export function mediaIdFrom(answer: unknown, host: string): string {
  const id = idOf(fieldsOf(answer));
  if (!id) throw incompleteAnswer(host, words('errors.missing.mediaId'));
  return id;
}

/** The uploaded image's own address (`url`), once the server has it; anyone can fetch it. */
export function mediaUrlFrom(answer: unknown): string | undefined {
  const url = (fieldsOf(answer) as Record<string, unknown> | undefined)?.url;
  return typeof url === 'string' && /^https?:\/\//u.test(url) ? url : undefined;
}

/** The signed-in account as verify_credentials returns it, with only checked values kept. */
export interface CheckedCredentials {
  id: string;
  username: string;
  displayName: string;
  avatar?: string;
  url?: string;
  privacy?: string;
}

/** Reads GET /api/v1/accounts/verify_credentials; an account without id or username is no account. */
export function credentialsFrom(answer: unknown, host: string): CheckedCredentials {
  const data = fieldsOf(answer);
  const id = idOf(data);
  const username = typeof data?.username === 'string' ? data.username.trim() : '';
  if (!id || !username || username.length > 256) {
    throw incompleteAnswer(host, words('errors.missing.account'));
  }
  const displayName =
    typeof data?.displayName === 'string' && data.displayName.trim()
      ? data.displayName.slice(0, 256)
      : username;
  const avatar = safeHttpUrl(typeof data?.avatar === 'string' ? data.avatar : undefined);
  const url = safeHttpUrl(typeof data?.url === 'string' ? data.url : undefined);
  const privacy = fieldsOf(data?.source)?.privacy;
  return {
    id,
    username,
    displayName,
    ...(avatar && { avatar }),
    ...(url && { url }),
    ...(typeof privacy === 'string' && { privacy }),
  };
}
