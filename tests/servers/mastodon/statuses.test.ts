import { describe, expect, it } from 'vitest';
import { call, startServer, userToken } from './testing';

interface StatusBody {
  id: string;
  url: string;
  content: string;
  [key: string]: unknown;
}

describe('POST /api/v1/statuses', () => {
  it('posts and answers a complete Status', async () => {
    const server = await startServer();
    const token = await userToken(server);
    const answer = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: {
        status: 'Hello <world> & https://example.com/a #Crosswind\n\nSecond @alice',
        language: 'fr',
        visibility: 'unlisted',
      },
    });
    expect(answer.status).toBe(200);
    const status = answer.body as StatusBody;
    expect(status.id).toMatch(/^\d{15,}$/);
    expect(status).toMatchObject({
      in_reply_to_id: null,
      in_reply_to_account_id: null,
      sensitive: false,
      spoiler_text: '',
      visibility: 'unlisted',
      language: 'fr',
      uri: `${server.url}/users/alice/statuses/${status.id}`,
      url: `${server.url}/@alice/${status.id}`,
      replies_count: 0,
      reblogs_count: 0,
      favourites_count: 0,
      edited_at: null,
      favourited: false,
      reblogged: false,
      muted: false,
      bookmarked: false,
      pinned: false,
      reblog: null,
      application: { name: 'Crosswind', website: 'https://crosswind.example' },
      account: { username: 'alice', acct: 'alice', display_name: 'Alice Sandbox' },
      media_attachments: [],
      mentions: [
        {
          id: expect.any(String),
          username: 'alice',
          url: `${server.url}/@alice`,
          acct: 'alice',
        },
      ],
      tags: [{ name: 'crosswind', url: `${server.url}/tags/crosswind` }],
      emojis: [],
      card: null,
      poll: null,
    });
    expect(new Date(status.created_at as string).getTime()).toBeLessThanOrEqual(Date.now());
    expect(status.content).toBe(
      '<p>Hello &lt;world&gt; &amp; ' +
        '<a href="https://example.com/a" target="_blank" rel="nofollow noopener" translate="no">' +
        '<span class="invisible">https://</span><span class="">example.com/a</span>' +
        '<span class="invisible"></span></a> ' +
        `<a href="${server.url}/tags/Crosswind" class="mention hashtag" rel="tag">#<span>Crosswind</span></a></p>` +
        '<p>Second <span class="h-card" translate="no">' +
        `<a href="${server.url}/@alice" class="u-url mention">@<span>alice</span></a></span></p>`,
    );
  });

  it('accepts form encoding and keeps line breaks', async () => {
    const server = await startServer();
    const token = await userToken(server);
    const answer = await call(server, 'POST', '/api/v1/statuses', {
      token,
      form: { status: 'one\ntwo', sensitive: 'true', spoiler_text: 'cw' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      content: '<p>one<br />two</p>',
      sensitive: true,
      spoiler_text: 'cw',
    });
  });

  it('returns the first status again for a repeated Idempotency-Key and creates nothing', async () => {
    const server = await startServer();
    const token = await userToken(server);
    const post = (text: string) =>
      call(server, 'POST', '/api/v1/statuses', {
        token,
        json: { status: text },
        headers: { 'Idempotency-Key': 'key-1' },
      });
    const first = await post('Once only');
    const second = await post('Once only');
    const different = await post('A different text, same key');
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect((second.body as StatusBody).id).toBe((first.body as StatusBody).id);
    expect((different.body as StatusBody).id).toBe((first.body as StatusBody).id);
    expect(server.state.statuses).toHaveLength(1);
    expect(server.state.statuses[0]).toMatchObject({ text: 'Once only', idempotencyKey: 'key-1' });

    const fresh = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: { status: 'Once only' },
      headers: { 'Idempotency-Key': 'key-2' },
    });
    expect((fresh.body as StatusBody).id).not.toBe((first.body as StatusBody).id);
    expect(server.state.statuses).toHaveLength(2);
  });

  it("refuses blank text: Text can't be blank", async () => {
    const server = await startServer();
    const token = await userToken(server);
    for (const json of [{}, { status: '' }, { status: '  \n ' }]) {
      const answer = await call(server, 'POST', '/api/v1/statuses', { token, json });
      expect(answer.status).toBe(422);
      expect(answer.body).toEqual({ error: "Validation failed: Text can't be blank" });
    }
    expect(server.state.statuses).toHaveLength(0);
  });

  it('posts a lone content warning as the text, and strips only ASCII white space', async () => {
    const server = await startServer();
    const token = await userToken(server);
    const warned = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: { status: ' \n', spoiler_text: '  Spoilers ahead ' },
    });
    expect(warned.status).toBe(200);
    expect(warned.body).toMatchObject({ spoiler_text: '', sensitive: true });
    // U+3000 is not blank to fast_blank, so this text stays and keeps its warning.
    const ideographic = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: { status: '\u3000', spoiler_text: 'CW' },
    });
    expect(ideographic.status).toBe(200);
    expect(ideographic.body).toMatchObject({ spoiler_text: 'CW' });
    expect(server.state.statuses.map((status) => status.text)).toEqual([
      'Spoilers ahead',
      '\u3000',
    ]);
  });

  it('refuses text over the configured limit, counting like Mastodon', async () => {
    const server = await startServer({ maxCharacters: 50 });
    const token = await userToken(server);
    const post = (status: string, spoiler_text?: string) =>
      call(server, 'POST', '/api/v1/statuses', { token, json: { status, spoiler_text } });

    expect((await post('x'.repeat(50))).status).toBe(200);
    const over = await post('x'.repeat(51));
    expect(over.status).toBe(422);
    expect(over.body).toEqual({ error: 'Validation failed: Text character limit of 50 exceeded' });

    // A 100-character URL counts 23: 26 + 1 + 23 = 50.
    const url = `https://example.com/${'p'.repeat(80)}`;
    expect((await post(`${'y'.repeat(26)} ${url}`)).status).toBe(200);
    expect((await post(`${'y'.repeat(27)} ${url}`)).status).toBe(422);
    // Glued to a letter it is no URL for Mastodon, so it counts in full.
    expect((await post(`y${url}`)).status).toBe(422);

    // @bob@remote.example counts as @bob (4): 45 + 1 + 4 = 50.
    expect((await post(`${'z'.repeat(45)} @bob@remote.example`)).status).toBe(200);
    expect((await post(`${'z'.repeat(46)} @bob@remote.example`)).status).toBe(422);

    // The content warning counts too: 40 + 10 = 50.
    expect((await post('w'.repeat(40), 's'.repeat(10))).status).toBe(200);
    expect((await post('w'.repeat(40), 's'.repeat(11))).status).toBe(422);

    // Emoji and combined characters count as one each.
    expect((await post('👩‍👩‍👧‍👦'.repeat(50))).status).toBe(200);
  });

  it('replies to a known status and refuses an unknown one', async () => {
    const server = await startServer();
    const token = await userToken(server);
    const parent = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: { status: 'parent' },
    });
    const parentId = (parent.body as StatusBody).id;
    const reply = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: { status: 'child', in_reply_to_id: parentId },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      in_reply_to_id: parentId,
      in_reply_to_account_id: (parent.body as { account: { id: string } }).account.id,
    });
    const again = await call(server, 'GET', `/api/v1/statuses/${parentId}`);
    expect(again.body).toMatchObject({ replies_count: 1 });

    const orphan = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: { status: 'orphan', in_reply_to_id: '123456789' },
    });
    expect(orphan.status).toBe(404);
    expect(orphan.body).toEqual({
      error: 'The post you are trying to reply to does not appear to exist.',
    });
  });

  it('refuses an unknown visibility', async () => {
    const server = await startServer();
    const token = await userToken(server);
    const answer = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: { status: 'hi', visibility: 'everyone' },
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual({
      error: 'Validation failed: Visibility is not included in the list',
    });
  });

  it("uses the account's default visibility", async () => {
    const server = await startServer({
      users: [{ username: 'alice', displayName: 'Alice', defaultPrivacy: 'private' }],
    });
    const token = await userToken(server);
    const answer = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: { status: 'hi' },
    });
    expect(answer.body).toMatchObject({ visibility: 'private' });
  });
});

