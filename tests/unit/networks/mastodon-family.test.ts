import { storedText } from '@/utils/i18n/wording';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { solidPng } from '../../servers/mastodon/images.ts';
import { startMastodonServer, type MastodonServer } from '../../servers/mastodon';
import { accountLabel, capabilitiesOf } from '@/utils/networks/info';
import { ADAPTERS } from '@/utils/networks';
import { beginConnect, finishConnect } from '@/utils/networks/sign-in';
import type { Account, OutgoingPost, UploadedMedia } from '@/utils/networks/types';

const servers: MastodonServer[] = [];
let pixelfed: MastodonServer;
let gotosocial: MastodonServer;
let mastodon: MastodonServer;

beforeAll(async () => {
  pixelfed = await startMastodonServer({ flavor: 'pixelfed', autoApprove: true });
  gotosocial = await startMastodonServer({ flavor: 'gotosocial', autoApprove: true });
  mastodon = await startMastodonServer({ autoApprove: true });
  servers.push(pixelfed, gotosocial, mastodon);
});
afterAll(() => Promise.all(servers.map((server) => server.close())));
beforeEach(() => {
  vi.spyOn(browser.identity, 'getRedirectURL').mockReturnValue(
    'https://extension-id.chromiumapp.org/',
  );
});

/** Connects through the Mastodon form, as a person typing any Mastodon-API server would. */
async function connectThroughMastodonForm(server: MastodonServer): Promise<Account> {
  const answer = await beginConnect('mastodon', { server: server.url });
  if (!('authorizeUrl' in answer)) throw new Error('expected a redirect sign-in');
  const consent = await fetch(answer.authorizeUrl, { redirect: 'manual' });
  return finishConnect(answer.network, consent.headers.get('location') ?? '');
}

const key = () => ({ idempotencyKey: crypto.randomUUID(), isRetry: false });

async function photo(account: Account): Promise<UploadedMedia> {
  const png = solidPng(16, 16, [0, 120, 200]);
  return ADAPTERS[account.network].uploadImage(
    account,
    {
      blob: new Blob([new Uint8Array(png)], { type: 'image/png' }),
      alt: 'blue',
      width: 16,
      height: 16,
    },
    {},
  );
}

describe('a Pixelfed server typed into the Mastodon form', () => {
  it('is signed in as Pixelfed, with only the coarse scopes, and named with its software', async () => {
    const answer = await beginConnect('mastodon', { server: pixelfed.url });
    expect(answer).toMatchObject({ network: 'pixelfed' });
    if (!('authorizeUrl' in answer)) throw new Error('expected a redirect sign-in');
    expect(new URL(answer.authorizeUrl).searchParams.get('scope')).toBe('read write');

    const account = await connectThroughMastodonForm(pixelfed);
    expect(account).toMatchObject({
      network: 'pixelfed',
      software: { name: 'pixelfed', version: '0.12.5' },
      limits: { maxCharacters: 500, maxMediaAttachments: 4, altTextLimit: 1000 },
    });
    expect(account.id).toBe(`pixelfed:${new URL(pixelfed.url).host}:${account.remoteId}`);
    expect(accountLabel(account)).toBe(`@alice@${new URL(pixelfed.url).host} (Pixelfed)`);
    expect(capabilitiesOf(account)).toMatchObject({
      visibilities: ['public', 'unlisted', 'private'],
      media: { topLevelNeedsMedia: true },
      serverScheduling: null,
    });
    expect(ADAPTERS.pixelfed.schedule).toBeUndefined();
  });

  it('takes the duplicate-key 400 on a retry as posted, and finds that one status', async () => {
    const account = await connectThroughMastodonForm(pixelfed);
    const before = pixelfed.state.statuses.length;
    const post: OutgoingPost = { text: 'Only once', media: [await photo(account)] };
    const options = { idempotencyKey: crypto.randomUUID(), isRetry: false };
    const first = await ADAPTERS.pixelfed.publish(account, post, options);
    const again = await ADAPTERS.pixelfed.publish(account, post, { ...options, isRetry: true });
    expect(again).toEqual(first);
    expect(pixelfed.state.statuses.length - before).toBe(1);
    const keyed = pixelfed.state.requests.filter(
      (request) => request.idempotencyKey === options.idempotencyKey,
    );
    expect(keyed.map((request) => request.status)).toEqual([200, 400]);
  });

  it('posts a text-only reply in a thread', async () => {
    const account = await connectThroughMastodonForm(pixelfed);
    const root = await ADAPTERS.pixelfed.publish(
      account,
      { text: 'Photo first', media: [await photo(account)] },
      key(),
    );
    const reply = await ADAPTERS.pixelfed.publish(
      account,
      { text: 'Words after', replyTo: { root, parent: root } },
      key(),
    );
    expect(pixelfed.state.statuses.find((status) => status.id === reply.id)?.inReplyToId).toBe(
      root.id,
    );
  });

  it('renews an expired token with its refresh token, and asks to reconnect only when that fails', async () => {
    const account = await connectThroughMastodonForm(pixelfed);
    pixelfed.control.expireTokens('alice');
    const snapshot = await ADAPTERS.pixelfed.refresh(account);
    expect(snapshot.handle).toBe('alice');
    const refreshes = pixelfed.state.tokens.filter((token) => token.refreshToken === '');
    expect(refreshes.length).toBeGreaterThan(0);

    pixelfed.control.revokeAllTokens('alice');
    await expect(ADAPTERS.pixelfed.refresh(account)).rejects.toMatchObject({ kind: 'auth' });
  });

  it('says a photo is needed when the server refuses a photo-less post', async () => {
    const account = await connectThroughMastodonForm(pixelfed);
    await expect(
      ADAPTERS.pixelfed.publish(
        account,
        { text: 'No photo' },
        { idempotencyKey: crypto.randomUUID(), isRetry: false },
      ),
    ).rejects.toMatchObject({
      kind: 'validation',
      message: 'Pixelfed needs a photo: add one to post there.',
    });
  });
});

