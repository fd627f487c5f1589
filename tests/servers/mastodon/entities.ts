import { formatPlain, formatStatusText } from './format';
import { byId, accountByUsername, type Runtime } from './runtime';
import type {
  AccountRecord,
  AppRecord,
  MediaRecord,
  ScheduledStatusRecord,
  StatusRecord,
} from './types';

// Serializers shaped like Mastodon 4.4's REST::*Serializer classes, keys in the same order.

/** A placeholder blurhash Mastodon would compute from the pixels. */
const BLURHASH = 'UFBWY:8_0Jxv4mx]t8t64.%M-:IUWGWAt6M}';

/** A profile field; accounts on this server have none. */
interface AccountField {
  name: string;
  value: string;
  verified_at: string | null;
}

/** REST::AccountSerializer. */
export interface AccountEntity {
  id: string;
  username: string;
  acct: string;
  display_name: string;
  locked: boolean;
  bot: boolean;
  discoverable: boolean;
  indexable: boolean;
  group: boolean;
  created_at: string;
  note: string;
  url: string;
  uri: string;
  avatar: string;
  avatar_static: string;
  header: string;
  header_static: string;
  followers_count: number;
  following_count: number;
  statuses_count: number;
  last_status_at: string | null;
  hide_collections: boolean;
  noindex: boolean;
  emojis: unknown[];
  roles: unknown[];
  fields: AccountField[];
}

/** REST::CredentialAccountSerializer. */
export interface CredentialAccountEntity extends AccountEntity {
  source: {
    privacy: string;
    sensitive: boolean;
    language: string | null;
    note: string;
    fields: { name: string; value: string; verified_at: string | null }[];
    follow_requests_count: number;
    hide_collections: boolean;
    discoverable: boolean;
    indexable: boolean;
    attribution_domains: string[];
  };
  role: {
    id: string;
    name: string;
    permissions: string;
    color: string;
    highlighted: boolean;
  };
}

function liveStatuses(rt: Runtime, account: AccountRecord): StatusRecord[] {
  return rt.state.statuses.filter((status) => status.accountId === account.id && !status.deletedAt);
}

/** Mastodon rounds an account's creation time to midnight. */
function midnight(date: Date): string {
  const day = new Date(date);
  day.setUTCHours(0, 0, 0, 0);
  return day.toISOString();
}

/** A local account as the API shows it. */
export function serializeAccount(rt: Runtime, account: AccountRecord): AccountEntity {
  const statuses = liveStatuses(rt, account);
  const last = statuses.reduce<Date | null>(
    (latest, status) => (!latest || status.createdAt > latest ? status.createdAt : latest),
    null,
  );
  const avatar = `${rt.baseUrl}/avatars/original/missing.png`;
  const header = `${rt.baseUrl}/headers/original/missing.png`;
  return {
    id: account.id,
    username: account.username,
    acct: account.username,
    display_name: account.displayName,
    locked: false,
    bot: false,
    discoverable: true,
    indexable: false,
    group: false,
    created_at: midnight(account.createdAt),
    note: formatPlain(account.note),
    url: `${rt.baseUrl}/@${account.username}`,
    uri: `${rt.baseUrl}/users/${account.username}`,
    avatar,
    avatar_static: avatar,
    header,
    header_static: header,
    followers_count: 0,
    following_count: 0,
    statuses_count: statuses.length,
    last_status_at: last ? last.toISOString().slice(0, 10) : null,
    hide_collections: false,
    noindex: false,
    emojis: [],
    roles: [],
    fields: [],
  };
}

/** The signed-in account with its editable source, for verify_credentials. */
export function serializeCredentialAccount(
  rt: Runtime,
  account: AccountRecord,
): CredentialAccountEntity {
  return {
    ...serializeAccount(rt, account),
    source: {
      privacy: account.defaultPrivacy,
      sensitive: false,
      language: null,
      note: account.note,
      fields: [],
      follow_requests_count: 0,
      hide_collections: false,
      discoverable: true,
      indexable: false,
      attribution_domains: [],
    },
    role: { id: '-99', name: '', permissions: '0', color: '', highlighted: false },
  };
}

/** REST::CredentialApplicationSerializer, as POST /api/v1/apps answers. */
export function serializeCredentialApp(app: AppRecord): Record<string, unknown> {
  return {
    ...serializeApp(app),
    client_id: app.clientId,
    client_secret: app.clientSecret,
    client_secret_expires_at: 0,
  };
}

/** REST::ApplicationSerializer. */
export function serializeApp(app: AppRecord): Record<string, unknown> {
  return {
    id: app.id,
    name: app.name,
    website: app.website,
    scopes: app.scopes,
    redirect_uri: app.redirectUris.join('\n'),
    redirect_uris: app.redirectUris,
    vapid_key: app.vapidKey,
  };
}

/** Whether the media's full-size file is ready. */
export function mediaProcessed(media: MediaRecord): boolean {
  return media.pollsRemaining <= 0;
}

/** Where the uploaded bytes are served. */
export function mediaFileUrl(rt: Runtime, media: MediaRecord, style: 'original' | 'small'): string {
  return `${rt.baseUrl}/system/media_attachments/files/${media.id}/${style}/${media.fileName}.${media.extension}`;
}

