import { statusLength } from './count';
import { formatStatusText } from './format';
import { HttpError, jsonError } from './http';
import { snowflake } from './ids';
import { isBlank } from './multipart';
import { mediaProcessed } from './entities';
import { byId, accountByUsername, type Runtime } from './runtime';
import type {
  AccountRecord,
  MediaRecord,
  ScheduledParams,
  ScheduledStatusRecord,
  StatusRecord,
  Visibility,
} from './types';

// PostStatusService and the Status / ScheduledStatus validations it triggers.

const VISIBILITIES: readonly string[] = ['public', 'unlisted', 'private', 'direct'];
const MIN_SCHEDULE_OFFSET_MS = 5 * 60 * 1000;
const IDEMPOTENCY_TTL_MS = 60 * 60 * 1000;
const SCHEDULED_TOTAL_LIMIT = 300;
const SCHEDULED_DAILY_LIMIT = 25;

/** What POST /api/v1/statuses was asked, already read from the parameters. */
export interface PostRequest {
  text: string | undefined;
  spoilerText: string | undefined;
  sensitive: boolean | undefined;
  visibility: string | undefined;
  language: string | undefined;
  mediaIds: string[] | undefined;
  scheduledAt: string | undefined;
  thread: StatusRecord | undefined;
  appId: string | null;
  idempotencyKey: string | undefined;
}

/** The outcome: a status, or a scheduled status. */
export type PostResult =
  | { kind: 'status'; status: StatusRecord }
  | { kind: 'scheduled'; scheduled: ScheduledStatusRecord };

function invalid(message: string): HttpError {
  return new HttpError(jsonError(422, message));
}

/** Ruby's String#to_i: the leading integer, or 0. */
function rubyToI(text: string): string {
  const match = /^\s*([+-]?\d+)/.exec(text);
  return match?.[1] ? BigInt(match[1]).toString() : '0';
}

/** `validate_media!`: Mastodon::ValidationError messages carry no "Validation failed" prefix. */
function validateMedia(
  rt: Runtime,
  account: AccountRecord,
  ids: string[] | undefined,
): MediaRecord[] {
  if (!ids || ids.length === 0) return [];
  const limit = rt.options.maxMediaAttachments;
  if (ids.length > limit) throw invalid(`Cannot attach more than ${limit} files`);
  const wanted = new Set(ids.slice(0, limit).map(rubyToI));
  const found = rt.state.media.filter(
    (media) => media.accountId === account.id && media.statusId === null && wanted.has(media.id),
  );
  const foundIds = new Set(found.map((media) => media.id));
  const missing = ids.map(rubyToI).filter((id) => !foundIds.has(id));
  if (missing.length > 0) {
    throw invalid(`Media ${missing.join(', ')} not found or already attached to another post`);
  }
  if (found.length > 1 && found.some((media) => media.type === 'video' || media.type === 'audio')) {
    throw invalid('Cannot attach a video to a post that already contains images');
  }
  if (found.some((media) => !mediaProcessed(media))) {
    throw invalid('Cannot attach files that have not finished processing. Try again in a moment!');
  }
  // `ordered_media_attachment_ids`: the order the client asked for.
  return [...new Set(ids.map(rubyToI))].flatMap((id) => found.filter((media) => media.id === id));
}

/** `fill_blank_text!`: a content warning alone gets a stand-in body. */
function filledText(text: string, spoilerText: string, media: MediaRecord[]): string {
  if (!isBlank(text) || isBlank(spoilerText)) return text;
  if (media.some((item) => item.type === 'video' || item.type === 'gifv')) return '\u{1F4F9}';
  if (media.some((item) => item.type === 'audio')) return '\u{1F3B5}';
  if (media.some((item) => item.type === 'image')) return '\u{1F5BC}';
  return '.';
}

/** `valid_locale_cascade`: an ISO 639 code as given, else English. */
function language(requested: string | undefined): string {
  const code = requested?.split(/[_-]/)[0]?.toLowerCase();
  return code && /^[a-z]{2,3}$/.test(code) ? code : 'en';
}

/** The Status validations that apply to a local post, messages in Rails' order. */
function statusErrors(
  rt: Runtime,
  visibility: string,
  text: string,
  spoilerText: string,
  hasMedia: boolean,
): string[] {
  const errors: string[] = [];
  if (!VISIBILITIES.includes(visibility)) errors.push('Visibility is not included in the list');
  if (isBlank(text) && !hasMedia) errors.push("Text can't be blank");
  if (
    statusLength(text, spoilerText, rt.options.charactersReservedPerUrl) > rt.options.maxCharacters
  ) {
    errors.push(`Text character limit of ${rt.options.maxCharacters} exceeded`);
  }
  return errors;
}

