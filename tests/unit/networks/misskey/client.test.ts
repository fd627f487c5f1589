import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CrosswindError } from '@/utils/errors';
import { MisskeyClient } from '@/utils/networks/misskey/client';
import { readSoftware } from '@/utils/networks/misskey/nodeinfo';
import { startMisskeyServer, type MisskeyServer } from '../../../servers/misskey';
import { miauthToken, png } from '../../../servers/misskey/testing';

let server: MisskeyServer;
let client: MisskeyClient;

beforeEach(async () => {
  server = await startMisskeyServer();
  client = new MisskeyClient({ origin: server.url, token: await miauthToken(server) });
});

afterEach(() => server.close());

async function rejection(promise: Promise<unknown>): Promise<CrosswindError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(CrosswindError);
  return error as CrosswindError;
}

describe('MisskeyClient against the test server', () => {
  it('reads the limits, the account and the software', async () => {
    await expect(client.meta()).resolves.toMatchObject({
      maxNoteTextLength: 3000,
      maxFileSize: 262_144_000,
      driveCapacityMb: 100,
    });
    await expect(client.me()).resolves.toMatchObject({ username: 'alice', name: 'Alice Sandbox' });
    await expect(readSoftware(server.url)).resolves.toEqual({
      name: 'misskey',
      version: '2025.3.1',
    });
  });

  it('uploads an image with alt text, posts it behind a content warning, threads and deletes', async () => {
    const file = await client.uploadFile({
      blob: new Blob([new Uint8Array(png(8, 6))], { type: 'image/png' }),
      name: 'photo.png',
      comment: 'Eight by six',
      isSensitive: true,
    });
    expect(file).toMatchObject({ type: 'image/png' });
    const first = await client.createNote({
      text: 'Part one',
      cw: 'Spoilers',
      visibility: 'home',
      fileIds: [file.id],
    });
    const second = await client.createNote({ text: 'Part two', cw: 'Spoilers', replyId: first.id });
    expect(second.replyId).toBe(first.id);
    expect(server.state.files[0]).toMatchObject({ comment: 'Eight by six', isSensitive: true });
    expect(server.state.notes.map((note) => [note.text, note.cw, note.visibility])).toEqual([
      ['Part one', 'Spoilers', 'home'],
      ['Part two', 'Spoilers', 'public'],
    ]);
    expect(client.noteUrl(first.id)).toBe(`${server.url}/notes/${first.id}`);

    // Deleting the first note takes the reply with it; the second delete, within the second
    // Misskey requires between deletes, waits its turn and then finds the reply already gone.
    await expect(client.deleteNote(first.id)).resolves.toBe('deleted');
    await expect(client.deleteNote(second.id)).resolves.toBe('not-found');
    expect(server.state.notes.every((note) => note.deletedAt !== null)).toBe(true);
    const deletes = server.state.requests.filter((request) => request.path === '/api/notes/delete');
    expect(deletes.map((request) => request.status)).toEqual([204, 429, 400]);
  });

  it('turns refusals into typed errors with words', async () => {
    // Misskey counts a call against the limit before it checks the params: the refused one counts.
    server.control.setRateLimit('notes/create', { duration: 60_000, max: 2 });
    const tooLong = await rejection(client.createNote({ text: 'x'.repeat(3001) }));
    expect(tooLong.kind).toBe('validation');
    expect(tooLong.message).toMatch(/longer than the 3000 characters/);

    await client.createNote({ text: 'one' });
    const limited = await rejection(client.createNote({ text: 'two' }));
    expect(limited.kind).toBe('rate-limit');
    expect(limited.retryAt).toBeGreaterThan(Date.now());

    server.control.revokeTokens();
    const revoked = await rejection(client.me());
    expect(revoked.kind).toBe('auth');
    expect(revoked.message).toMatch(/Reconnect/);
  });

  it('gives up after its timeout, and on the caller signal', async () => {
    server.control.delay({ ms: 500, path: '/api/meta' });
    const slow = new MisskeyClient({ origin: server.url, timeoutMs: 100 });
    const timedOut = await rejection(slow.meta());
    expect(timedOut.kind).toBe('network');
    expect(timedOut.message).toMatch(/took too long/);
    const controller = new AbortController();
    const pending = client.meta({ signal: controller.signal });
    controller.abort();
    expect((await rejection(pending)).kind).toBe('cancelled');
  });

  it('never sends a token over plain http to another computer', () => {
    expect(() => new MisskeyClient({ origin: 'http://misskey.example', token: 't' })).toThrow(
      /not a secure \(https:\/\/\) address/,
    );
    expect(() => new MisskeyClient({ origin: 'http://misskey.example' })).not.toThrow();
  });

  it('refuses an answer without the fields Crosswind relies on', async () => {
    server.control.fail({ status: 502, path: '/api/notes/create' });
    const proxy = await rejection(client.createNote({ text: 'x' }));
    expect(proxy.kind).toBe('server');
    const stranger = new MisskeyClient({ origin: server.url, token: 'x' });
    const refused = await rejection(stranger.createNote({ text: 'x' }));
    expect(refused.kind).toBe('auth');
  });
});
