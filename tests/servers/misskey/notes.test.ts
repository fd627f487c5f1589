import { describe, expect, it } from 'vitest';
import { api, errorOf, miauthToken, png, startServer, upload } from './testing';

interface Note {
  id: string;
  text: string | null;
  cw: string | null;
  replyId: string | null;
  [key: string]: unknown;
}

const created = (body: unknown): Note => (body as { createdNote: Note }).createdNote;

describe('notes/create', () => {
  it('creates a note and answers { createdNote }', async () => {
    const server = await startServer();
    const token = await miauthToken(server);
    const answer = await api(
      server,
      'notes/create',
      { text: '  Hello Misskey  ', cw: 'spoiler', visibility: 'home', localOnly: true },
      token,
    );
    expect(answer.status).toBe(200);
    const note = created(answer.body);
    expect(note.id).toMatch(/^[0-9a-z]{16}$/);
    expect(note).toMatchObject({
      text: 'Hello Misskey',
      cw: 'spoiler',
      visibility: 'home',
      localOnly: true,
      replyId: null,
      renoteId: null,
      fileIds: [],
      files: [],
      user: { username: 'alice', host: null, name: 'Alice Sandbox' },
    });
    expect(server.state.notes[0]).toMatchObject({ text: 'Hello Misskey', visibility: 'home' });
  });

  it('counts text by code points, as ajv maxLength does', async () => {
    const server = await startServer();
    const token = await miauthToken(server);
    // 3000 astral characters are 6000 UTF-16 units but 3000 code points.
    const astral = await api(server, 'notes/create', { text: '😀'.repeat(3000) }, token);
    expect(astral.status).toBe(200);
    const over = await api(server, 'notes/create', { text: 'a'.repeat(3001) }, token);
    expect(over.status).toBe(400);
    expect(errorOf(over)).toEqual({
      message: 'Invalid param.',
      code: 'INVALID_PARAM',
      id: '3d81ceae-475f-4600-b2a8-2bc116157532',
      kind: 'client',
      info: {
        param: '#/then/properties/text/maxLength',
        reason: 'must NOT have more than 3000 characters',
      },
    });
  });

  it('checks the content warning, the text requirement and ids', async () => {
    const server = await startServer();
    const token = await miauthToken(server);
    const cw = await api(server, 'notes/create', { text: 'x', cw: 'c'.repeat(101) }, token);
    expect(errorOf(cw).info).toEqual({
      param: '#/properties/cw/maxLength',
      reason: 'must NOT have more than 100 characters',
    });
    const empty = await api(server, 'notes/create', {}, token);
    expect(errorOf(empty).info).toEqual({
      param: '#/then/required',
      reason: "must have required property 'text'",
    });
    const blank = await api(server, 'notes/create', { text: '   ' }, token);
    expect(errorOf(blank).info).toMatchObject({ param: '#/then/properties/text/pattern' });
    const badVisibility = await api(server, 'notes/create', { text: 'x', visibility: 'x' }, token);
    expect(errorOf(badVisibility).info).toEqual({
      param: '#/properties/visibility/enum',
      reason: 'must be equal to one of the allowed values',
    });
  });

  it('refuses files and reply targets that are not there', async () => {
    const server = await startServer();
    const token = await miauthToken(server);
    const noFile = await api(server, 'notes/create', { text: 'x', fileIds: ['nosuchfile'] }, token);
    expect(noFile.status).toBe(400);
    expect(errorOf(noFile)).toMatchObject({
      code: 'NO_SUCH_FILE',
      id: 'b6992544-63e7-67f0-fa7f-32444b1b5306',
    });
    const noReply = await api(server, 'notes/create', { text: 'x', replyId: 'nosuchnote' }, token);
    expect(errorOf(noReply)).toMatchObject({ code: 'NO_SUCH_REPLY_TARGET' });
  });

  it('attaches uploaded files and chains replies', async () => {
    const server = await startServer();
    const token = await miauthToken(server);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(png(3, 2))], { type: 'image/png' }), 'a.png');
    form.append('comment', 'A grey square');
    const file = (await upload(server, 'drive/files/create', form, token)).body as { id: string };
    const first = created(
      (await api(server, 'notes/create', { text: 'one', fileIds: [file.id] }, token)).body,
    );
    expect(first.files).toMatchObject([{ id: file.id, comment: 'A grey square' }]);
    const second = created(
      (await api(server, 'notes/create', { text: 'two', replyId: first.id }, token)).body,
    );
    expect(second.replyId).toBe(first.id);
    expect(second.reply).toMatchObject({ id: first.id, text: 'one' });
  });
});

