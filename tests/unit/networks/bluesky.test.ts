import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { solidPng } from '../../servers/mastodon/images.ts';
import { startFakeDirectory } from '../../servers/fake-directory.ts';
import { startPds, type PdsSandbox } from '../../servers/pds/index.ts';
import { startRecorder } from '../../servers/recorder.ts';
import { findBlueskyService } from '@/utils/networks/bluesky/identity';
import { countGraphemes } from '@/utils/text/graphemes';
import type { Account } from '@/utils/networks/types';
import type { DirectorySettings } from '@/utils/storage';
import { defineVaultItem } from '@/utils/vault';

let pds: PdsSandbox;
let directory: DirectorySettings;
let seq = 0;

beforeAll(async () => {
  pds = await startPds();
  directory = { handleResolver: pds.url, plcDirectory: pds.plcUrl };
}, 60_000);
afterAll(() => pds?.close());

async function newUser() {
  seq += 1;
  const created = await pds.createAccount({
    handle: `unit${seq}${Date.now().toString(36)}.test`,
    password: 'main-password',
  });
  const appPassword = await pds.createAppPassword(created, 'crosswind');
  return { ...created, appPassword };
}

async function connect(): Promise<{ account: Account; user: Awaited<ReturnType<typeof newUser>> }> {
  const { loginBluesky } = await import('@/utils/networks/bluesky/adapter');
  const user = await newUser();
  const service = await findBlueskyService(user.handle, undefined, directory);
  return { account: await loginBluesky(service, user.handle, user.appPassword), user };
}

describe('Bluesky identity', () => {
  it('finds the PDS from a handle: handle → DID → #atproto_pds', async () => {
    const user = await newUser();
    expect(await findBlueskyService(user.handle, undefined, directory)).toBe(pds.url);
    expect(await findBlueskyService(user.did, undefined, directory)).toBe(pds.url);
    expect(await findBlueskyService(user.handle, 'https://pds.example.com/', directory)).toBe(
      'https://pds.example.com',
    );
  });

  it('explains handles that do not exist or are not handles', async () => {
    await expect(findBlueskyService('nobody.test', undefined, directory)).rejects.toMatchObject({
      kind: 'validation',
      message:
        'No Bluesky account is called @nobody.test. Check the handle, or enter your server’s address.',
    });
    await expect(findBlueskyService('not a handle', undefined, directory)).rejects.toMatchObject({
      kind: 'validation',
      message: '“not a handle” is not a Bluesky handle. A handle looks like alice.bsky.social.',
    });
  });
});

/** Every address fetch() was called with while the spy ran. */
function calledUrls(spy: { mock: { calls: Array<[RequestInfo | URL, ...unknown[]]> } }): string[] {
  return spy.mock.calls.map(([input]) =>
    String(input instanceof Request ? input.url : input instanceof URL ? input.href : input),
  );
}

describe('Bluesky over plain http', () => {
  const refusal =
    'Your Bluesky server is named as http://pds.example, which is not a secure (https://) address. Crosswind sends passwords and tokens only over https (plain http only on this computer), so nothing was sent.';

  it('refuses a PDS that a DID document names with a plain http address', async () => {
    const fake = await startFakeDirectory([
      { handle: 'mallory.test', did: 'did:plc:mallory', pds: 'http://pds.example' },
    ]);
    try {
      const fakeDirectory = { handleResolver: fake.url, plcDirectory: fake.url };
      await expect(
        findBlueskyService('mallory.test', undefined, fakeDirectory),
      ).rejects.toMatchObject({ kind: 'validation', message: refusal });
    } finally {
      await fake.close();
    }
  });

  it('sends no app password to a plain http server, however it was reached', async () => {
    const { loginBluesky } = await import('@/utils/networks/bluesky/adapter');
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    try {
      await expect(
        loginBluesky('http://pds.example', 'mallory.test', 'app-pass'),
      ).rejects.toMatchObject({
        kind: 'validation',
        message: refusal,
      });
      expect(calledUrls(fetchSpy)).toEqual([]);
    } finally {
      fetchSpy.mockRestore();
    }
  });
});

