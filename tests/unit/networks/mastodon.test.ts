import { storedText } from '@/utils/i18n/wording';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { solidPng } from '../../servers/mastodon/images.ts';
import { startMastodonServer, type MastodonServer } from '../../servers/mastodon';
import { call, userToken } from '../../servers/mastodon/testing.ts';
import { startRecorder } from '../../servers/recorder.ts';
import { CrosswindError } from '@/utils/errors';
import { createMastodonAccount, mastodonAdapter } from '@/utils/networks/mastodon/adapter';
import {
  beginMastodonAuthorization,
  completeMastodonAuthorization,
} from '@/utils/networks/mastodon/auth';
import { fetchMastodonLimits } from '@/utils/networks/mastodon/instance';
import type { Account, ServerScheduled } from '@/utils/networks/types';
import { defineVaultItem } from '@/utils/vault';

let server: MastodonServer;

beforeAll(async () => {
  server = await startMastodonServer({
    autoApprove: true,
    maxCharacters: 600,
    mediaProcessingPolls: 1,
  });
});
afterAll(() => server.close());
beforeEach(() => {
  vi.spyOn(browser.identity, 'getRedirectURL').mockReturnValue(
    'https://extension-id.chromiumapp.org/',
  );
  server.control.reset();
});

/** Plays the browser's part: follows the authorize URL to the redirect the server sends back. */
async function authorize(authorizeUrl: string): Promise<string> {
  const response = await fetch(authorizeUrl, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return response.headers.get('location')!;
}

async function connect(): Promise<Account> {
  const redirect = await authorize(await beginMastodonAuthorization(server.url));
  return createMastodonAccount(await completeMastodonAuthorization(redirect));
}

const options = () => ({ idempotencyKey: crypto.randomUUID(), isRetry: false });

describe('Mastodon authorization', () => {
  it('registers once per server, uses PKCE S256 and a state, and stores a working token', async () => {
    const url = new URL(await beginMastodonAuthorization(server.url));
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(url.searchParams.get('scope')).toBe('write:statuses write:media read:accounts');
    expect(url.searchParams.get('redirect_uri')).toBe('https://extension-id.chromiumapp.org/');

    const account = await connect();
    expect(account).toMatchObject({
      network: 'mastodon',
      server: server.url,
      handle: 'alice',
      displayName: 'Alice Sandbox',
      state: 'connected',
      limits: {
        maxCharacters: 600,
        charactersReservedPerUrl: 23,
        maxMediaAttachments: 4,
        altTextLimit: 1500,
      },
    });
    expect(account.id).toBe(`mastodon:${new URL(server.url).host}:${account.remoteId}`);
    const apps = (await (await fetch(`${server.url}/__control/apps`)).json()) as unknown[];
    expect(apps).toHaveLength(1);
  });

  it('refuses an answer whose state it did not issue', async () => {
    await beginMastodonAuthorization(server.url);
    const forged = 'https://extension-id.chromiumapp.org/?code=stolen&state=not-ours';
    await expect(completeMastodonAuthorization(forged)).rejects.toMatchObject({
      kind: 'auth',
      message: expect.stringContaining('state mismatch'),
    });
  });

  it('turns a denial into a plain "you declined" and a reused state into a mismatch', async () => {
    const url = new URL(await beginMastodonAuthorization(server.url));
    const state = url.searchParams.get('state')!;
    const denied = `https://extension-id.chromiumapp.org/?error=access_denied&error_description=nope&state=${state}`;
    await expect(completeMastodonAuthorization(denied)).rejects.toMatchObject({
      kind: 'cancelled',
      message: `You declined the authorization on ${new URL(server.url).host}. Nothing was connected.`,
    });
    await expect(completeMastodonAuthorization(denied)).rejects.toMatchObject({ kind: 'auth' });
  });
});

describe('Mastodon limits', () => {
  it('falls back to /api/v1/instance on servers without v2', async () => {
    const old = await startMastodonServer({ instanceV2: false, maxCharacters: 1000 });
    try {
      expect((await fetchMastodonLimits(old.url)).maxCharacters).toBe(1000);
    } finally {
      await old.close();
    }
  });

  it('says a server without the Mastodon API is not one', async () => {
    const other = createServer((_req, res) => res.writeHead(404).end('no'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    try {
      await expect(fetchMastodonLimits(url)).rejects.toMatchObject({
        kind: 'unsupported',
        message: expect.stringContaining('does not look like a Mastodon server'),
      });
    } finally {
      other.close();
    }
  });

  it('says an unreachable server is unreachable', async () => {
    await expect(fetchMastodonLimits('http://127.0.0.1:9')).rejects.toMatchObject({
      kind: 'network',
      message: 'Could not reach 127.0.0.1:9. Check the address and your connection.',
    });
  });
});

describe('Mastodon publishing', () => {
  it('posts once per idempotency key, even when retried', async () => {
    const account = await connect();
    const key = mastodonAdapter.newIdempotencyKey();
    const first = await mastodonAdapter.publish(
      account,
      { text: 'Once only', language: 'en' },
      { idempotencyKey: key, isRetry: false },
    );
    const again = await mastodonAdapter.publish(
      account,
      { text: 'Once only', language: 'en' },
      { idempotencyKey: key, isRetry: true },
    );
    expect(again.id).toBe(first.id);
    expect(first.url).toBe(`${server.url}/@alice/${first.id}`);
    const stored = [...server.state.statuses.values()].filter(
      (status) => status.text === 'Once only',
    );
    expect(stored).toHaveLength(1);
  });

  it.each([
    [500, 'server', 'had a problem (error 500)'],
    [503, 'server', 'had a problem (error 503)'],
    [429, 'rate-limit', 'says too many requests'],
  ] as const)('maps HTTP %i to a %s error', async (status, kind, words) => {
    const account = await connect();
    server.control.fail({ status, times: 1, path: '/api/v1/statuses', retryAfterSeconds: 30 });
    const attempt = mastodonAdapter.publish(
      account,
      { text: `fails ${status}` },
      { idempotencyKey: crypto.randomUUID(), isRetry: false },
    );
    await expect(attempt).rejects.toBeInstanceOf(CrosswindError);
    await expect(attempt).rejects.toMatchObject({
      kind,
      status,
      message: expect.stringContaining(words),
    });
    if (status === 429) {
      const error = (await attempt.catch((e: unknown) => e)) as CrosswindError;
      expect(error.retryAt).toBeGreaterThan(Date.now());
    }
  });

  it('reports the server refusing text over its limit in its own words', async () => {
    const account = await connect();
    const attempt = mastodonAdapter.publish(
      account,
      { text: 'x'.repeat(601) },
      { idempotencyKey: crypto.randomUUID(), isRetry: false },
    );
    await expect(attempt).rejects.toMatchObject({
      kind: 'validation',
      message: `${new URL(server.url).host} refused the post: “Text character limit of 600 exceeded”.`,
    });
  });

  it('marks revoked tokens as auth errors and revokes on disconnect', async () => {
    const account = await connect();
    await mastodonAdapter.disconnect(account);
    await expect(mastodonAdapter.refresh(account)).rejects.toMatchObject({ kind: 'auth' });

    const other = await connect();
    server.control.revokeAllTokens();
    await expect(
      mastodonAdapter.publish(
        other,
        { text: 'no' },
        { idempotencyKey: crypto.randomUUID(), isRetry: false },
      ),
    ).rejects.toMatchObject({ kind: 'auth', status: 401 });
  });

  it('sends the token only to the server that issued it, whatever the account record says', async () => {
    const account = await connect();
    const recorder = await startRecorder();
    try {
      const moved: Account = { ...account, server: recorder.url };
      const reconnect = {
        kind: 'auth',
        message: `@alice was connected on ${new URL(server.url).host}, but its record now names ${new URL(recorder.url).host}. Crosswind sends a login only to the server that issued it, so nothing was sent: reconnect the account.`,
      };
      await expect(
        mastodonAdapter.publish(moved, { text: 'Leak?' }, options()),
      ).rejects.toMatchObject(reconnect);
      await expect(mastodonAdapter.refresh(moved)).rejects.toMatchObject(reconnect);
      // Reconnecting signs in where the token came from, not where the record points.
      expect(await mastodonAdapter.issuer?.(moved)).toBe(new URL(server.url).origin);
      // Removing the account revokes the token where it was issued.
      await mastodonAdapter.disconnect(moved);
      expect(await mastodonAdapter.issuer?.(moved)).toBeUndefined();
      expect(recorder.requests).toEqual([]);
      await expect(mastodonAdapter.refresh(account)).rejects.toMatchObject({ kind: 'auth' });
    } finally {
      await recorder.close();
    }
  });

  it('asks to reconnect an account whose token was kept without its server', async () => {
    const account = await connect();
    // How tokens were stored before they were bound to their server.
    await defineVaultItem<string>('mastodon-token').set(account.id, 'an-old-token');
    await expect(mastodonAdapter.refresh(account)).rejects.toMatchObject({ kind: 'auth' });
  });

  it('removes a post', async () => {
    const account = await connect();
    const post = await mastodonAdapter.publish(
      account,
      { text: 'Delete me' },
      { idempotencyKey: crypto.randomUUID(), isRetry: false },
    );
    await mastodonAdapter.remove(account, post);
    expect((await fetch(`${server.url}/api/v1/statuses/${post.id}`)).status).toBe(404);
  });

  it('sends the content warning, visibility, language and thread replies', async () => {
    const account = await connect();
    const settings = {
      spoilerText: 'Dune spoilers',
      visibility: 'unlisted' as const,
      language: 'de',
    };
    const root = await mastodonAdapter.publish(
      account,
      { text: 'Thread start', ...settings },
      options(),
    );
    const reply = await mastodonAdapter.publish(
      account,
      { text: 'Thread end', ...settings, replyTo: { root, parent: root } },
      options(),
    );
    const answer = (await (
      await fetch(`${server.url}/api/v1/statuses/${reply.id}`)
    ).json()) as Record<string, unknown>;
    expect(answer).toMatchObject({
      in_reply_to_id: root.id,
      spoiler_text: 'Dune spoilers',
      sensitive: true,
      visibility: 'unlisted',
      language: 'de',
    });
  });

  it('uploads an image with its description through the 202 → poll path, then attaches it', async () => {
    const account = await connect();
    const png = solidPng(40, 30, [200, 30, 30]);
    const media = await mastodonAdapter.uploadImage(
      account,
      {
        blob: new Blob([new Uint8Array(png)], { type: 'image/png' }),
        alt: 'A red square',
        width: 40,
        height: 30,
      },
      {},
    );
    expect(media).toMatchObject({ alt: 'A red square', width: 40, height: 30 });
    const status = await mastodonAdapter.publish(
      account,
      { text: 'With a picture', media: [media] },
      options(),
    );
    const answer = (await (await fetch(`${server.url}/api/v1/statuses/${status.id}`)).json()) as {
      media_attachments: Array<{ id: string; description: string; url: string }>;
    };
    expect(answer.media_attachments).toHaveLength(1);
    expect(answer.media_attachments[0]).toMatchObject({
      id: media.id,
      description: 'A red square',
    });
    expect(mastodonAdapter.imageRules(account).maxBytes).toBeGreaterThan(1_000_000);
  });
});

/** What the account's own app lists as scheduled (a separate token: Crosswind does not ask to read). */
async function listed(): Promise<
  Array<{ id: string; scheduled_at: string; params: { text: string } }>
> {
  const token = await userToken(server, 'read');
  const answer = await call(server, 'GET', '/api/v1/scheduled_statuses', { token });
  expect(answer.status).toBe(200);
  return answer.body as Array<{ id: string; scheduled_at: string; params: { text: string } }>;
}

/** Schedules on the server, failing the test if the server posted at once instead. */
async function scheduleOnServer(
  ...args: Parameters<NonNullable<typeof mastodonAdapter.schedule>>
): Promise<ServerScheduled> {
  const result = await mastodonAdapter.schedule!(...args);
  if ('publishedNow' in result) throw new Error('the server posted at once instead');
  return result;
}

describe('Mastodon scheduling', () => {
  const HOUR = 3_600_000;

  it('schedules a post the server lists, moves it, and cancels it', async () => {
    const account = await connect();
    const at = Date.now() + HOUR;
    const scheduled = await scheduleOnServer(
      account,
      { text: 'Scheduled by Crosswind', language: 'en', visibility: 'unlisted' },
      { ...options(), scheduledAt: at },
    );
    expect(scheduled).toEqual({ id: expect.stringMatching(/^\d+$/), scheduledAt: at });
    const mine = async () => (await listed()).filter((item) => item.id === scheduled.id);
    expect(await mine()).toEqual([
      expect.objectContaining({
        id: scheduled.id,
        scheduled_at: new Date(at).toISOString(),
        params: expect.objectContaining({ text: 'Scheduled by Crosswind', visibility: 'unlisted' }),
      }),
    ]);
    expect(server.state.statuses.filter((item) => item.text === 'Scheduled by Crosswind')).toEqual(
      [],
    );

    const later = at + HOUR;
    expect(await mastodonAdapter.reschedule!(account, scheduled.id, later)).toEqual({
      id: scheduled.id,
      scheduledAt: later,
    });
    expect((await mine()).map((item) => item.scheduled_at)).toEqual([
      new Date(later).toISOString(),
    ]);

    await mastodonAdapter.cancelScheduled!(account, scheduled.id);
    expect(await mine()).toEqual([]);
    // Cancelling one the server no longer has is not an error: it is off the schedule either way.
    await mastodonAdapter.cancelScheduled!(account, scheduled.id);
  });

  it('reports a time too close as "unsupported", so Crosswind can post it itself', async () => {
    const account = await connect();
    const host = new URL(server.url).host;
    await expect(
      scheduleOnServer(
        account,
        { text: 'Too soon' },
        { ...options(), scheduledAt: Date.now() + 60_000 },
      ),
    ).rejects.toMatchObject({
      kind: 'unsupported',
      status: 422,
      message: `${host} would not schedule it: “Scheduled at The scheduled date must be in the future”.`,
    });
    const scheduled = await scheduleOnServer(
      account,
      { text: 'Far enough' },
      { ...options(), scheduledAt: Date.now() + HOUR },
    );
    await expect(
      mastodonAdapter.reschedule!(account, scheduled.id, Date.now() + 60_000),
    ).rejects.toMatchObject({ kind: 'unsupported', status: 422 });
    await mastodonAdapter.cancelScheduled!(account, scheduled.id);
  });

  it('attaches uploaded images to the scheduled post, and the server publishes it at its time', async () => {
    const account = await connect();
    const png = solidPng(20, 20, [30, 30, 200]);
    const media = await mastodonAdapter.uploadImage(
      account,
      {
        blob: new Blob([new Uint8Array(png)], { type: 'image/png' }),
        alt: 'A blue square',
        width: 20,
        height: 20,
      },
      {},
    );
    const scheduled = await scheduleOnServer(
      account,
      { text: 'With a picture, later', media: [media] },
      { ...options(), scheduledAt: Date.now() + HOUR },
    );
    const published = await fetch(`${server.url}/__control/publish-scheduled`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: scheduled.id }),
    });
    const { statusId } = (await published.json()) as { statusId: string };
    const status = server.state.statuses.find((item) => item.id === statusId);
    expect(status).toMatchObject({ text: 'With a picture, later', mediaIds: [media.id] });
    // Published, it is no longer the server's to cancel: cancelling finds nothing, quietly.
    await mastodonAdapter.cancelScheduled!(account, scheduled.id);
  });

  it('does not schedule twice when a retry repeats the key, and says to check', async () => {
    const account = await connect();
    const host = new URL(server.url).host;
    const key = crypto.randomUUID();
    const at = Date.now() + HOUR;
    await scheduleOnServer(
      account,
      { text: 'Once' },
      { idempotencyKey: key, isRetry: false, scheduledAt: at },
    );
    await expect(
      scheduleOnServer(
        account,
        { text: 'Once' },
        { idempotencyKey: key, isRetry: true, scheduledAt: at },
      ),
    ).rejects.toMatchObject({
      kind: 'server',
      retryable: false,
      message: expect.stringContaining(`${host} may have scheduled this post already`),
    });
    expect((await listed()).filter((item) => item.params.text === 'Once')).toHaveLength(1);
  });
});