describe('notes/delete', () => {
  it('answers 204 without a body, then NO_SUCH_NOTE', async () => {
    const server = await startServer();
    const token = await miauthToken(server);
    const note = created((await api(server, 'notes/create', { text: 'bye' }, token)).body);
    const deleted = await api(server, 'notes/delete', { noteId: note.id }, token);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    // Lift the one-second spacing between deletes so the test need not wait.
    server.control.setRateLimit('notes/delete', { duration: 3_600_000, max: 300 });
    const again = await api(server, 'notes/delete', { noteId: note.id }, token);
    expect(again.status).toBe(400);
    expect(errorOf(again)).toMatchObject({
      code: 'NO_SUCH_NOTE',
      id: '490be23f-8c1f-4796-819f-94cb4f9d1630',
    });
  });

  it('takes the replies with it, as the database cascade does', async () => {
    const server = await startServer();
    const token = await miauthToken(server);
    const root = created((await api(server, 'notes/create', { text: 'root' }, token)).body);
    const reply = created(
      (await api(server, 'notes/create', { text: 'reply', replyId: root.id }, token)).body,
    );
    await api(server, 'notes/create', { text: 'deeper', replyId: reply.id }, token);
    await api(server, 'notes/create', { text: 'unrelated' }, token);
    expect((await api(server, 'notes/delete', { noteId: root.id }, token)).status).toBe(204);
    expect(server.state.notes.filter((note) => !note.deletedAt).map((note) => note.text)).toEqual([
      'unrelated',
    ]);
  });

  it("refuses to delete someone else's note", async () => {
    const server = await startServer({ users: [{ username: 'alice' }, { username: 'bob' }] });
    const alice = await miauthToken(server);
    server.control.setSignedInUser('bob');
    const bob = await miauthToken(server);
    const note = created((await api(server, 'notes/create', { text: 'mine' }, alice)).body);
    const answer = await api(server, 'notes/delete', { noteId: note.id }, bob);
    expect(errorOf(answer)).toMatchObject({ code: 'ACCESS_DENIED' });
  });
});

describe('users/notes', () => {
  it('lists notes since a date oldest first, without deleted ones', async () => {
    const server = await startServer();
    const token = await miauthToken(server);
    const me = (await api(server, 'i', {}, token)).body as { id: string };
    const before = created((await api(server, 'notes/create', { text: 'before' }, token)).body);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const since = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const ids: string[] = [];
    for (const text of ['a', 'b', 'c']) {
      ids.push(created((await api(server, 'notes/create', { text }, token)).body).id);
    }
    await api(server, 'notes/delete', { noteId: ids[1] }, token);
    const listed = await api(server, 'users/notes', {
      userId: me.id,
      sinceDate: since,
      limit: 100,
    });
    expect((listed.body as Note[]).map((note) => note.text)).toEqual(['a', 'c']);
    const newest = await api(server, 'users/notes', { userId: me.id });
    expect((newest.body as Note[]).map((note) => note.text)).toEqual(['c', 'a', 'before']);
    expect(before.id < ids[0]!).toBe(true);
    const tooMany = await api(server, 'users/notes', { userId: me.id, limit: 101 });
    expect(errorOf(tooMany).info).toEqual({
      param: '#/properties/limit/maximum',
      reason: 'must be <= 100',
    });
  });
});
