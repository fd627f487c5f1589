import type { Context, Hono } from 'hono';
import type { NodeEnv } from '../shared/serve';
import { ERRORS, MetaError } from './errors';
import { fetchImage } from './images';
import { paramsOf } from './params';
import {
  DAY_MS,
  newId,
  now,
  requireScope,
  requireToken,
  tokenOf,
  userById,
  type Runtime,
} from './runtime';
import { MAX_LINKS, MAX_TEXT, distinctLinks, threadsLength } from './text-rules';
import type { ContainerRecord, MediaRecord, MediaType, TokenRecord, UserRecord } from './types';

// The Graph endpoints Crosswind uses, as developers.facebook.com/documentation/threads describes
// them: /me, the container (POST /{user-id}/threads), its status, threads_publish, the publishing
// limit, the user's threads and replies, a media object's fields, and DELETE /{media-id}.

/** Meta: a carousel takes 2 to 20 items; an unpublished container expires after 24 hours. */
const CAROUSEL_MIN = 2;
const CAROUSEL_MAX = 20;
const CONTAINER_TTL_MS = DAY_MS;

async function caller(
  rt: Runtime,
  c: Context<NodeEnv>,
): Promise<{ token: TokenRecord; user: UserRecord; params: URLSearchParams }> {
  const params = await paramsOf(c);
  const token = requireToken(rt, tokenOf(c.req.raw, params));
  requireScope(token, 'threads_basic');
  const user = userById(rt, token.userId);
  if (!user) throw new MetaError(ERRORS.invalidToken());
  return { token, user, params };
}

/** `{user-id}` in a path: the caller's own id or `me`; anyone else's is not found. */
function ownUser(user: UserRecord, id: string): void {
  if (id !== 'me' && id !== user.id) throw new MetaError(ERRORS.notFound(id));
}

function fieldsOf(params: URLSearchParams, fallback: string[]): string[] {
  const fields = params.get('fields');
  return fields
    ? fields
        .split(',')
        .map((field) => field.trim())
        .filter(Boolean)
    : fallback;
}

function pick(values: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { id: values.id };
  for (const field of fields) if (values[field] !== undefined) out[field] = values[field];
  return out;
}

function permalinkOf(rt: Runtime, user: UserRecord, media: MediaRecord): string {
  return `${rt.baseUrl}/@${user.username}/post/${media.id}`;
}

function mediaView(rt: Runtime, media: MediaRecord): Record<string, unknown> {
  const user = userById(rt, media.userId);
  return {
    id: media.id,
    media_product_type: 'THREADS',
    media_type:
      media.mediaType === 'TEXT'
        ? 'TEXT_POST'
        : media.mediaType === 'IMAGE'
          ? 'IMAGE'
          : 'CAROUSEL_ALBUM',
    text: media.text,
    timestamp: new Date(media.createdAt).toISOString().replace('Z', '+0000'),
    permalink: user ? permalinkOf(rt, user, media) : undefined,
    username: user?.username,
    shortcode: media.id,
    is_reply: media.replyToId !== undefined,
    ...(media.imageUrls[0] && { media_url: media.imageUrls[0] }),
    ...(media.replyToId && { replied_to: { id: media.replyToId } }),
  };
}

/** Reading a container's status moves it along: IN_PROGRESS for a few reads, then where it settles. */
async function advance(rt: Runtime, container: ContainerRecord): Promise<void> {
  if (container.status === 'FINISHED' && now(rt) - container.createdAt > CONTAINER_TTL_MS) {
    container.status = 'EXPIRED';
  }
  if (container.status !== 'IN_PROGRESS') return;
  if (container.pollsLeft > 0) {
    container.pollsLeft -= 1;
    return;
  }
  const settled = await container.settlesAs;
  container.status = settled.status;
  if (settled.status === 'ERROR') container.errorMessage = settled.errorMessage;
}

function settleFor(rt: Runtime, imageUrl: string | undefined): ContainerRecord['settlesAs'] {
  const planned = rt.processingFailures.shift();
  if (planned) return Promise.resolve({ status: 'ERROR', errorMessage: planned });
  if (!imageUrl) return Promise.resolve({ status: 'FINISHED' });
  // Meta downloads the image while the container is IN_PROGRESS.
  return fetchImage(imageUrl).then((outcome) =>
    outcome.ok ? { status: 'FINISHED' } : { status: 'ERROR', errorMessage: 'UNKNOWN' },
  );
}

function usage(rt: Runtime, user: UserRecord): { posts: number; replies: number } {
  const since = now(rt) - DAY_MS;
  const recent = rt.state.media.filter(
    (media) => media.userId === user.id && media.createdAt > since,
  );
  return {
    posts: recent.filter((media) => media.replyToId === undefined).length,
    replies: recent.filter((media) => media.replyToId !== undefined).length,
  };
}