describe('the Mastodon-API base’s checks, on a Pixelfed server', () => {
  it('deletes a post once, and says the server did not have it when asked again', async () => {
    const account = await connectThroughMastodonForm(pixelfed);
    const post = await ADAPTERS.pixelfed.publish(
      account,
      { text: 'Gone soon', media: [await photo(account)] },
      key(),
    );
    await expect(ADAPTERS.pixelfed.remove(account, post)).resolves.toBe('deleted');
    await expect(ADAPTERS.pixelfed.remove(account, post)).resolves.toBe('not-found');
  });

  it('sets absurd limits aside for Pixelfed’s own, and names Pixelfed in the note', async () => {
    pixelfed.control.quirks({ instanceStatuses: { max_characters: -1 } });
    try {
      const account = await connectThroughMastodonForm(pixelfed);
      expect(account.limits.maxCharacters).toBe(500);
      expect(storedText(account.limits.note!)).toBe(
        `${new URL(pixelfed.url).host} reported limits Crosswind cannot use (max_characters -1); Pixelfed’s usual limits are used instead.`,
      );
    } finally {
      pixelfed.control.reset();
    }
  });
});

describe('a GoToSocial server', () => {
  it('stays a Mastodon account, named GoToSocial, that Crosswind schedules and looks up before retrying', async () => {
    const account = await connectThroughMastodonForm(gotosocial);
    expect(account).toMatchObject({
      network: 'mastodon',
      software: { name: 'gotosocial' },
      limits: { maxCharacters: 5000, maxMediaAttachments: 6, countsCodePoints: true },
      capabilities: { serverScheduling: null, idempotency: 'lookup-before-retry' },
    });
    expect(accountLabel(account)).toBe(`@alice@${new URL(gotosocial.url).host} (GoToSocial)`);
  });

  it('does not post a retry twice although the server ignores Idempotency-Key', async () => {
    const account = await connectThroughMastodonForm(gotosocial);
    const before = gotosocial.state.statuses.length;
    const post: OutgoingPost = { text: `Retry me ${crypto.randomUUID()}` };
    const options = { idempotencyKey: crypto.randomUUID(), isRetry: false };
    const first = await ADAPTERS.mastodon.publish(account, post, options);
    const again = await ADAPTERS.mastodon.publish(account, post, { ...options, isRetry: true });
    expect(again.id).toBe(first.id);
    expect(gotosocial.state.statuses.length - before).toBe(1);
  });
});

describe('a stock Mastodon server', () => {
  it('keeps Mastodon’s scopes and capabilities, and its software from nodeinfo', async () => {
    const answer = await beginConnect('mastodon', { server: mastodon.url });
    if (!('authorizeUrl' in answer)) throw new Error('expected a redirect sign-in');
    expect(answer.network).toBe('mastodon');
    expect(new URL(answer.authorizeUrl).searchParams.get('scope')).toBe(
      'write:statuses write:media read:accounts',
    );
    const account = await connectThroughMastodonForm(mastodon);
    expect(account.software).toEqual({ name: 'mastodon', version: '4.4.0' });
    expect(account.capabilities).toBeUndefined();
    expect(capabilitiesOf(account).serverScheduling).toEqual({ minLeadMs: 300_000 });
  });
});