describe('GET and DELETE /api/v1/statuses/:id', () => {
  it('shows public statuses without a token and hides private ones', async () => {
    const server = await startServer();
    const token = await userToken(server);
    const open = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: { status: 'open' },
    });
    const closed = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: { status: 'closed', visibility: 'private' },
    });
    const anonymous = await call(server, 'GET', `/api/v1/statuses/${(open.body as StatusBody).id}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).not.toHaveProperty('favourited');
    expect(anonymous.body).toMatchObject({ content: '<p>open</p>' });

    const hidden = await call(server, 'GET', `/api/v1/statuses/${(closed.body as StatusBody).id}`);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual({ error: 'Record not found' });
    const own = await call(server, 'GET', `/api/v1/statuses/${(closed.body as StatusBody).id}`, {
      token,
    });
    expect(own.status).toBe(200);
  });

  it('deletes an own status, answering its source text', async () => {
    const server = await startServer();
    const token = await userToken(server);
    const posted = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: { status: 'Delete me', spoiler_text: 'cw' },
    });
    const id = (posted.body as StatusBody).id;
    const deleted = await call(server, 'DELETE', `/api/v1/statuses/${id}`, { token });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ id, text: 'Delete me', spoiler_text: 'cw' });
    expect(deleted.body).not.toHaveProperty('content');
    expect((await call(server, 'GET', `/api/v1/statuses/${id}`)).status).toBe(404);
    const twice = await call(server, 'DELETE', `/api/v1/statuses/${id}`, { token });
    expect(twice.status).toBe(404);
    expect(twice.body).toEqual({ error: 'Record not found' });
  });

  it("refuses to delete someone else's status", async () => {
    const server = await startServer({
      users: [
        { username: 'alice', displayName: 'Alice' },
        { username: 'bob', displayName: 'Bob' },
      ],
    });
    const alice = await userToken(server);
    server.control.setSignedInUser('bob');
    const bob = await userToken(server);
    const posted = await call(server, 'POST', '/api/v1/statuses', {
      token: alice,
      json: { status: 'mine' },
    });
    const answer = await call(
      server,
      'DELETE',
      `/api/v1/statuses/${(posted.body as StatusBody).id}`,
      {
        token: bob,
      },
    );
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ error: 'Record not found' });
  });
});

describe('scheduled statuses', () => {
  it('schedules a status at least five minutes ahead, lists and cancels it', async () => {
    const server = await startServer();
    const token = await userToken(server);
    const at = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    const answer = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: { status: 'later', scheduled_at: at },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      id: expect.stringMatching(/^\d+$/),
      scheduled_at: at,
      params: expect.objectContaining({ text: 'later', scheduled_at: null, idempotency: null }),
      media_attachments: [],
    });
    expect(server.state.statuses).toHaveLength(0);

    const list = await call(server, 'GET', '/api/v1/scheduled_statuses', { token });
    expect(list.body).toEqual([answer.body]);
    const id = (answer.body as { id: string }).id;
    const cancel = await call(server, 'DELETE', `/api/v1/scheduled_statuses/${id}`, { token });
    expect(cancel.status).toBe(200);
    expect(cancel.body).toEqual({});
    expect((await call(server, 'GET', '/api/v1/scheduled_statuses', { token })).body).toEqual([]);
  });

  it('moves a scheduled status with PUT, with the same five-minute rule', async () => {
    const server = await startServer();
    const token = await userToken(server);
    const at = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    const created = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: { status: 'move me', scheduled_at: at },
    });
    const id = (created.body as { id: string }).id;
    const later = new Date(Date.now() + 2 * 60 * 60 * 1000).toISOString();
    const moved = await call(server, 'PUT', `/api/v1/scheduled_statuses/${id}`, {
      token,
      json: { scheduled_at: later },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id, scheduled_at: later, params: { text: 'move me' } });

    const soon = await call(server, 'PUT', `/api/v1/scheduled_statuses/${id}`, {
      token,
      json: { scheduled_at: new Date(Date.now() + 60_000).toISOString() },
    });
    expect(soon.status).toBe(422);
    expect(soon.body).toEqual({
      error: 'Validation failed: Scheduled at The scheduled date must be in the future',
    });
    const shown = await call(server, 'GET', `/api/v1/scheduled_statuses/${id}`, { token });
    expect(shown.body).toMatchObject({ scheduled_at: later });

    await call(server, 'DELETE', `/api/v1/scheduled_statuses/${id}`, { token });
    const gone = await call(server, 'PUT', `/api/v1/scheduled_statuses/${id}`, {
      token,
      json: { scheduled_at: later },
    });
    expect(gone.status).toBe(404);
  });

  it('publishes a scheduled status on request of the control API, and forgets it', async () => {
    const server = await startServer();
    const token = await userToken(server);
    const at = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    const created = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: { status: 'now please', scheduled_at: at, visibility: 'unlisted' },
    });
    const id = (created.body as { id: string }).id;
    const recorded = await call(server, 'GET', '/__control/scheduled-statuses');
    expect(recorded.body).toEqual([
      expect.objectContaining({
        id,
        username: 'alice',
        text: 'now please',
        visibility: 'unlisted',
        scheduledAt: at,
        cancelledAt: null,
        publishedStatusId: null,
      }),
    ]);
    const published = await call(server, 'POST', '/__control/publish-scheduled', { json: { id } });
    expect(published.status).toBe(200);
    const { statusId } = published.body as { statusId: string };
    expect(server.state.statuses).toEqual([
      expect.objectContaining({ id: statusId, text: 'now please', visibility: 'unlisted' }),
    ]);
    // Published, it is no longer scheduled, as on Mastodon (the record is destroyed there).
    expect((await call(server, 'GET', `/api/v1/scheduled_statuses/${id}`, { token })).status).toBe(
      404,
    );
    const again = await call(server, 'POST', '/__control/publish-scheduled', { json: { id } });
    expect(again.status).toBe(400);
  });

  it('refuses a time less than five minutes ahead', async () => {
    const server = await startServer();
    const token = await userToken(server);
    const answer = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: { status: 'soon', scheduled_at: new Date(Date.now() + 60_000).toISOString() },
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual({
      error: 'Validation failed: Scheduled at The scheduled date must be in the future',
    });
  });

  it('posts at once when the time has already passed, as Mastodon does', async () => {
    const server = await startServer();
    const token = await userToken(server);
    const answer = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: { status: 'past', scheduled_at: '2020-01-01T00:00:00Z' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ content: '<p>past</p>' });
  });
});

describe('web pages', () => {
  it('shows a status and a profile as HTML, and 404s elsewhere', async () => {
    const server = await startServer();
    const token = await userToken(server);
    const posted = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: { status: 'Seen in a browser' },
    });
    const page = await fetch((posted.body as StatusBody).url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const text = await page.text();
    expect(text).toContain('<p>Seen in a browser</p>');
    expect(text).toContain('Alice Sandbox');

    const profile = await fetch(`${server.url}/@alice`);
    expect(profile.status).toBe(200);
    expect(await profile.text()).toContain('Seen in a browser');

    const missing = await fetch(`${server.url}/@nobody`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });
});
