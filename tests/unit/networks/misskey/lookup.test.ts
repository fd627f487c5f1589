import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MisskeyClient } from '@/utils/networks/misskey/client';
import {
  CLOCK_SKEW_MS,
  createNoteOnce,
  findEarlierAttempt,
  matchesAttempt,
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
    const startedAt = Date.now();
    const params = { text: 'Only once, please', cw: 'cw' };
    server.control.dropAnswer({ path: '/api/notes/create' });
    await expect(client.createNote(params)).rejects.toThrow();
    expect(server.state.notes).toHaveLength(1);

    const retried = await createNoteOnce(client, params, { userId, startedAt, isRetry: true });
    expect(retried.adopted).toBe(true);
    expect(retried.note.id).toBe(server.state.notes[0]!.id);
    expect(server.state.notes).toHaveLength(1);
  });

  it('posts when the earlier attempt never reached the server', async () => {
    const startedAt = Date.now();
    server.control.fail({ status: 503, path: '/api/notes/create' });
    await expect(client.createNote({ text: 'Try again' })).rejects.toThrow();
    const retried = await createNoteOnce(
      client,
      { text: 'Try again' },
      {
        userId,
        startedAt,
        isRetry: true,
      },
    );
    expect(retried.adopted).toBe(false);
    expect(server.state.notes.map((stored) => stored.text)).toEqual(['Try again']);
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
    const first = createNoteOnce(
      client,
      { text: 'Fresh' },
      {
        userId,
        startedAt: Date.now(),
        isRetry: false,
      },
    );
    expect((await first).adopted).toBe(false);
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
