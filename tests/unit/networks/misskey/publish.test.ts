import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MisskeyClient } from '@/utils/networks/misskey/client';
import { memorySlot } from '@/utils/networks/checkpoint';
import {
  legacyKeyMadeAt,
  noteParams,
  publishNote,
  uploadImage,
} from '@/utils/networks/misskey/publish';
import type { OutgoingPost } from '@/utils/networks/types';
import { startMisskeyServer, type MisskeyServer } from '../../../servers/misskey';
import { miauthToken, png } from '../../../servers/misskey/testing';

let server: MisskeyServer;
let client: MisskeyClient;
let userId: string;

beforeEach(async () => {
  server = await startMisskeyServer();
  client = new MisskeyClient({ origin: server.url, token: await miauthToken(server) });
  userId = (await client.me()).id;
});

afterEach(() => server.close());

/** A key as versions that kept no checkpoint made it: the moment in base 36, then a UUID. */
const legacyKey = (at = Date.now()) => `${at.toString(36)}-${crypto.randomUUID()}`;

describe('keys of jobs queued before checkpoints', () => {
  it('still say when they were made; today’s keys do not', () => {
    expect(legacyKeyMadeAt(legacyKey(1_780_000_000_000))).toBe(1_780_000_000_000);
    expect(legacyKeyMadeAt(crypto.randomUUID())).toBeUndefined();
  });
});

describe('a post in Misskey terms', () => {
  it('maps the warning, visibility, images and reply target', () => {
    const post: OutgoingPost = {
      text: 'Part two',
      spoilerText: 'Spoilers',
      visibility: 'unlisted',
      media: [{ id: 'f1', alt: 'a', width: 1, height: 1 }],
      replyTo: { root: { id: 'n0', url: 'u0' }, parent: { id: 'n1', url: 'u1' } },
    };
    expect(noteParams(post)).toEqual({
      text: 'Part two',
      cw: 'Spoilers',
      visibility: 'home',
      fileIds: ['f1'],
      replyId: 'n1',
    });
    expect(noteParams({ text: 'x', spoilerText: '  ', localOnly: true })).toEqual({
      text: 'x',
      visibility: 'public',
      localOnly: true,
    });
  });
});

describe('publishing to the test server', () => {
  it('posts text and an image with alt text behind a content warning, then a reply', async () => {
    const media = await uploadImage(client, {
      blob: new Blob([new Uint8Array(png(30, 20))], { type: 'image/png' }),
      alt: 'A grey rectangle',
      width: 30,
      height: 20,
    });
    expect(media).toMatchObject({ alt: 'A grey rectangle', width: 30, height: 20 });
    const first = await publishNote(
      client,
      userId,
      { text: 'Hello', spoilerText: 'Bright', media: [media] },
      { idempotencyKey: crypto.randomUUID(), isRetry: false },
    );
    expect(first.url).toBe(`${server.url}/notes/${first.id}`);
    const second = await publishNote(
      client,
      userId,
      { text: 'More', spoilerText: 'Bright', replyTo: { root: first, parent: first } },
      { idempotencyKey: crypto.randomUUID(), isRetry: false },
    );
    expect(server.state.files).toMatchObject([
      { name: 'image.png', comment: 'A grey rectangle', isSensitive: true, width: 30 },
    ]);
    expect(server.state.notes).toMatchObject([
      { id: first.id, text: 'Hello', cw: 'Bright', fileIds: [media.id], replyId: null },
      { id: second.id, text: 'More', cw: 'Bright', replyId: first.id },
    ]);
  });

  it('posts exactly once when the answer to notes/create was lost', async () => {
    const part = { idempotencyKey: crypto.randomUUID(), checkpoint: memorySlot() };
    server.control.dropAnswer({ path: '/api/notes/create' });
    const post: OutgoingPost = { text: 'Exactly once' };
    await expect(publishNote(client, userId, post, { ...part, isRetry: false })).rejects.toThrow();
    expect(part.checkpoint.current).toMatchObject({ network: 'misskey' });
    const retried = await publishNote(client, userId, post, { ...part, isRetry: true });
    expect(server.state.notes).toHaveLength(1);
    expect(retried.id).toBe(server.state.notes[0]!.id);
  });

  it('a job queued before checkpoints, retried, looks from its key’s moment', async () => {
    const key = legacyKey();
    server.control.dropAnswer({ path: '/api/notes/create' });
    const post: OutgoingPost = { text: 'From an older version' };
    await expect(
      publishNote(client, userId, post, { idempotencyKey: key, isRetry: false }),
    ).rejects.toThrow();
    const retried = await publishNote(client, userId, post, { idempotencyKey: key, isRetry: true });
    expect(server.state.notes).toHaveLength(1);
    expect(retried.id).toBe(server.state.notes[0]!.id);
  });
});
