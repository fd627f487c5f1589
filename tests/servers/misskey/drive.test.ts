import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { api, errorOf, miauthToken, png, request, startServer, upload } from './testing';

function form(bytes: Buffer, fields: Record<string, string> = {}, name = 'photo.png'): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  data.append(
    'file',
    new Blob([new Uint8Array(bytes)], { type: 'application/octet-stream' }),
    name,
  );
  return data;
}

describe('drive/files/create', () => {
  it('stores the file with its alt text and sensitivity, typed from its bytes', async () => {
    const server = await startServer();
    const token = await miauthToken(server);
    const bytes = png(40, 30);
    const answer = await upload(
      server,
      'drive/files/create',
      form(bytes, { comment: 'A grey rectangle', isSensitive: 'true' }),
      token,
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      name: 'photo.png',
      type: 'image/png',
      size: bytes.length,
      md5: createHash('md5').update(bytes).digest('hex'),
      comment: 'A grey rectangle',
      isSensitive: true,
      properties: { width: 40, height: 30 },
      blurhash: null,
    });
    const file = answer.body as { url: string; thumbnailUrl: string };
    const served = await fetch(file.url);
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('refuses alt text over 512 characters and a bad isSensitive', async () => {
    const server = await startServer();
    const token = await miauthToken(server);
    const long = await upload(
      server,
      'drive/files/create',
      form(png(1, 1), { comment: 'x'.repeat(513) }),
      token,
    );
    expect(long.status).toBe(400);
    expect(errorOf(long).info).toEqual({
      param: '#/properties/comment/maxLength',
      reason: 'must NOT have more than 512 characters',
    });
    const cast = await upload(
      server,
      'drive/files/create',
      form(png(1, 1), { isSensitive: 'yes' }),
      token,
    );
    expect(errorOf(cast)).toMatchObject({
      code: 'INVALID_PARAM',
      id: '0b5f1631-7c1a-41a6-b399-cce335f34d85',
      info: { param: 'isSensitive', reason: 'cannot cast to boolean' },
    });
  });

  it('answers non-multipart, file-less and too large uploads as ApiCallService does', async () => {
    const server = await startServer({ maxFileSize: 1000 });
    const token = await miauthToken(server);
    const json = await request(server, '/api/drive/files/create', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(400);
    expect(errorOf(json)).toMatchObject({
      code: 'INVALID_PARAM',
      message: 'Current request is not a multipart request',
    });
    const fields = new FormData();
    fields.append('comment', 'no file');
    const none = await upload(server, 'drive/files/create', fields, token);
    expect(none.status).toBe(422);
    const big = await upload(server, 'drive/files/create', form(Buffer.alloc(2000)), token);
    expect(big.status).toBe(413);
    expect(errorOf(big)).toMatchObject({ code: 'MAX_FILE_SIZE_EXCEEDED' });
    expect(server.state.files).toHaveLength(0);
  });

  it('needs the write:drive permission', async () => {
    const server = await startServer();
    const token = await miauthToken(server, ['write:notes']);
    const answer = await upload(server, 'drive/files/create', form(png(1, 1)), token);
    expect(answer.status).toBe(403);
    expect(errorOf(answer)).toMatchObject({ code: 'PERMISSION_DENIED' });
  });
});

describe('drive/files/update', () => {
  it("marks one's own file sensitive and refuses others' files", async () => {
    const server = await startServer({ users: [{ username: 'alice' }, { username: 'bob' }] });
    const alice = await miauthToken(server);
    const file = (await upload(server, 'drive/files/create', form(png(2, 2)), alice)).body as {
      id: string;
    };
    const updated = await api(
      server,
      'drive/files/update',
      { fileId: file.id, isSensitive: true },
      alice,
    );
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: file.id, isSensitive: true });
    server.control.setSignedInUser('bob');
    const bob = await miauthToken(server);
    const denied = await api(
      server,
      'drive/files/update',
      { fileId: file.id, isSensitive: false },
      bob,
    );
    expect(errorOf(denied)).toMatchObject({ code: 'ACCESS_DENIED' });
    const missing = await api(server, 'drive/files/update', { fileId: 'nosuchfile' }, alice);
    expect(errorOf(missing)).toMatchObject({ code: 'NO_SUCH_FILE' });
    expect(server.state.files[0]!.isSensitive).toBe(true);
  });
});
