import { CrosswindError } from '@/utils/errors';
import { words } from '@/utils/i18n/wording';
import { checkpointFor } from '../checkpoint';
import type { OutgoingPost, PublishOptions, PublishedPost } from '../types';
import type { ThreadsClient } from './client';
import { nextStep, readStatus, waitUntilSettled } from './container';
import { sleep } from '@/utils/sleep';

// One part of a post: create the container, record its id in the job (before anything can
// publish it), wait until it is FINISHED, publish. A retry first asks Meta about the recorded
// container: PUBLISHED means the post is out, and its id is adopted instead of posting again.

/** The first web address in the text: the post's link preview (`link_attachment`). */
export function firstLink(text: string): string | undefined {
  return /\bhttps?:\/\/[^\s<>"]+/iu.exec(text)?.[0]?.replace(/[.,;:!?)\]]+$/u, '');
}

/** The container parameters for one part. */
export function containerParams(
  post: OutgoingPost,
  imageUrls: string[],
): Record<string, string | undefined> {
  const reply = post.replyTo ? { reply_to_id: post.replyTo.parent.id } : {};
  if (imageUrls.length === 1) {
    return {
      media_type: 'IMAGE',
      image_url: imageUrls[0],
      text: post.text,
      alt_text: post.media?.[0]?.alt || undefined,
      ...reply,
    };
  }
  const link = firstLink(post.text);
  return { media_type: 'TEXT', text: post.text, ...(link && { link_attachment: link }), ...reply };
}

export interface PartContext {
  client: ThreadsClient;
  userId: string;
  post: OutgoingPost;
  options: PublishOptions;
  /** Public addresses of the part's images (Threads fetches them itself). */
  imageUrls: string[];
  /** Where a post is on the web when Meta gives no permalink. */
  profileUrl: string;
}

async function createContainer(context: PartContext): Promise<string> {
  const { client, userId, post, imageUrls, options } = context;
  if (imageUrls.length > 1) {
    const children: string[] = [];
    for (const [index, url] of imageUrls.entries()) {
      const body = await client.post(
        `/v1.0/${userId}/threads`,
        {
          media_type: 'IMAGE',
          is_carousel_item: 'true',
          image_url: url,
          alt_text: post.media?.[index]?.alt || undefined,
        },
        options.signal,
      );
      children.push(client.field(body, 'id'));
    }
    for (const child of children) await settle(context, child);
    const reply = post.replyTo ? { reply_to_id: post.replyTo.parent.id } : {};
    const body = await client.post(
      `/v1.0/${userId}/threads`,
      { media_type: 'CAROUSEL', children: children.join(','), text: post.text, ...reply },
      options.signal,
    );
    return client.field(body, 'id');
  }
  const body = await client.post(
    `/v1.0/${userId}/threads`,
    containerParams(post, imageUrls),
    options.signal,
  );
  return client.field(body, 'id');
}

function readContainer(context: PartContext, id: string) {
  return async () =>
    readStatus(
      await context.client.get(
        `/v1.0/${id}`,
        { fields: 'status,error_message' },
        context.options.signal,
      ),
      context.client.host,
    );
}

function settle(context: PartContext, id: string): Promise<'FINISHED' | 'PUBLISHED'> {
  return waitUntilSettled(readContainer(context, id), {
    sleep: (ms) => sleep(ms, context.options.signal),
    now: () => Date.now(),
    host: context.client.host,
  });
}

async function withPermalink(context: PartContext, id: string): Promise<PublishedPost> {
  try {
    const body = await context.client.get(
      `/v1.0/${id}`,
      { fields: 'permalink' },
      context.options.signal,
    );
    const permalink = (body as { permalink?: unknown }).permalink;
    if (typeof permalink === 'string' && /^https?:\/\//u.test(permalink))
      return { id, url: permalink };
  } catch {
    // The post is out; a missing link is no reason to post again.
  }
  return { id, url: context.profileUrl };
}

/** The post a PUBLISHED container became, found among the account's latest posts or replies. */
async function adopt(context: PartContext): Promise<PublishedPost> {
  const { client, userId, post, options } = context;
  const edge = post.replyTo ? 'replies' : 'threads';
  const body = await client.get(
    `/v1.0/${userId}/${edge}`,
    { fields: 'id,text,permalink', limit: '25' },
    options.signal,
  );
  const data = (body as { data?: unknown }).data;
  const found = Array.isArray(data)
    ? data.find((item): item is { id: string; permalink?: string } => {
        const entry = item as Record<string, unknown>;
        return typeof entry.id === 'string' && entry.text === post.text;
      })
    : undefined;
  if (!found)
    throw new CrosswindError('server', words('threads.publishedButMissing'), { retryable: false });
  return typeof found.permalink === 'string'
    ? { id: found.id, url: found.permalink }
    : withPermalink(context, found.id);
}

async function publishContainer(context: PartContext, id: string): Promise<PublishedPost> {
  const { client, userId, options } = context;
  const body = await client.post(
    `/v1.0/${userId}/threads_publish`,
    { creation_id: id },
    options.signal,
  );
  return withPermalink(context, client.field(body, 'id'));
}

/** Publishes one part exactly once, whatever an earlier attempt got to. */
export async function publishPart(context: PartContext): Promise<PublishedPost> {
  const earlier = checkpointFor(context.options.checkpoint, 'threads')?.containerId;
  if (earlier) {
    const step = nextStep((await readContainer(context, earlier)()).status);
    if (step === 'adopt') return adopt(context);
    if (step !== 'recreate') {
      if ((await settle(context, earlier)) === 'PUBLISHED') return adopt(context);
      return publishContainer(context, earlier);
    }
  }
  const id = await createContainer(context);
  // Recorded before anything can publish it: a retry after a lost answer finds it and asks.
  await context.options.checkpoint?.save({ network: 'threads', containerId: id });
  if ((await settle(context, id)) === 'PUBLISHED') return adopt(context);
  return publishContainer(context, id);
}