describe('Bluesky adapter', () => {
  it('signs in with an app password and rejects a wrong one clearly', async () => {
    const { account, user } = await connect();
    expect(account).toMatchObject({
      network: 'bluesky',
      server: pds.url,
      remoteId: user.did,
      handle: user.handle,
      state: 'connected',
    });
    expect(account.id).toBe(`bluesky:${user.did}`);

    const { loginBluesky } = await import('@/utils/networks/bluesky/adapter');
    await expect(loginBluesky(pds.url, user.handle, 'aaaa-bbbb-cccc-dddd')).rejects.toMatchObject({
      kind: 'auth',
      message: expect.stringContaining('Wrong handle or app password'),
    });
  });

  it('writes the post at the record key chosen up front; a retry never makes a second one', async () => {
    const { blueskyAdapter } = await import('@/utils/networks/bluesky/adapter');
    const { account, user } = await connect();
    const key = blueskyAdapter.newIdempotencyKey();
    const first = await blueskyAdapter.publish(
      account,
      { text: 'Exactly once 🦋', language: 'fr' },
      { idempotencyKey: key, isRetry: false },
    );
    expect(first.id).toBe(`at://${user.did}/app.bsky.feed.post/${key}`);
    const retry = await blueskyAdapter.publish(
      account,
      { text: 'Exactly once 🦋', language: 'fr' },
      { idempotencyKey: key, isRetry: true },
    );
    expect(retry.id).toBe(first.id);
    const records = await pds.listRecords(user.did, 'app.bsky.feed.post');
    expect(records).toHaveLength(1);
    expect(records[0]?.value).toMatchObject({ text: 'Exactly once 🦋', langs: ['fr'] });
    expect(first.url).toContain(
      `/xrpc/com.atproto.repo.getRecord?repo=${encodeURIComponent(user.did)}`,
    );
  });

  it('agrees with the PDS on the 300-grapheme limit', async () => {
    const { blueskyAdapter } = await import('@/utils/networks/bluesky/adapter');
    const { account } = await connect();
    const fits = '👍🏽'.repeat(300);
    await expect(
      blueskyAdapter.publish(
        account,
        { text: fits },
        { idempotencyKey: blueskyAdapter.newIdempotencyKey(), isRetry: false },
      ),
    ).resolves.toMatchObject({ id: expect.stringContaining('app.bsky.feed.post') });
    await expect(
      blueskyAdapter.publish(
        account,
        { text: `${'a'.repeat(300)}!` },
        { idempotencyKey: blueskyAdapter.newIdempotencyKey(), isRetry: false },
      ),
    ).rejects.toMatchObject({ kind: 'validation', status: 400 });
  });

  it('resumes the stored session after a worker restart instead of signing in again', async () => {
    const { account, user } = await connect();
    vi.resetModules();
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    try {
      const { blueskyAdapter } = await import('@/utils/networks/bluesky/adapter');
      await blueskyAdapter.publish(
        account,
        { text: 'after restart' },
        { idempotencyKey: blueskyAdapter.newIdempotencyKey(), isRetry: false },
      );
      const called = fetchSpy.mock.calls.map(([input]) =>
        String(input instanceof Request ? input.url : input),
      );
      expect(called.some((url) => url.includes('com.atproto.server.createSession'))).toBe(false);
      expect(called.some((url) => url.includes('com.atproto.repo.createRecord'))).toBe(true);
    } finally {
      fetchSpy.mockRestore();
    }
    expect(
      (await pds.listRecords(user.did, 'app.bsky.feed.post')).map((r) => r.value.text),
    ).toEqual(['after restart']);
  });

  it('asks for reconnection once the session is gone', async () => {
    const { blueskyAdapter } = await import('@/utils/networks/bluesky/adapter');
    const { account } = await connect();
    await blueskyAdapter.disconnect(account);
    await expect(
      blueskyAdapter.publish(
        account,
        { text: 'nope' },
        { idempotencyKey: blueskyAdapter.newIdempotencyKey(), isRetry: false },
      ),
    ).rejects.toMatchObject({
      kind: 'auth',
      message: expect.stringContaining('Reconnect the account'),
    });
  });

  it('sends the session only to the PDS that issued it, whatever the account record says', async () => {
    const { account } = await connect();
    const recorder = await startRecorder();
    vi.resetModules();
    try {
      const { blueskyAdapter } = await import('@/utils/networks/bluesky/adapter');
      const moved: Account = { ...account, server: recorder.url };
      const reconnect = {
        kind: 'auth',
        message: `@${account.handle} was connected on ${new URL(pds.url).host}, but its record now names ${new URL(recorder.url).host}. Crosswind sends a login only to the server that issued it, so nothing was sent: reconnect the account.`,
      };
      await expect(blueskyAdapter.refresh(moved)).rejects.toMatchObject(reconnect);
      await expect(
        blueskyAdapter.publish(
          moved,
          { text: 'leak?' },
          { idempotencyKey: blueskyAdapter.newIdempotencyKey(), isRetry: false },
        ),
      ).rejects.toMatchObject(reconnect);
      expect(recorder.requests).toEqual([]);
      // The record put back as it was: the session works again.
      await expect(blueskyAdapter.refresh(account)).resolves.toMatchObject({
        handle: account.handle,
      });
    } finally {
      await recorder.close();
    }
  });

  it('asks to reconnect an account whose session was kept without its server', async () => {
    const { account } = await connect();
    const legacy = defineVaultItem<unknown>('bluesky-session');
    // How sessions were stored before they were bound to their PDS: the bare session.
    const bound = (await legacy.get(account.id)) as { secret: unknown };
    await legacy.set(account.id, bound.secret);
    vi.resetModules();
    const { blueskyAdapter } = await import('@/utils/networks/bluesky/adapter');
    await expect(blueskyAdapter.refresh(account)).rejects.toMatchObject({ kind: 'auth' });
  });

  it('posts a reply chain with self-labels on every part', async () => {
    const { blueskyAdapter } = await import('@/utils/networks/bluesky/adapter');
    const { account, user } = await connect();
    const options = () => ({ idempotencyKey: blueskyAdapter.newIdempotencyKey(), isRetry: false });
    const labels = ['graphic-media' as const];
    const root = await blueskyAdapter.publish(account, { text: 'Part one', labels }, options());
    const second = await blueskyAdapter.publish(
      account,
      { text: 'Part two', labels, replyTo: { root, parent: root } },
      options(),
    );
    await blueskyAdapter.publish(
      account,
      { text: 'Part three', labels, replyTo: { root, parent: second } },
      options(),
    );
    const records = await pds.listRecords(user.did, 'app.bsky.feed.post');
    const byText = new Map(records.map((record) => [record.value.text, record.value]));
    expect(byText.get('Part one')?.reply).toBeUndefined();
    expect(byText.get('Part two')?.reply).toEqual({
      root: { uri: root.id, cid: root.cid },
      parent: { uri: root.id, cid: root.cid },
    });
    expect(byText.get('Part three')?.reply).toEqual({
      root: { uri: root.id, cid: root.cid },
      parent: { uri: second.id, cid: second.cid },
    });
    for (const value of byText.values()) {
      expect(value.labels).toEqual({
        $type: 'com.atproto.label.defs#selfLabels',
        values: [{ val: 'graphic-media' }],
      });
    }
  });

  it('uploads an image blob and embeds it with alt text and aspect ratio', async () => {
    const { blueskyAdapter } = await import('@/utils/networks/bluesky/adapter');
    const { account, user } = await connect();
    const png = solidPng(40, 30, [30, 30, 200]);
    const media = await blueskyAdapter.uploadImage(
      account,
      {
        blob: new Blob([new Uint8Array(png)], { type: 'image/png' }),
        alt: 'A blue square',
        width: 40,
        height: 30,
      },
      {},
    );
    expect(media.blob).toMatchObject({ $type: 'blob', mimeType: 'image/png', size: png.length });
    await blueskyAdapter.publish(
      account,
      { text: 'With a picture', media: [media] },
      { idempotencyKey: blueskyAdapter.newIdempotencyKey(), isRetry: false },
    );
    const [record] = await pds.listRecords(user.did, 'app.bsky.feed.post');
    expect(record?.value.embed).toEqual({
      $type: 'app.bsky.embed.images',
      images: [
        {
          image: {
            $type: 'blob',
            ref: { $link: media.id },
            mimeType: 'image/png',
            size: png.length,
          },
          alt: 'A blue square',
          aspectRatio: { width: 40, height: 30 },
        },
      ],
    });
    const stored = await pds.getBlob(user.did, media.id);
    expect(stored.length).toBe(png.length);
    expect(blueskyAdapter.imageRules(account).maxBytes).toBe(1_000_000);
  });
  it('embeds a link card with its uploaded thumbnail, which the PDS serves', async () => {
    const { blueskyAdapter } = await import('@/utils/networks/bluesky/adapter');
    const { account, user } = await connect();
    const png = solidPng(60, 30, [200, 120, 0]);
    const thumb = await blueskyAdapter.uploadImage(
      account,
      {
        blob: new Blob([new Uint8Array(png)], { type: 'image/png' }),
        alt: '',
        width: 60,
        height: 30,
      },
      {},
    );
    await blueskyAdapter.publish(
      account,
      {
        text: 'Worth reading https://news.example/story',
        linkCard: {
          url: 'https://news.example/story',
          title: 'The story',
          description: 'What happened, in one line.',
          image: 'https://news.example/story.png',
          thumb,
        },
      },
      { idempotencyKey: blueskyAdapter.newIdempotencyKey(), isRetry: false },
    );
    const [record] = await pds.listRecords(user.did, 'app.bsky.feed.post');
    expect(record?.value.embed).toEqual({
      $type: 'app.bsky.embed.external',
      external: {
        uri: 'https://news.example/story',
        title: 'The story',
        description: 'What happened, in one line.',
        thumb: { $type: 'blob', ref: { $link: thumb.id }, mimeType: 'image/png', size: png.length },
      },
    });
    expect(Buffer.from(await pds.getBlob(user.did, thumb.id)).equals(png)).toBe(true);
  });

  it('caps and cleans the card text, lets images win, and drops a card that is not a web link', async () => {
    const { blueskyAdapter } = await import('@/utils/networks/bluesky/adapter');
    const { account, user } = await connect();
    const options = () => ({ idempotencyKey: blueskyAdapter.newIdempotencyKey(), isRetry: false });
    const card = {
      url: 'https://news.example/long',
      title: `<b>Loud</b>\u202E ${'t'.repeat(400)}`,
      description: 'd'.repeat(1500),
    };
    const capped = await blueskyAdapter.publish(
      account,
      { text: 'capped', linkCard: card },
      options(),
    );
    const png = solidPng(4, 3, [0, 0, 0]);
    const media = await blueskyAdapter.uploadImage(
      account,
      {
        blob: new Blob([new Uint8Array(png)], { type: 'image/png' }),
        alt: 'x',
        width: 4,
        height: 3,
      },
      {},
    );
    await blueskyAdapter.publish(
      account,
      { text: 'images', media: [media], linkCard: card },
      options(),
    );
    await blueskyAdapter.publish(
      account,
      { text: 'script', linkCard: { ...card, url: 'javascript:alert(1)' } },
      options(),
    );
    const byText = new Map(
      (await pds.listRecords(user.did, 'app.bsky.feed.post')).map((r) => [r.value.text, r.value]),
    );
    const embed = byText.get('capped')?.embed as { external?: Record<string, string> } | undefined;
    const external = embed?.external ?? {};
    expect(capped.id).toContain('app.bsky.feed.post');
    expect(countGraphemes(external.title ?? '')).toBe(300);
    expect(external.title).toMatch(/^Loud t+…$/);
    expect(countGraphemes(external.description ?? '')).toBe(1000);
    expect(external.thumb).toBeUndefined();
    expect(byText.get('images')?.embed).toMatchObject({ $type: 'app.bsky.embed.images' });
    expect(byText.get('script')?.embed).toBeUndefined();
  });
});

