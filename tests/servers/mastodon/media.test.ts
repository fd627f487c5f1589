import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { solidPng } from './images';
import { call, startServer, upload, userToken } from './testing';

interface MediaBody {
  id: string;
  url: string | null;
  preview_url: string;
  [key: string]: unknown;
}

describe('POST /api/v2/media', () => {
  it('stores an image, reads its size and serves the bytes back', async () => {
    const server = await startServer();
    const token = await userToken(server);
    const png = solidPng(640, 480, [10, 20, 30]);
    const answer = await call(server, 'POST', '/api/v2/media', {
      token,
      multipart: upload(png, 'image/png', { description: 'A dark square', focus: '-0.5,0.25' }),
    });
    expect(answer.status).toBe(200);
    const media = answer.body as MediaBody;
    expect(media).toMatchObject({
      id: expect.stringMatching(/^\d+$/),
      type: 'image',
      url: expect.stringMatching(new RegExp(`^${server.url}/system/media_attachments/files/`)),
      preview_url: expect.stringContaining('/small/'),
      remote_url: null,
      description: 'A dark square',
      blurhash: expect.any(String),
      meta: {
        focus: { x: -0.5, y: 0.25 },
        original: { width: 640, height: 480, size: '640x480', aspect: 640 / 480 },
        small: { width: 554, height: 416, size: '554x416' },
      },
    });
    const served = await fetch(media.url ?? '');
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await served.arrayBuffer());
    expect(bytes.equals(png)).toBe(true);
    expect(server.state.media[0]?.sha256).toBe(createHash('sha256').update(png).digest('hex'));
  });

  it('processes asynchronously: 202, then 206 while processing, then 200', async () => {
    const server = await startServer({ mediaProcessingPolls: 2 });
    const token = await userToken(server);
    const created = await call(server, 'POST', '/api/v2/media', {
      token,
      multipart: upload(solidPng(4, 4, [0, 0, 0]), 'image/png'),
    });
    expect(created.status).toBe(202);
    const id = (created.body as MediaBody).id;
    expect(created.body).toMatchObject({ url: null, preview_url: expect.any(String) });

    const early = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: { status: 'too soon', media_ids: [id] },
    });
    expect(early.status).toBe(422);
    expect(early.body).toEqual({
      error: 'Cannot attach files that have not finished processing. Try again in a moment!',
    });

    const first = await call(server, 'GET', `/api/v1/media/${id}`, { token });
    const second = await call(server, 'GET', `/api/v1/media/${id}`, { token });
    const third = await call(server, 'GET', `/api/v1/media/${id}`, { token });
    expect([first.status, second.status, third.status]).toEqual([206, 206, 200]);
    expect((second.body as MediaBody).url).toBeNull();
    expect((third.body as MediaBody).url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/system\//);

    const posted = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: { status: 'now', media_ids: [id] },
    });
    expect(posted.status).toBe(200);
    expect(posted.body).toMatchObject({ media_attachments: [{ id, type: 'image' }] });
  });

  it('refuses a missing file, an unsupported type and a long description', async () => {
    const server = await startServer();
    const token = await userToken(server);
    const form = new FormData();
    form.append('description', 'no file');
    const missing = await call(server, 'POST', '/api/v2/media', { token, multipart: form });
    expect(missing.status).toBe(422);
    expect(missing.body).toEqual({ error: "Validation failed: File can't be blank" });

    const text = await call(server, 'POST', '/api/v2/media', {
      token,
      multipart: upload(Buffer.from('just words'), 'text/plain', {}, 'notes.txt'),
    });
    expect(text.status).toBe(422);
    expect(text.body).toEqual({
      error: 'Validation failed: File content type is invalid, File is invalid',
    });

    const long = await call(server, 'POST', '/api/v2/media', {
      token,
      multipart: upload(solidPng(2, 2, [1, 1, 1]), 'image/png', { description: 'd'.repeat(1501) }),
    });
    expect(long.status).toBe(422);
    expect(long.body).toEqual({
      error: 'Validation failed: Description is too long (maximum is 1500 characters)',
    });
  });

  it('refuses an image of 16 MB or more', async () => {
    const server = await startServer();
    const token = await userToken(server);
    const big = Buffer.alloc(16 * 1024 * 1024);
    solidPng(1, 1, [0, 0, 0]).copy(big);
    const answer = await call(server, 'POST', '/api/v2/media', {
      token,
      multipart: upload(big, 'image/png'),
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual({
      error:
        'Validation failed: File file size must be less than 16 MB, File must be less than 16 MB',
    });
  });

  it('needs write:media', async () => {
    const server = await startServer();
    const token = await userToken(server, 'read write:statuses');
    const answer = await call(server, 'POST', '/api/v2/media', {
      token,
      multipart: upload(solidPng(2, 2, [1, 1, 1]), 'image/png'),
    });
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({ error: 'This action is outside the authorized scopes' });
  });
});