/** Lets requests give up after `ms` instead of 30 s, so a hung server can be tested quickly. */
function shortenTimeouts(ms: number) {
  const real = AbortSignal.timeout.bind(AbortSignal);
  return vi.spyOn(AbortSignal, 'timeout').mockImplementation(() => real(ms));
}

const PROXY_PAGE = '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>';

const host = () => new URL(server.url).host;

describe('Mastodon servers that answer nonsense', () => {
  it.each([
    [{ characters_reserved_per_url: -1000 }, 'characters_reserved_per_url -1000', 600],
    [{ characters_reserved_per_url: 1e9 }, 'characters_reserved_per_url 1000000000', 600],
    [{ max_characters: -1 }, 'max_characters -1', 500],
    [{ max_characters: 1e12 }, 'max_characters 1000000000000', 500],
    [{ max_characters: 'abc' }, 'max_characters "abc"', 500],
  ])('falls back to Mastodon’s limits, with a note, for %j', async (statuses, named, max) => {
    server.control.quirks({ instanceStatuses: statuses });
    const limits = await fetchMastodonLimits(server.url);
    // Only the nonsensical limit is replaced; the server's other limits stand.
    expect(limits).toMatchObject({ maxCharacters: max, charactersReservedPerUrl: 23 });
    expect(storedText(limits.note!)).toBe(
      `${host()} reported limits Crosswind cannot use (${named}); Mastodon’s usual limits are used instead.`,
    );
  });

  it('says a proxy page is a web page, not an unreachable server, and keeps its status', async () => {
    const account = await connect();
    server.control.answer({
      status: 502,
      body: PROXY_PAGE,
      contentType: 'text/html',
      path: '/api/v1/statuses',
      method: 'POST',
      times: 1,
    });
    await expect(
      mastodonAdapter.publish(account, { text: 'behind a proxy' }, options()),
    ).rejects.toMatchObject({
      kind: 'server',
      status: 502,
      retryable: true,
      message: `${host()} answered with a web page instead of the API (error 502).`,
    });
    server.control.answer({
      status: 200,
      body: PROXY_PAGE,
      contentType: 'text/html',
      path: '/api/v2/instance',
      times: 1,
    });
    await expect(fetchMastodonLimits(server.url)).rejects.toMatchObject({
      message: `${host()} answered with a web page instead of the API.`,
    });
  });

  it('treats a post answered with 200 {} as a server error, not as posted', async () => {
    const account = await connect();
    server.control.answer({
      status: 200,
      body: '{}',
      contentType: 'application/json',
      path: '/api/v1/statuses',
      method: 'POST',
      times: 1,
    });
    await expect(
      mastodonAdapter.publish(account, { text: 'no id' }, options()),
    ).rejects.toMatchObject({
      kind: 'server',
      retryable: false,
      message: `${host()} said it worked but sent no id or link for the post, so Crosswind cannot tell what happened. Check on ${host()} before trying again.`,
    });
  });

  it('reports a delete the server had nothing for as not found, even behind an HTML 404', async () => {
    const account = await connect();
    const post = await mastodonAdapter.publish(account, { text: 'delete twice' }, options());
    expect(await mastodonAdapter.remove(account, post)).toBe('deleted');
    expect(await mastodonAdapter.remove(account, post)).toBe('not-found');
    server.control.answer({
      status: 404,
      body: '<h1>Not Found</h1>',
      contentType: 'text/html',
      path: '/api/v1/statuses/',
      method: 'DELETE',
      times: 1,
    });
    expect(await mastodonAdapter.remove(account, post)).toBe('not-found');
    await expect(mastodonAdapter.remove(account, { id: '', url: '' })).rejects.toMatchObject({
      kind: 'validation',
    });
  });

  it('gives up on a server that does not answer, and says it took too long', async () => {
    const account = await connect();
    const timeouts = shortenTimeouts(300);
    try {
      server.control.delay({ ms: 5_000, path: '/api/v1/statuses', times: 1 });
      await expect(
        mastodonAdapter.publish(account, { text: 'hung' }, options()),
      ).rejects.toMatchObject({
        kind: 'network',
        retryable: true,
        message: `${host()} took too long to answer. Try again.`,
      });
      server.control.delay({ ms: 5_000, path: '/api/v2/instance', times: 1 });
      await expect(fetchMastodonLimits(server.url)).rejects.toMatchObject({
        message: `${host()} took too long to answer. Try again.`,
      });
    } finally {
      timeouts.mockRestore();
    }
  });

  it('recognises a server that posts at once instead of scheduling (as Hollo does)', async () => {
    const account = await connect();
    server.control.quirks({ ignoreScheduledAt: true });
    const result = await mastodonAdapter.schedule!(
      account,
      { text: 'Meant for later' },
      { ...options(), scheduledAt: Date.now() + 3_600_000 },
    );
    const status = server.state.statuses.find((item) => item.text === 'Meant for later');
    expect(status).toBeDefined();
    expect(result).toEqual({
      publishedNow: { id: status!.id, url: `${server.url}/@alice/${status!.id}` },
    });
  });
});
