import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startThreadsServer } from './server';
import { longLivedToken, startImageSite, type MetaErrorJson } from './testing';
import type { ThreadsServer } from './types';

let server: ThreadsServer;
let token: string;
let userId: string;
let site: Awaited<ReturnType<typeof startImageSite>>;

beforeAll(async () => {
  site = await startImageSite();
});
afterAll(() => site.close());
beforeEach(async () => {
  server = await startThreadsServer({ processingPolls: 1, postQuota: 3 });
  ({ token, userId } = await longLivedToken(server));
});
afterEach(() => server.close());

async function graph<T>(
  method: string,
  path: string,
  params: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const query = new URLSearchParams({ ...params, access_token: token });
  const response = await fetch(`${server.url}/v1.0/${path}?${query}`, { method });
  return { status: response.status, body: (await response.json()) as T };
}

const create = (params: Record<string, string>) =>
  graph<{ id: string } & MetaErrorJson>('POST', `${userId}/threads`, params);
const status = (id: string) =>
  graph<{ status: string; error_message?: string }>('GET', id, { fields: 'status,error_message' });
const publish = (id: string) =>
  graph<{ id: string } & MetaErrorJson>('POST', `${userId}/threads_publish`, { creation_id: id });

async function settle(id: string): Promise<string> {
  for (let read = 0; read < 5; read += 1) {
    const { body } = await status(id);
    if (body.status !== 'IN_PROGRESS') return body.status;
  }
  return 'IN_PROGRESS';
}

describe('containers', () => {
  it('go IN_PROGRESS → FINISHED, refuse publishing before, and are PUBLISHED after', async () => {
    const { body } = await create({ media_type: 'TEXT', text: 'Hello Threads' });
    expect((await status(body.id)).body.status).toBe('IN_PROGRESS');
    const early = await publish(body.id);
    expect(early.body.error.code).toBe(9007);
    expect(await settle(body.id)).toBe('FINISHED');
    const published = await publish(body.id);
    expect(published.body.id).toMatch(/^\d+$/);
    expect(published.body.id).not.toBe(body.id);
    expect((await status(body.id)).body.status).toBe('PUBLISHED');
    const again = await publish(body.id);
    expect(again.status).toBe(400);
    expect(server.state.media).toHaveLength(1);
  });

  it('fetch image_url from the loopback site, and settle as ERROR for what they cannot fetch', async () => {
    const good = await create({
      media_type: 'IMAGE',
      image_url: `${site.url}/photo.png`,
      alt_text: 'A dot',
    });
    expect(await settle(good.body.id)).toBe('FINISHED');
    const notImage = await create({ media_type: 'IMAGE', image_url: `${site.url}/page` });
    expect(await settle(notImage.body.id)).toBe('ERROR');
    const remote = await create({ media_type: 'IMAGE', image_url: 'https://example.com/a.png' });
    expect(await settle(remote.body.id)).toBe('ERROR');
    expect((await status(remote.body.id)).body.error_message).toBe('UNKNOWN');
  });

  it('build a carousel from finished items', async () => {
    const items = [];
    for (let index = 0; index < 2; index += 1) {
      const item = await create({
        media_type: 'IMAGE',
        is_carousel_item: 'true',
        image_url: `${site.url}/photo.png`,
      });
      await settle(item.body.id);
      items.push(item.body.id);
    }
    const carousel = await create({
      media_type: 'CAROUSEL',
      children: items.join(','),
      text: 'Two',
    });
    await settle(carousel.body.id);
    await publish(carousel.body.id);
    expect(server.state.media[0]?.imageUrls).toHaveLength(2);
  });

  it('refuse over 500 characters (emoji by UTF-8 bytes) and over 5 links', async () => {
    expect((await create({ media_type: 'TEXT', text: 'a'.repeat(500) })).status).toBe(200);
    expect(
      (await create({ media_type: 'TEXT', text: 'a'.repeat(497) + '😀' })).body.error.code,
    ).toBe(100);
    const links = Array.from({ length: 6 }, (_, index) => `https://site${index}.example.com/`).join(
      ' ',
    );
    const tooMany = await create({ media_type: 'TEXT', text: links });
    expect(tooMany.body.error.message).toBe('THREADS_API__LINK_LIMIT_EXCEEDED');
    expect(tooMany.body.error.error_user_msg).toBeTruthy();
  });

  it('chain replies with reply_to_id and list them apart from posts', async () => {
    const root = await create({ media_type: 'TEXT', text: 'one' });
    await settle(root.body.id);
    const rootId = (await publish(root.body.id)).body.id;
    const reply = await create({ media_type: 'TEXT', text: 'two', reply_to_id: rootId });
    await settle(reply.body.id);
    const replyId = (await publish(reply.body.id)).body.id;
    const replies = await graph<{ data: Array<{ id: string; text: string }> }>(
      'GET',
      `${userId}/replies`,
      { fields: 'id,text' },
    );
    expect(replies.body.data).toEqual([{ id: replyId, text: 'two' }]);
    const posts = await graph<{ data: Array<{ id: string }> }>('GET', `${userId}/threads`, {
      fields: 'id',
    });
    expect(posts.body.data).toEqual([{ id: rootId }]);
    const media = await graph<{ permalink: string }>('GET', replyId, { fields: 'permalink' });
    expect(media.body.permalink).toContain(`/post/${replyId}`);
  });
});

describe('quotas and faults', () => {
  it('count posts in threads_publishing_limit and refuse past the quota', async () => {
    for (let index = 0; index < 3; index += 1) {
      const { body } = await create({ media_type: 'TEXT', text: `post ${index}` });
      await settle(body.id);
      await publish(body.id);
    }
    const limit = await graph<{
      data: Array<{ quota_usage: number; config: { quota_total: number } }>;
    }>('GET', `${userId}/threads_publishing_limit`, { fields: 'quota_usage,config' });
    expect(limit.body.data[0]).toEqual({
      quota_usage: 3,
      config: { quota_total: 3, quota_duration: 86_400 },
    });
    const fourth = await create({ media_type: 'TEXT', text: 'one more' });
    await settle(fourth.body.id);
    expect((await publish(fourth.body.id)).body.error.error_subcode).toBe(2207042);
    server.control.advanceClock(24 * 3600_000 + 1);
    expect((await publish(fourth.body.id)).status).toBe(200);
  });

  it('publishes when the answer is dropped, and says PUBLISHED after', async () => {
    const { body } = await create({ media_type: 'TEXT', text: 'lost answer' });
    await settle(body.id);
    server.control.dropAnswer({ path: '/threads_publish' });
    await expect(publish(body.id)).rejects.toThrow();
    expect((await status(body.id)).body.status).toBe('PUBLISHED');
  });

  it('answers planned failures as Meta error JSON, and refuses revoked tokens with 190', async () => {
    server.control.fail({ path: '/threads', method: 'POST', status: 500, code: 2 });
    const failed = await create({ media_type: 'TEXT', text: 'x' });
    expect(failed.status).toBe(500);
    expect(failed.body.error).toMatchObject({ code: 2, fbtrace_id: expect.any(String) });
    server.control.revokeTokens('alice');
    expect((await create({ media_type: 'TEXT', text: 'x' })).body.error.code).toBe(190);
  });

  it('deletes with threads_delete', async () => {
    const { body } = await create({ media_type: 'TEXT', text: 'bye' });
    await settle(body.id);
    const { body: post } = await publish(body.id);
    expect((await graph<{ success: boolean }>('DELETE', post.id)).body.success).toBe(true);
    expect((await graph('DELETE', post.id)).status).toBe(400);
  });
});