/** Ruby's `to_datetime` on the parameter: undefined when it cannot be read. */
export function parseScheduledAt(text: string): Date | undefined {
  if (!/\d/.test(text)) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function idempotencySlot(account: AccountRecord, key: string): string {
  return `${account.id}:${key}`;
}

/** Creates the status record and attaches its media. */
export function insertStatus(
  rt: Runtime,
  account: AccountRecord,
  fields: {
    text: string;
    spoilerText: string;
    sensitive: boolean;
    visibility: Visibility;
    language: string;
    thread: StatusRecord | undefined;
    media: MediaRecord[];
    appId: string | null;
    idempotencyKey: string | null;
  },
): StatusRecord {
  const formatted = formatStatusText(fields.text, rt.baseUrl, (username) =>
    accountByUsername(rt, username),
  );
  const status: StatusRecord = {
    id: snowflake(),
    accountId: account.id,
    appId: fields.appId,
    text: fields.text,
    spoilerText: fields.spoilerText,
    sensitive: fields.sensitive,
    visibility: fields.visibility,
    language: fields.language,
    inReplyToId: fields.thread?.id ?? null,
    inReplyToAccountId: fields.thread?.accountId ?? null,
    mediaIds: fields.media.map((media) => media.id),
    mentionAccountIds: formatted.mentions.map((mentioned) => mentioned.id),
    tags: formatted.tags,
    idempotencyKey: fields.idempotencyKey,
    createdAt: new Date(),
    deletedAt: null,
  };
  rt.state.statuses.push(status);
  for (const media of fields.media) {
    media.statusId = status.id;
    media.scheduledStatusId = null;
  }
  return status;
}

/** Publishes a scheduled status whose time has come (PublishScheduledStatusWorker). */
export function publishScheduled(rt: Runtime, scheduled: ScheduledStatusRecord): void {
  if (scheduled.cancelledAt || scheduled.publishedStatusId) return;
  const account = byId(rt.state.accounts, scheduled.accountId);
  if (!account) return;
  const params = scheduled.params;
  const thread = params.in_reply_to_id ? byId(rt.state.statuses, params.in_reply_to_id) : undefined;
  const media = scheduled.mediaIds.flatMap((id) => {
    const found = byId(rt.state.media, id);
    return found && found.statusId === null ? [found] : [];
  });
  const status = insertStatus(rt, account, {
    text: params.text ?? '',
    spoilerText: params.spoiler_text ?? '',
    sensitive: params.sensitive ?? false,
    visibility: (params.visibility as Visibility | null) ?? account.defaultPrivacy,
    language: params.language ?? 'en',
    thread: thread && !thread.deletedAt ? thread : undefined,
    media,
    appId: scheduled.appId,
    idempotencyKey: scheduled.idempotencyKey,
  });
  scheduled.publishedStatusId = status.id;
}

/** Publishes a scheduled status if its time has come; a moved one waits for its new time. */
export function publishIfDue(rt: Runtime, scheduled: ScheduledStatusRecord): void {
  if (Date.now() >= scheduled.scheduledAt.getTime()) publishScheduled(rt, scheduled);
}

/** ScheduledStatus#validate_future_date, and the daily limit on the day it moves to. */
export function scheduleErrors(
  rt: Runtime,
  account: AccountRecord,
  scheduledAt: Date,
  moving?: ScheduledStatusRecord,
): string[] {
  const pending = rt.state.scheduledStatuses.filter(
    (item) =>
      item.accountId === account.id &&
      item !== moving &&
      !item.cancelledAt &&
      !item.publishedStatusId,
  );
  const errors: string[] = [];
  if (scheduledAt.getTime() <= Date.now() + MIN_SCHEDULE_OFFSET_MS) {
    errors.push('Scheduled at The scheduled date must be in the future');
  }
  if (!moving && pending.length >= SCHEDULED_TOTAL_LIMIT) {
    errors.push(`You have exceeded the limit of ${SCHEDULED_TOTAL_LIMIT} scheduled posts`);
  }
  const day = scheduledAt.toISOString().slice(0, 10);
  if (
    pending.filter((item) => item.scheduledAt.toISOString().startsWith(day)).length >=
    SCHEDULED_DAILY_LIMIT
  ) {
    errors.push(
      `You have exceeded the limit of ${SCHEDULED_DAILY_LIMIT} scheduled posts for today`,
    );
  }
  return errors;
}

function scheduleStatus(
  rt: Runtime,
  account: AccountRecord,
  request: PostRequest,
  scheduledAt: Date,
  media: MediaRecord[],
  values: { text: string; spoilerText: string; visibility: string; sensitive: boolean },
): ScheduledStatusRecord {
  // PostStatusService raises a bare RecordInvalid when the would-be status is invalid.
  if (
    statusErrors(rt, values.visibility, values.text, values.spoilerText, media.length > 0).length
  ) {
    throw invalid('Record invalid');
  }
  const errors = scheduleErrors(rt, account, scheduledAt);
  if (errors.length > 0) throw invalid(`Validation failed: ${errors.join(', ')}`);

  const params: ScheduledParams = {
    text: request.text ?? null,
    poll: null,
    media_ids: request.mediaIds ?? null,
    sensitive: request.sensitive ?? null,
    visibility: request.visibility ?? null,
    spoiler_text: request.spoilerText ?? null,
    scheduled_at: null,
    in_reply_to_id: request.thread?.id ?? null,
    language: request.language ?? null,
    application_id: request.appId === null ? null : Number(request.appId),
    idempotency: null,
    with_rate_limit: false,
    allowed_mentions: null,
  };
  const scheduled: ScheduledStatusRecord = {
    id: snowflake(),
    accountId: account.id,
    appId: request.appId,
    scheduledAt,
    params,
    mediaIds: media.map((item) => item.id),
    idempotencyKey: request.idempotencyKey ?? null,
    publishedStatusId: null,
    cancelledAt: null,
  };
  rt.state.scheduledStatuses.push(scheduled);
  for (const item of media) item.scheduledStatusId = scheduled.id;
  rt.schedule(scheduledAt, () => publishIfDue(rt, scheduled));
  return scheduled;
}

/** PostStatusService#call for a local account. Throws HttpError with Mastodon's answers. */
export function postStatus(rt: Runtime, account: AccountRecord, request: PostRequest): PostResult {
  const key = request.idempotencyKey;
  const slot = key !== undefined && !isBlank(key) ? idempotencySlot(account, key) : undefined;
  if (slot) {
    const known = rt.state.idempotency.get(slot);
    if (known && known.expiresAt > Date.now()) {
      // Mastodon looks the id up among statuses before it knows whether this request is
      // scheduled, so a repeated scheduled post (or a deleted one) is "Record not found".
      const status = byId(rt.state.statuses, known.id);
      if (!status || status.deletedAt) throw new HttpError(jsonError(404, 'Record not found'));
      return { kind: 'status', status };
    }
  }

  const media = validateMedia(rt, account, request.mediaIds);
  const spoilerText = request.spoilerText ?? '';
  const text = filledText(request.text ?? '', spoilerText, media);
  const sensitive = (request.sensitive ?? false) || !isBlank(spoilerText);
  const visibility =
    request.visibility !== undefined && request.visibility !== ''
      ? request.visibility
      : account.defaultPrivacy;

  let scheduledAt: Date | undefined;
  if (request.scheduledAt !== undefined && request.scheduledAt !== '') {
    scheduledAt = parseScheduledAt(request.scheduledAt);
    // Date::Error is an ArgumentError, which preprocessing turns into a bare RecordInvalid.
    if (!scheduledAt) throw invalid('Record invalid');
    // A time already past is dropped and the status is posted now.
    if (scheduledAt.getTime() <= Date.now()) scheduledAt = undefined;
    // Some Mastodon-API servers (Hollo) ignore the parameter and post at once.
    if (rt.faults.quirks.ignoreScheduledAt) scheduledAt = undefined;
  }

  let result: PostResult;
  if (scheduledAt) {
    result = {
      kind: 'scheduled',
      scheduled: scheduleStatus(rt, account, request, scheduledAt, media, {
        text,
        spoilerText,
        visibility,
        sensitive,
      }),
    };
  } else {
    const errors = statusErrors(rt, visibility, text, spoilerText, media.length > 0);
    if (errors.length > 0) throw invalid(`Validation failed: ${errors.join(', ')}`);
    result = {
      kind: 'status',
      status: insertStatus(rt, account, {
        text,
        spoilerText,
        sensitive,
        visibility: visibility as Visibility,
        language: language(request.language),
        thread: request.thread,
        media,
        appId: request.appId,
        idempotencyKey: key ?? null,
      }),
    };
  }
  if (slot) {
    const id = result.kind === 'status' ? result.status.id : result.scheduled.id;
    rt.state.idempotency.set(slot, {
      kind: result.kind,
      id,
      expiresAt: Date.now() + IDEMPOTENCY_TTL_MS,
    });
  }
  return result;
}