function geometry(width: number, height: number): Record<string, unknown> {
  return { width, height, size: `${width}x${height}`, aspect: width / height };
}

/** REST::MediaAttachmentSerializer; `url` is null until processing is done. */
export function serializeMedia(rt: Runtime, media: MediaRecord): Record<string, unknown> {
  const meta: Record<string, unknown> = {};
  if (media.focus) meta.focus = media.focus;
  if (media.video && media.width !== null && media.height !== null) {
    // Video metadata as ffprobe gives it: frame rate as a fraction, length in seconds.
    const { frameRate, duration } = media.video;
    meta.original = {
      width: media.width,
      height: media.height,
      ...(frameRate !== null && { frame_rate: `${Math.round(frameRate)}/1` }),
      ...(duration !== null && { duration: Math.round(duration * 100) / 100 }),
    };
  } else if (media.width !== null && media.height !== null) {
    meta.original = geometry(media.width, media.height);
    // Mastodon's small style fits 640x360 worth of pixels, keeping the aspect ratio.
    const scale = Math.min(1, Math.sqrt(230_400 / (media.width * media.height)));
    meta.small = geometry(
      Math.max(1, Math.round(media.width * scale)),
      Math.max(1, Math.round(media.height * scale)),
    );
  }
  return {
    id: media.id,
    type: media.type,
    url: mediaProcessed(media) ? mediaFileUrl(rt, media, 'original') : null,
    preview_url: mediaFileUrl(rt, media, 'small'),
    remote_url: null,
    preview_remote_url: null,
    text_url: `${rt.baseUrl}/media/${media.shortcode}`,
    meta,
    description: media.description,
    blurhash: media.type === 'unknown' ? null : BLURHASH,
  };
}

/** Options for serializing a status. */
export interface StatusView {
  /** The account looking, if any: adds favourited, pinned and the like. */
  viewer: AccountRecord | null;
  /** DELETE answers with `text` in place of `content`. */
  source?: boolean;
}

/** REST::StatusSerializer. */
export function serializeStatus(
  rt: Runtime,
  status: StatusRecord,
  view: StatusView,
): Record<string, unknown> {
  const account = byId(rt.state.accounts, status.accountId);
  if (!account) throw new Error(`status ${status.id} has no account`);
  const app = status.appId ? byId(rt.state.apps, status.appId) : undefined;
  const formatted = formatStatusText(status.text, rt.baseUrl, (username) =>
    accountByUsername(rt, username),
  );
  const repliesCount = rt.state.statuses.filter(
    (other) => other.inReplyToId === status.id && !other.deletedAt,
  ).length;
  const own = view.viewer?.id === status.accountId;
  const entity: Record<string, unknown> = {
    id: status.id,
    created_at: status.createdAt.toISOString(),
    in_reply_to_id: status.inReplyToId,
    in_reply_to_account_id: status.inReplyToAccountId,
    sensitive: status.sensitive,
    spoiler_text: status.spoilerText,
    visibility: status.visibility,
    language: status.language,
    uri: `${rt.baseUrl}/users/${account.username}/statuses/${status.id}`,
    url: `${rt.baseUrl}/@${account.username}/${status.id}`,
    replies_count: repliesCount,
    reblogs_count: 0,
    favourites_count: 0,
    edited_at: null,
  };
  if (view.viewer) {
    entity.favourited = false;
    entity.reblogged = false;
    entity.muted = false;
    entity.bookmarked = false;
    if (own && status.visibility !== 'direct') entity.pinned = false;
    entity.filtered = [];
  }
  if (view.source) entity.text = status.text;
  else entity.content = formatted.html;
  entity.reblog = null;
  entity.application = app ? { name: app.name, website: app.website } : null;
  entity.account = serializeAccount(rt, account);
  entity.media_attachments = status.mediaIds.flatMap((id) => {
    const media = byId(rt.state.media, id);
    return media ? [serializeMedia(rt, media)] : [];
  });
  entity.mentions = formatted.mentions.map((mentioned) => ({
    id: mentioned.id,
    username: mentioned.username,
    url: `${rt.baseUrl}/@${mentioned.username}`,
    acct: mentioned.username,
  }));
  entity.tags = formatted.tags.map((name) => ({
    name,
    url: `${rt.baseUrl}/tags/${encodeURIComponent(name)}`,
  }));
  entity.emojis = [];
  entity.card = null;
  entity.poll = null;
  return entity;
}

/** REST::ScheduledStatusSerializer. */
export function serializeScheduledStatus(
  rt: Runtime,
  scheduled: ScheduledStatusRecord,
): Record<string, unknown> {
  const { application_id: _applicationId, ...params } = scheduled.params;
  return {
    id: scheduled.id,
    scheduled_at: scheduled.scheduledAt.toISOString(),
    params,
    media_attachments: scheduled.mediaIds.flatMap((id) => {
      const media = byId(rt.state.media, id);
      return media ? [serializeMedia(rt, media)] : [];
    }),
  };
}
