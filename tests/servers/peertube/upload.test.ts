import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { askOffset, initUpload, openUpload, putChunk, signIn, startServer } from './testing';

function bytes(size: number): Uint8Array<ArrayBuffer> {
  const data = new Uint8Array(size);
  for (let index = 0; index < size; index += 1) data[index] = (index * 31 + 7) % 251;
  return data;
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('PeerTube test server: resumable upload', () => {
  it('opens a session (201 + Location), takes chunks (308 + Range) and answers the video at the end', async () => {
    const server = await startServer();
    const { access } = await signIn(server);
    const file = bytes(3000);
    const init = await initUpload(server, access, 3000, {
      name: 'My clip',
      privacy: 1,
      tags: ['cats'],
      nsfw: true,
      nsfwSummary: 'Loud',
    });
    expect(init.status).toBe(201);
    const location = init.headers.get('location') ?? '';
    expect(location).toMatch(
      /^\/\/127\.0\.0\.1:\d+\/api\/v1\/videos\/upload-resumable\?upload_id=[0-9a-f]{32}$/,
    );
    const url = new URL(location, server.url).href;
    const first = await putChunk(url, access, file.slice(0, 1000), 0, 3000);
    expect(first.status).toBe(308);
    expect(first.headers.get('range')).toBe('bytes=0-999');
    expect(
      (await putChunk(url, access, file.slice(1000, 2000), 1000, 3000)).headers.get('range'),
    ).toBe('bytes=0-1999');
    const last = await putChunk(url, access, file.slice(2000), 2000, 3000);
    expect(last.status).toBe(200);
    const { video } = (await last.json()) as {
      video: { id: number; uuid: string; shortUUID: string };
    };
    expect(video.id).toBe(1);
    expect(video.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(server.state.videos[0]).toMatchObject({
      size: 3000,
      sha256: sha256(file),
      nsfw: true,
      nsfwSummary: 'Loud',
      tags: ['cats'],
    });
    expect(server.state.ranges.map(({ start, end }) => [start, end])).toEqual([
      [0, 1000],
      [1000, 2000],
      [2000, 3000],
    ]);
  });

  it('says how far it got to an empty PUT with bytes */size (bytes=0--1 before the first byte)', async () => {
    const server = await startServer();
    const { access } = await signIn(server);
    const url = await openUpload(server, access, 2000);
    const before = await askOffset(url, access, 2000);
    expect(before.status).toBe(308);
    expect(before.headers.get('range')).toBe('bytes=0--1');
    await putChunk(url, access, bytes(500), 0, 2000);
    expect((await askOffset(url, access, 2000)).headers.get('range')).toBe('bytes=0-499');
  });

  it('answers the same video again for a repeated final chunk, and makes no second one', async () => {
    const server = await startServer();
    const { access } = await signIn(server);
    const file = bytes(800);
    const url = await openUpload(server, access, 800);
    const first = (await (await putChunk(url, access, file, 0, 800)).json()) as {
      video: { uuid: string };
    };
    const again = await putChunk(url, access, file, 0, 800);
    expect(again.status).toBe(200);
    expect(again.headers.get('x-resumable-upload-cached')).toBe('true');
    expect(((await again.json()) as { video: { uuid: string } }).video.uuid).toBe(first.video.uuid);
    expect(server.state.videos).toHaveLength(1);
  });

  it('gives the same session back for the same file from the same user (lastModified sent)', async () => {
    const server = await startServer();
    const { access } = await signIn(server);
    const one = await openUpload(server, access, 1000, { lastModified: 1_700_000_000_000 });
    await putChunk(one, access, bytes(400), 0, 1000);
    const init = await initUpload(server, access, 1000, { lastModified: 1_700_000_000_000 });
    expect(init.status).toBe(200);
    expect(new URL(init.headers.get('location') ?? '', server.url).href).toBe(one);
  });

  it('keeps the bytes of a chunk whose connection was cut, and records them', async () => {
    const server = await startServer();
    const { access } = await signIn(server);
    const file = bytes(4000);
    const url = await openUpload(server, access, 4000);
    server.control.cutUpload({ afterBytes: 1500 });
    await expect(putChunk(url, access, file.slice(0, 3000), 0, 4000)).rejects.toThrow();
    const status = await askOffset(url, access, 4000);
    expect(status.headers.get('range')).toBe('bytes=0-1499');
    await putChunk(url, access, file.slice(1500), 1500, 4000);
    expect(server.state.videos[0]?.sha256).toBe(sha256(file));
    expect(server.state.ranges).toEqual([
      { uploadId: expect.any(String), start: 0, end: 1500, cut: true },
      { uploadId: expect.any(String), start: 1500, end: 4000, cut: false },
    ]);
  });

  it('refuses a chunk past the declared size with 409', async () => {
    const server = await startServer();
    const { access } = await signIn(server);
    const url = await openUpload(server, access, 100);
    expect((await putChunk(url, access, bytes(200), 0, 100)).status).toBe(409);
  });

  it('refuses an upload over the quota with 413 quota_reached, and an extension it does not take with 415', async () => {
    const server = await startServer({
      users: [{ username: 'alice', password: 'alice-password', videoQuota: 1000 }],
    });
    const { access } = await signIn(server);
    const post = (size: number, filename: string) => initUpload(server, access, size, { filename });
    const over = await post(1001, 'clip.webm');
    expect(over.status).toBe(413);
    expect(await over.json()).toMatchObject({
      code: 'quota_reached',
      detail: 'The user video quota is exceeded with this video.',
    });
    const wrong = await post(10, 'clip.exe');
    expect(wrong.status).toBe(415);
  });

  it('validates the title like PeerTube (3 to 120 characters), as invalid-params', async () => {
    const server = await startServer();
    const { access } = await signIn(server);
    const response = await initUpload(server, access, 10, { name: 'ab' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      detail: 'Incorrect request parameters: name',
      'invalid-params': { name: { param: 'name' } },
    });
  });

  it('answers 429 with Retry-After when told to, then works again', async () => {
    const server = await startServer();
    const { access } = await signIn(server);
    const url = await openUpload(server, access, 10);
    server.control.fail({
      path: '/api/v1/videos/upload-resumable',
      method: 'PUT',
      status: 429,
      retryAfter: 7,
    });
    const limited = await putChunk(url, access, bytes(10), 0, 10);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await putChunk(url, access, bytes(10), 0, 10)).status).toBe(200);
  });

  it('keeps a video "To transcode" until its time, then published; deletes it for its owner', async () => {
    const server = await startServer({ transcodeMs: 300 });
    const { access } = await signIn(server);
    const url = await openUpload(server, access, 10, { privacy: 1 });
    const { video } = (await (await putChunk(url, access, bytes(10), 0, 10)).json()) as {
      video: { shortUUID: string };
    };
    const read = async () =>
      (await (await fetch(`${server.url}/api/v1/videos/${video.shortUUID}`)).json()) as {
        state: { id: number; label: string };
      };
    expect((await read()).state).toEqual({ id: 2, label: 'To transcode' });
    await new Promise((done) => setTimeout(done, 350));
    expect((await read()).state).toEqual({ id: 1, label: 'Published' });
    const removed = await fetch(`${server.url}/api/v1/videos/${video.shortUUID}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${access}` },
    });
    expect(removed.status).toBe(204);
    expect((await fetch(`${server.url}/api/v1/videos/${video.shortUUID}`)).status).toBe(404);
  });
});