function createContainer(
  rt: Runtime,
  user: UserRecord,
  token: TokenRecord,
  params: URLSearchParams,
): ContainerRecord {
  requireScope(token, 'threads_content_publish');
  const mediaType = params.get('media_type') as MediaType | null;
  if (!mediaType) throw new MetaError(ERRORS.missingParameter('media_type'));
  if (!['TEXT', 'IMAGE', 'CAROUSEL'].includes(mediaType)) {
    throw new MetaError(ERRORS.invalidParameter(`Unsupported media_type ${mediaType}`));
  }
  const isCarouselItem = params.get('is_carousel_item') === 'true';
  const text = params.get('text') ?? '';
  if (mediaType === 'TEXT' && text === '') throw new MetaError(ERRORS.missingParameter('text'));
  if (threadsLength(text) > MAX_TEXT) throw new MetaError(ERRORS.textTooLong());
  const linkAttachment = params.get('link_attachment') ?? undefined;
  if (linkAttachment !== undefined && mediaType !== 'TEXT') {
    throw new MetaError(
      ERRORS.invalidParameter('link_attachment is only available for TEXT posts'),
    );
  }
  if (distinctLinks(text, linkAttachment) > MAX_LINKS) throw new MetaError(ERRORS.linkLimit());
  const imageUrl = params.get('image_url') ?? undefined;
  if (mediaType === 'IMAGE') {
    if (!imageUrl) throw new MetaError(ERRORS.missingParameter('image_url'));
    if (!/^https?:\/\//iu.test(imageUrl)) {
      throw new MetaError(
        ERRORS.invalidParameter(
          'Invalid image_url',
          'The image address must be a public http(s) URL.',
        ),
      );
    }
  }
  const replyToId = params.get('reply_to_id') ?? undefined;
  if (replyToId !== undefined) {
    requireScope(token, 'threads_manage_replies');
    const parent = rt.state.media.find((media) => media.id === replyToId && !media.deleted);
    if (!parent) throw new MetaError(ERRORS.notFound(replyToId));
  }
  const children = (params.get('children') ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  if (mediaType === 'CAROUSEL') {
    if (children.length < CAROUSEL_MIN || children.length > CAROUSEL_MAX) {
      throw new MetaError(
        ERRORS.invalidParameter(`A carousel needs ${CAROUSEL_MIN} to ${CAROUSEL_MAX} children`),
      );
    }
    for (const id of children) {
      const child = rt.state.containers.find((item) => item.id === id && item.userId === user.id);
      if (!child || !child.isCarouselItem) throw new MetaError(ERRORS.notFound(id));
      if (child.status !== 'FINISHED') throw new MetaError(ERRORS.notReady());
    }
  }
  const container: ContainerRecord = {
    id: newId(rt),
    userId: user.id,
    mediaType,
    isCarouselItem,
    text,
    children,
    status: 'IN_PROGRESS',
    pollsLeft: rt.processingPolls,
    settlesAs: settleFor(rt, imageUrl),
    createdAt: now(rt),
    ...(imageUrl !== undefined && { imageUrl }),
    ...(params.get('alt_text') !== null && { altText: params.get('alt_text') ?? '' }),
    ...(replyToId !== undefined && { replyToId }),
    ...(linkAttachment !== undefined && { linkAttachment }),
  };
  rt.state.containers.push(container);
  return container;
}

function publish(
  rt: Runtime,
  user: UserRecord,
  token: TokenRecord,
  params: URLSearchParams,
): MediaRecord {
  requireScope(token, 'threads_content_publish');
  const creationId = params.get('creation_id');
  if (!creationId) throw new MetaError(ERRORS.missingParameter('creation_id'));
  const container = rt.state.containers.find(
    (item) => item.id === creationId && item.userId === user.id,
  );
  if (!container || container.isCarouselItem) throw new MetaError(ERRORS.notFound(creationId));
  if (container.status === 'PUBLISHED') {
    throw new MetaError(ERRORS.invalidParameter('The media container has already been published.'));
  }
  if (container.status !== 'FINISHED') throw new MetaError(ERRORS.notReady());
  const used = usage(rt, user);
  if (container.replyToId === undefined && used.posts >= rt.postQuota) {
    throw new MetaError(ERRORS.quotaReached('posts'));
  }
  if (container.replyToId !== undefined && used.replies >= rt.replyQuota) {
    throw new MetaError(ERRORS.quotaReached('replies'));
  }
  const items =
    container.mediaType === 'CAROUSEL'
      ? container.children.map((id) => rt.state.containers.find((item) => item.id === id))
      : [container];
  const media: MediaRecord = {
    id: newId(rt),
    userId: user.id,
    containerId: container.id,
    mediaType: container.mediaType,
    text: container.text,
    imageUrls: items.flatMap((item) => (item?.imageUrl ? [item.imageUrl] : [])),
    altTexts: items.flatMap((item) => (item?.imageUrl ? [item.altText ?? ''] : [])),
    createdAt: now(rt),
    deleted: false,
    ...(container.replyToId !== undefined && { replyToId: container.replyToId }),
    ...(container.linkAttachment !== undefined && { linkAttachment: container.linkAttachment }),
  };
  rt.state.media.push(media);
  container.status = 'PUBLISHED';
  container.mediaId = media.id;
  return media;
}

/** Mounts the Graph routes under /v1.0 (and unversioned, as Meta also answers). */
export function mountGraph(app: Hono<NodeEnv>, rt: Runtime): void {
  for (const prefix of ['/v1.0', '']) {
    app.get(`${prefix}/:userId/threads_publishing_limit`, async (c) => {
      const { user, token, params } = await caller(rt, c);
      ownUser(user, c.req.param('userId'));
      requireScope(token, 'threads_content_publish');
      const used = usage(rt, user);
      const all: Record<string, unknown> = {
        quota_usage: used.posts,
        config: { quota_total: rt.postQuota, quota_duration: 86_400 },
        reply_quota_usage: used.replies,
        reply_config: { quota_total: rt.replyQuota, quota_duration: 86_400 },
      };
      const fields = fieldsOf(params, ['quota_usage', 'config']);
      const row = Object.fromEntries(
        fields.filter((field) => field in all).map((field) => [field, all[field]]),
      );
      return c.json({ data: [row] });
    });

    app.post(`${prefix}/:userId/threads`, async (c) => {
      const { user, token, params } = await caller(rt, c);
      ownUser(user, c.req.param('userId'));
      return c.json({ id: createContainer(rt, user, token, params).id });
    });

    app.post(`${prefix}/:userId/threads_publish`, async (c) => {
      const { user, token, params } = await caller(rt, c);
      ownUser(user, c.req.param('userId'));
      return c.json({ id: publish(rt, user, token, params).id });
    });

    for (const edge of ['threads', 'replies'] as const) {
      app.get(`${prefix}/:userId/${edge}`, async (c) => {
        const { user, params } = await caller(rt, c);
        ownUser(user, c.req.param('userId'));
        const limit = Math.min(Number(params.get('limit') ?? 25) || 25, 100);
        const since = params.get('since') ? Number(params.get('since')) * 1000 : 0;
        const fields = fieldsOf(params, ['id']);
        const data = rt.state.media
          .filter((media) => media.userId === user.id && !media.deleted && media.createdAt >= since)
          .filter((media) =>
            edge === 'threads' ? media.replyToId === undefined : media.replyToId !== undefined,
          )
          .sort((a, b) => b.createdAt - a.createdAt)
          .slice(0, limit)
          .map((media) => pick(mediaView(rt, media), fields));
        return c.json({ data, paging: {} });
      });
    }

    app.get(`${prefix}/:id`, async (c) => {
      const { user, params } = await caller(rt, c);
      const id = c.req.param('id');
      if (id === 'me' || id === user.id) {
        const profile = {
          id: user.id,
          username: user.username,
          name: user.name,
          threads_profile_picture_url: `${rt.baseUrl}/avatars/${user.username}.png`,
          threads_biography: '',
        };
        return c.json(pick(profile, fieldsOf(params, ['id'])));
      }
      const container = rt.state.containers.find(
        (item) => item.id === id && item.userId === user.id,
      );
      if (container) {
        await advance(rt, container);
        const view = {
          id: container.id,
          status: container.status,
          error_message: container.errorMessage,
        };
        return c.json(pick(view, fieldsOf(params, ['id'])));
      }
      const media = rt.state.media.find((item) => item.id === id && !item.deleted);
      if (!media) throw new MetaError(ERRORS.notFound(id));
      return c.json(pick(mediaView(rt, media), fieldsOf(params, ['id'])));
    });

    app.delete(`${prefix}/:id`, async (c) => {
      const { user, token } = await caller(rt, c);
      requireScope(token, 'threads_delete');
      const id = c.req.param('id');
      const media = rt.state.media.find(
        (item) => item.id === id && item.userId === user.id && !item.deleted,
      );
      if (!media) throw new MetaError(ERRORS.notFound(id));
      media.deleted = true;
      return c.json({ success: true, deleted_id: id });
    });
  }
}
