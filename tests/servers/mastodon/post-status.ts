import { statusLength } from './count';
import { formatStatusText } from './format';
import { HttpError, json, jsonError } from './http';
import { PIXELFED_MAX_WARNING, rulesOf } from './flavors';
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

/**
 * `preprocess_attributes!`: a blank text with a content warning is posted as the warning itself,
 * with no warning left (upstream Mastodon; issue mastodon/mastodon#6825 asks to change it).
 */
function warningAsText(text: string, spoilerText: string): { text: string; spoilerText: string } {
  if (isBlank(text) && !isBlank(spoilerText)) return { text: spoilerText, spoilerText: '' };
  return { text, spoilerText };
}

/** Ruby's `String#strip`, which `Status#prepare_contents` runs: ASCII white space and NUL. */
function rubyStrip(text: string): string {
  return text.replace(/^[\0\t\n\v\f\r ]+|[\0\t\n\v\f\r ]+$/g, '');
}

/** The text and warning the Status is validated with, from what the client sent. */
export function statusFields(text: string, spoilerText: string): [string, string] {
  const given = warningAsText(text, spoilerText);
  return [rubyStrip(given.text), rubyStrip(given.spoilerText)];
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
  if (!rulesOf(rt.options.flavor).visibilities.includes(visibility)) {
    errors.push('Visibility is not included in the list');
  }
  if (isBlank(text) && !hasMedia) errors.push("Text can't be blank");
  if (
    rulesOf(rt.options.flavor).length === 'mastodon' &&
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

/** Laravel's answer to `abort(status, message)` in a JSON request (Pixelfed). */
function laravelAbort(status: number, message: string): HttpError {
  return new HttpError(json(status, { message }));
}

/**
 * The checks other server software makes before Mastodon's own: Pixelfed's photo rule and caption
 * length, GoToSocial's length in code points (400, not 422).
 */
function flavorChecks(rt: Runtime, request: PostRequest): void {
  const rules = rulesOf(rt.options.flavor);
  const text = request.text ?? '';
  const warning = request.spoilerText ?? '';
  if (rules.topLevelNeedsMedia && !request.thread && (request.mediaIds ?? []).length === 0) {
    throw laravelAbort(403, 'Empty statuses are not allowed');
  }
  if (rules.length === 'caption-code-points') {
    if ([...text].length > rt.options.maxCharacters) {
      throw laravelAbort(
        422,
        `The status must not be greater than ${rt.options.maxCharacters} characters.`,
      );
    }
    if ([...warning].length > PIXELFED_MAX_WARNING) {
      throw laravelAbort(
        422,
        `The spoiler text must not be greater than ${PIXELFED_MAX_WARNING} characters.`,
      );
    }
  }
  if (rules.length === 'text-and-warning-code-points') {
    const length = [...text].length + [...warning].length;
    if (length > rt.options.maxCharacters) {
      throw new HttpError(
        jsonError(
          400,
          `Bad Request: status too long, ${length} characters provided (including spoiler/content warning) but limit is ${rt.options.maxCharacters}`,
        ),
      );
    }
  }
}

/** PostStatusService#call for a local account. Throws HttpError with Mastodon's answers. */
export function postStatus(rt: Runtime, account: AccountRecord, request: PostRequest): PostResult {
  const rules = rulesOf(rt.options.flavor);
  const key = rules.repeatedKey === 'ignored' ? undefined : request.idempotencyKey;
  const slot = key !== undefined && !isBlank(key) ? idempotencySlot(account, key) : undefined;
  if (slot) {
    const known = rt.state.idempotency.get(slot);
    if (known && known.expiresAt > Date.now() && rules.repeatedKey === 'duplicate-error') {
      throw laravelAbort(400, 'Duplicate idempotency key.');
    }
    if (known && known.expiresAt > Date.now()) {
      // Mastodon looks the id up among statuses before it knows whether this request is
      // scheduled, so a repeated scheduled post (or a deleted one) is "Record not found".
      const status = byId(rt.state.statuses, known.id);
      if (!status || status.deletedAt) throw new HttpError(jsonError(404, 'Record not found'));
      return { kind: 'status', status };
    }
  }

  flavorChecks(rt, request);
  const media = validateMedia(rt, account, request.mediaIds);
  // Pixelfed keeps a content warning only on a post marked sensitive.
  const givenWarning =
    rules.warningNeedsSensitive && !request.sensitive ? '' : (request.spoilerText ?? '');
  // The warning makes the post sensitive before it may move into the text.
  const sensitive = (request.sensitive ?? false) || !isBlank(givenWarning);
  const [text, spoilerText] = statusFields(request.text ?? '', givenWarning);
  const visibility =
    request.visibility !== undefined && request.visibility !== ''
      ? request.visibility
      : account.defaultPrivacy;

  let scheduledAt: Date | undefined;
  // Servers without scheduling ignore the parameter and post at once.
  if (rules.scheduling && request.scheduledAt !== undefined && request.scheduledAt !== '') {
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