type Intercept = (url: string) => Response | 'hang' | undefined;

/**
 * Puts a misbehaving server between the adapter and the real PDS: requests whose address the
 * rule answers get that answer ('hang' never answers, until the request is aborted); the rest go
 * to the PDS.
 */
function interceptFetch(rule: Intercept) {
  const real = globalThis.fetch.bind(globalThis);
  return vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const request = input instanceof Request ? input : undefined;
    const url = request ? request.url : String(input);
    const answer = rule(url);
    if (answer === undefined) return real(input, init);
    if (answer !== 'hang') return Promise.resolve(answer);
    const signal = init?.signal ?? request?.signal;
    return new Promise<Response>((_, reject) => {
      signal?.addEventListener('abort', () => reject(signal.reason));
    });
  });
}

const CREATE = 'com.atproto.repo.createRecord';
const PROXY_PAGE = '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>';

const freshKey = async () => {
  const { blueskyAdapter } = await import('@/utils/networks/bluesky/adapter');
  return { idempotencyKey: blueskyAdapter.newIdempotencyKey(), isRetry: false };
};
const host = () => new URL(pds.url).host;

describe('Bluesky servers that answer nonsense', () => {
  it('keeps a mention whose handle does not resolve as plain text, and the PDS takes the post', async () => {
    const { blueskyAdapter } = await import('@/utils/networks/bluesky/adapter');
    const { account, user } = await connect();
    const text = `Hi @nobody-at-all.test and @${user.handle}`;
    await blueskyAdapter.publish(account, { text }, await freshKey());
    const [record] = await pds.listRecords(user.did, 'app.bsky.feed.post');
    expect(record?.value.text).toBe(text);
    expect(record?.value.facets).toHaveLength(1);
    expect(record?.value.facets).toMatchObject([
      {
        index: { byteStart: text.indexOf(`@${user.handle}`), byteEnd: text.length },
        features: [{ $type: 'app.bsky.richtext.facet#mention', did: user.did }],
      },
    ]);
  });

  it('gives up on a createRecord that never answers, and says it took too long', async () => {
    const { blueskyAdapter } = await import('@/utils/networks/bluesky/adapter');
    const { account, user } = await connect();
    const real = AbortSignal.timeout.bind(AbortSignal);
    const timeouts = vi.spyOn(AbortSignal, 'timeout').mockImplementation(() => real(300));
    const hung = interceptFetch((url) => (url.includes(CREATE) ? 'hang' : undefined));
    try {
      await expect(
        blueskyAdapter.publish(account, { text: 'hung' }, await freshKey()),
      ).rejects.toMatchObject({
        kind: 'network',
        retryable: true,
        message: `${host()} took too long to answer. Try again.`,
      });
    } finally {
      hung.mockRestore();
      timeouts.mockRestore();
    }
    expect(await pds.listRecords(user.did, 'app.bsky.feed.post')).toEqual([]);
  });

  it('says a proxy page is a web page instead of the API, with its status', async () => {
    const { blueskyAdapter } = await import('@/utils/networks/bluesky/adapter');
    const { account } = await connect();
    for (const status of [502, 200]) {
      const page = interceptFetch((url) =>
        url.includes(CREATE)
          ? new Response(PROXY_PAGE, { status, headers: { 'content-type': 'text/html' } })
          : undefined,
      );
      try {
        await expect(
          blueskyAdapter.publish(account, { text: 'proxied' }, await freshKey()),
        ).rejects.toMatchObject({
          kind: 'server',
          message: `${host()} answered with a web page instead of the API${status === 200 ? '' : ` (error ${status})`}.`,
        });
      } finally {
        page.mockRestore();
      }
    }
  });

  it('treats a createRecord answer without the record it made as a server error', async () => {
    const { blueskyAdapter } = await import('@/utils/networks/bluesky/adapter');
    const { account } = await connect();
    const empty = interceptFetch((url) =>
      url.includes(CREATE)
        ? new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } })
        : undefined,
    );
    try {
      await expect(
        blueskyAdapter.publish(account, { text: 'empty' }, await freshKey()),
      ).rejects.toMatchObject({
        kind: 'server',
        message: `${host()} sent an answer Crosswind cannot read.`,
      });
    } finally {
      empty.mockRestore();
    }
  });

  it('waits out the PDS’s rate-limit window when the reset header is hidden, or until the reset it can read', async () => {
    const { blueskyAdapter } = await import('@/utils/networks/bluesky/adapter');
    const { account } = await connect();
    const body = JSON.stringify({ error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' });
    const reset = Math.floor(Date.now() / 1000) + 120;
    const hidden: Record<string, string> = {};
    for (const headers of [hidden, { 'ratelimit-reset': String(reset) }]) {
      const limited = interceptFetch((url) =>
        url.includes(CREATE)
          ? new Response(body, {
              status: 429,
              headers: { 'content-type': 'application/json', ...headers },
            })
          : undefined,
      );
      try {
        const before = Date.now();
        const error = (await blueskyAdapter
          .publish(account, { text: 'limited' }, await freshKey())
          .catch((thrown: unknown) => thrown)) as { kind: string; retryAt: number };
        expect(error.kind).toBe('rate-limit');
        if ('ratelimit-reset' in headers) expect(error.retryAt).toBe(reset * 1000);
        else expect(error.retryAt).toBeGreaterThanOrEqual(before + 5 * 60_000);
      } finally {
        limited.mockRestore();
      }
    }
  });

  it('tells a post it deleted from one the PDS no longer had', async () => {
    const { blueskyAdapter } = await import('@/utils/networks/bluesky/adapter');
    const { account } = await connect();
    const post = await blueskyAdapter.publish(account, { text: 'delete twice' }, await freshKey());
    expect(await blueskyAdapter.remove(account, post)).toBe('deleted');
    expect(await blueskyAdapter.remove(account, post)).toBe('not-found');
  });
});
