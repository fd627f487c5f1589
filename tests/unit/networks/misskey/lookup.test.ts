import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memorySlot } from '@/utils/networks/checkpoint';
import { MisskeyClient } from '@/utils/networks/misskey/client';
import {
  CLOCK_SKEW_MS,
  createNoteOnce,
  findEarlierAttempt,
  LOOK_EVERY_MS,
  matchesAttempt,
  SETTLE_MS,
} from '@/utils/networks/misskey/lookup';
import type { MisskeyNote } from '@/utils/networks/misskey/validate';
import { startMisskeyServer, type MisskeyServer } from '../../../servers/misskey';
import { miauthToken } from '../../../servers/misskey/testing';

let server: MisskeyServer;
let client: MisskeyClient;
let userId: string;

beforeEach(async () => {
  server = await startMisskeyServer();
  client = new MisskeyClient({ origin: server.url, token: await miauthToken(server) });
  userId = (await client.me()).id;
});

afterEach(() => server.close());

const note = (overrides: Partial<MisskeyNote>): MisskeyNote => ({
  id: 'a',
  createdAt: new Date().toISOString(),
  userId: 'u',
  text: 'Hello',
  cw: null,
  replyId: null,
  fileIds: [],
  visibility: 'public',
  ...overrides,
});

describe('matching a note to an attempt', () => {
  it('compares the trimmed text, the content warning, the reply target and the files', () => {
    const params = { text: ' Hello ', cw: 'cw', replyId: 'r1', fileIds: ['f1', 'f2'] };
    const same = note({ text: 'Hello', cw: 'cw', replyId: 'r1', fileIds: ['f1', 'f2'] });
    expect(matchesAttempt(same, params)).toBe(true);
    expect(matchesAttempt({ ...same, text: 'Hello!' }, params)).toBe(false);
    expect(matchesAttempt({ ...same, cw: null }, params)).toBe(false);
    expect(matchesAttempt({ ...same, replyId: 'r2' }, params)).toBe(false);
    expect(matchesAttempt({ ...same, replyId: null }, params)).toBe(false);
    expect(matchesAttempt({ ...same, fileIds: ['f1'] }, params)).toBe(false);
    expect(matchesAttempt(note({ text: 'Hello' }), { text: 'Hello', cw: '' })).toBe(true);
  });
});

describe('lookup before retry', () => {
  it('adopts the note whose answer was lost instead of posting a second one', async () => {
    const checkpoint = memorySlot();
    const params = { text: 'Only once, please', cw: 'cw' };
    server.control.dropAnswer({ path: '/api/notes/create' });
    await expect(createNoteOnce(client, params, { userId, checkpoint })).rejects.toThrow();
    expect(server.state.notes).toHaveLength(1);

    const retried = await createNoteOnce(client, params, { userId, checkpoint });
    expect(retried.adopted).toBe(true);
    expect(retried.note.id).toBe(server.state.notes[0]!.id);
    expect(server.state.notes).toHaveLength(1);
  });

  it('waits for a note still in the making when the worker that sent it was stopped', async () => {
    const checkpoint = memorySlot();
    const params = { text: 'Slow server' };
    // The server holds the request, then stores the note. The stopped worker's send is left to
    // run (as the server does); the next worker's retry starts while it is still under way.
    server.control.delay({ path: '/api/notes/create', ms: 1500, times: 1 });
    const stoppedWorkersSend = createNoteOnce(client, params, { userId, checkpoint });
    await vi.waitFor(() => expect(checkpoint.current).toMatchObject({ network: 'misskey' }));

    const retried = await createNoteOnce(client, params, { userId, checkpoint });
    expect(retried.adopted).toBe(true);
    await stoppedWorkersSend;
    expect(server.state.notes.map((stored) => stored.id)).toEqual([retried.note.id]);
    const posts = server.state.requests.filter((r) => r.path === '/api/notes/create');
    expect(posts).toHaveLength(1);
  });

  it('posts again once an earlier send that never arrived has had its time', async () => {
    const sentAt = Date.now() - SETTLE_MS + 1200;
    const checkpoint = memorySlot({ network: 'misskey', firstSentAt: sentAt, lastSentAt: sentAt });
    const started = Date.now();
    const retried = await createNoteOnce(
      client,
      { text: 'Lost on the way' },
      { userId, checkpoint },
    );
    expect(retried.adopted).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(server.state.notes.map((stored) => stored.text)).toEqual(['Lost on the way']);
    // The first send's moment stays: a later retry still looks from there.
    expect(checkpoint.current).toMatchObject({ firstSentAt: sentAt });
  });

  it('posts at once after Misskey itself refused the last send', async () => {
    const checkpoint = memorySlot();
    server.control.fail({ status: 429, path: '/api/notes/create' });
    await expect(
      createNoteOnce(client, { text: 'Try again' }, { userId, checkpoint }),
    ).rejects.toThrow();
    expect(checkpoint.current).toMatchObject({ refused: true });
    const started = Date.now();
    const retried = await createNoteOnce(client, { text: 'Try again' }, { userId, checkpoint });
    expect(retried.adopted).toBe(false);
    expect(Date.now() - started).toBeLessThan(LOOK_EVERY_MS);
    expect(server.state.notes.map((stored) => stored.text)).toEqual(['Try again']);
  });

  it('never looks for a part that was never sent, so a look-alike is not taken for it', async () => {
    await client.createNote({ text: 'gm' });
    const seen = server.state.requests.length;
    const fresh = await createNoteOnce(
      client,
      { text: 'gm' },
      { userId, checkpoint: memorySlot() },
    );
    expect(fresh.adopted).toBe(false);
    expect(server.state.notes).toHaveLength(2);
    expect(server.state.requests.slice(seen).map((r) => r.path)).toEqual(['/api/notes/create']);
  });

  it('finds a thread part by its reply target, not a same-text note elsewhere', async () => {
    const root = await client.createNote({ text: 'Root' });
    const startedAt = Date.now();
    await client.createNote({ text: 'Same words' });
    const part = await client.createNote({ text: 'Same words', replyId: root.id });
    const found = await findEarlierAttempt(
      client,
      userId,
      { text: 'Same words', replyId: root.id },
      startedAt,
    );
    expect(found?.id).toBe(part.id);
  });

  it('looks only at notes since the attempt (less the clock allowance)', async () => {
    await client.createNote({ text: 'Old news' });
    const later = Date.now() + CLOCK_SKEW_MS + 60_000;
    await expect(findEarlierAttempt(client, userId, { text: 'Old news' }, later)).resolves.toBe(
      undefined,
    );
  });

  it('reads past the first page of notes, newest first', async () => {
    const startedAt = Date.now();
    server.control.setRateLimit('notes/create', { duration: 3_600_000, max: 1000 });
    const target = await client.createNote({ text: 'needle' });
    for (let i = 0; i < 105; i++) await client.createNote({ text: `filler ${i}` });
    const found = await findEarlierAttempt(client, userId, { text: 'needle' }, startedAt);
    expect(found?.id).toBe(target.id);
  });
});