describe('media in statuses', () => {
  it('posts media alone, keeping order and descriptions', async () => {
    const server = await startServer();
    const token = await userToken(server);
    const ids: string[] = [];
    for (const description of ['first', 'second']) {
      const answer = await call(server, 'POST', '/api/v2/media', {
        token,
        multipart: upload(solidPng(3, 3, [9, 9, 9]), 'image/png', { description }),
      });
      ids.push((answer.body as MediaBody).id);
    }
    const posted = await call(server, 'POST', '/api/v1/statuses', {
      token,
      form: { 'media_ids[]': [ids[1] ?? '', ids[0] ?? ''] },
    });
    expect(posted.status).toBe(200);
    expect(posted.body).toMatchObject({
      content: '',
      media_attachments: [
        { id: ids[1], description: 'second' },
        { id: ids[0], description: 'first' },
      ],
    });
    const control = await call(server, 'GET', '/__control/statuses');
    expect(control.body).toMatchObject([
      {
        media: [
          { id: ids[1], description: 'second' },
          { id: ids[0], description: 'first' },
        ],
      },
    ]);
  });

  it('refuses unknown, foreign or already used media, and too many', async () => {
    const server = await startServer({ maxMediaAttachments: 2 });
    const token = await userToken(server);
    const unknown = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: { status: 'x', media_ids: ['12345'] },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toEqual({
      error: 'Media 12345 not found or already attached to another post',
    });

    const many = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: { status: 'x', media_ids: ['1', '2', '3'] },
    });
    expect(many.status).toBe(422);
    expect(many.body).toEqual({ error: 'Cannot attach more than 2 files' });

    const media = await call(server, 'POST', '/api/v2/media', {
      token,
      multipart: upload(solidPng(2, 2, [1, 1, 1]), 'image/png'),
    });
    const id = (media.body as MediaBody).id;
    expect(
      (await call(server, 'POST', '/api/v1/statuses', { token, json: { media_ids: [id] } })).status,
    ).toBe(200);
    const reused = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: { media_ids: [id] },
    });
    expect(reused.status).toBe(422);
    expect(reused.body).toEqual({
      error: `Media ${id} not found or already attached to another post`,
    });
  });

  it('updates a description with PUT', async () => {
    const server = await startServer();
    const token = await userToken(server);
    const media = await call(server, 'POST', '/api/v2/media', {
      token,
      multipart: upload(solidPng(2, 2, [1, 1, 1]), 'image/png'),
    });
    const id = (media.body as MediaBody).id;
    const updated = await call(server, 'PUT', `/api/v1/media/${id}`, {
      token,
      json: { description: 'Now described', focus: '0.1,0.2' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      description: 'Now described',
      meta: { focus: { x: 0.1, y: 0.2 } },
    });
    const gone = await call(server, 'GET', '/api/v1/media/999', { token });
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({ error: 'Record not found' });
  });
});
