import type { BrowserContext, Page } from '@playwright/test';
import { startMastodonServer, type MastodonServer } from '../servers/mastodon';
import { solidPng } from '../servers/mastodon/images';
import { expect, test } from './fixtures';
import { connectMastodonViaUi } from './helpers';

// Mastodon-API servers that are not Mastodon, connected and posted to through their own test
// server flavors, each with the differences its software documents.

let pixelfed: MastodonServer;
let gotosocial: MastodonServer;

test.beforeAll(async () => {
  pixelfed = await startMastodonServer({ flavor: 'pixelfed' });
  gotosocial = await startMastodonServer({ flavor: 'gotosocial' });
});
test.afterAll(async () => {
  await Promise.all([pixelfed.close(), gotosocial.close()]);
});

const photo = { name: 'red.png', mimeType: 'image/png', buffer: solidPng(64, 48, [200, 30, 30]) };

/** Connects a server typed into the Mastodon form, as anyone would; answers its account label. */
async function connect(
  context: BrowserContext,
  options: Page,
  server: MastodonServer,
  software: string,
): Promise<string> {
  await connectMastodonViaUi(context, options, server.url);
  const label = `@alice@${new URL(server.url).host} (${software})`;
  await expect(options.getByRole('listitem', { name: label })).toContainText('Connected');
  return label;
}

function statusPosts(server: MastodonServer) {
  return server.state.requests.filter(
    (request) => request.method === 'POST' && request.path === '/api/v1/statuses',
  );
}

test('Pixelfed: a text-only post is refused before anything is sent, a photo post goes out', async ({
  context,
  openOptions,
  openPopup,
}) => {
  const label = await connect(context, await openOptions(), pixelfed, 'Pixelfed');
  const sentBefore = statusPosts(pixelfed).length;
  const popup = await openPopup();
  await popup.getByRole('checkbox', { name: label }).check();
  await popup.getByLabel('Post text').fill('Only words');
  const counters = popup.getByRole('list', { name: 'Length per account' });
  await expect(counters.getByText('Pixelfed needs a photo', { exact: true })).toBeVisible();
  await expect(popup.locator('#post-why')).toHaveText(
    `Pixelfed needs a photo: add one, or leave out ${label}.`,
  );
  await expect(popup.getByRole('button', { name: 'Post' })).toBeDisabled();
  await popup.getByLabel('Post text').press('Control+Enter');
  expect(statusPosts(pixelfed).length).toBe(sentBefore);

  await popup.getByLabel('Add images').setInputFiles([photo]);
  await popup.getByLabel('Alt text for red.png').fill('A red rectangle');
  await expect(counters.getByText('Pixelfed needs a photo', { exact: true })).toBeHidden();
  await popup.getByRole('button', { name: 'Post' }).click();
  const delivery = popup.getByRole('region', { name: 'Delivery' });
  await expect(delivery.getByRole('link', { name: 'View post on Pixelfed' })).toBeVisible({
    timeout: 30_000,
  });
  const status = pixelfed.state.statuses.at(-1);
  expect(status?.text).toBe('Only words');
  expect(status?.mediaIds).toHaveLength(1);
});

test('Pixelfed: a retry whose first answer was lost meets the duplicate-key 400 and ends in one post', async ({
  context,
  openOptions,
  openPopup,
}) => {
  const label = await connect(context, await openOptions(), pixelfed, 'Pixelfed');
  const before = pixelfed.state.statuses.length;
  // The server posts, then the answer is lost: the retry carries the same Idempotency-Key.
  pixelfed.control.fail({ status: 502, times: 1, path: '/api/v1/statuses', afterHandling: true });
  const popup = await openPopup();
  await popup.getByRole('checkbox', { name: label }).check();
  await popup.getByLabel('Post text').fill('Exactly once');
  await popup.getByLabel('Add images').setInputFiles([photo]);
  await popup.getByLabel('Alt text for red.png').fill('A red rectangle');
  await popup.getByRole('button', { name: 'Post' }).click();
  const delivery = popup.getByRole('region', { name: 'Delivery' });
  await expect(delivery.getByRole('link', { name: 'View post on Pixelfed' })).toBeVisible({
    timeout: 30_000,
  });
  expect(pixelfed.state.statuses.length - before).toBe(1);
  const keys = statusPosts(pixelfed).slice(-2);
  expect(keys.map((request) => request.status)).toEqual([502, 400]);
  expect(keys[0]?.idempotencyKey).toBe(keys[1]?.idempotencyKey);
  const posted = pixelfed.state.statuses.at(-1);
  await expect(delivery.getByRole('link', { name: 'View post on Pixelfed' })).toHaveAttribute(
    'href',
    `${pixelfed.url}/@alice/${posted?.id}`,
  );
});

test('Pixelfed: an expired token is renewed with its refresh token and the post goes out', async ({
  context,
  openOptions,
  openPopup,
}) => {
  const options = await openOptions();
  const label = await connect(context, options, pixelfed, 'Pixelfed');
  const before = pixelfed.state.statuses.length;
  expect(pixelfed.control.expireTokens('alice')).toBeGreaterThan(0);
  const popup = await openPopup();
  await popup.getByRole('checkbox', { name: label }).check();
  await popup.getByLabel('Post text').fill('After the token expired');
  await popup.getByLabel('Add images').setInputFiles([photo]);
  await popup.getByLabel('Alt text for red.png').fill('A red rectangle');
  await popup.getByRole('button', { name: 'Post' }).click();
  const delivery = popup.getByRole('region', { name: 'Delivery' });
  await expect(delivery.getByRole('link', { name: 'View post on Pixelfed' })).toBeVisible({
    timeout: 30_000,
  });
  expect(pixelfed.state.statuses.length - before).toBe(1);
  const refreshed = pixelfed.state.requests.filter((request) => request.path === '/oauth/token');
  expect(refreshed.at(-1)?.status).toBe(200);
  await options.reload();
  await expect(options.getByRole('listitem', { name: label })).toContainText('Connected');
});

test('GoToSocial: named by its software, posted once although it ignores Idempotency-Key', async ({
  context,
  openOptions,
  openPopup,
}) => {
  const label = await connect(context, await openOptions(), gotosocial, 'GoToSocial');
  const before = gotosocial.state.statuses.length;
  gotosocial.control.fail({ status: 502, times: 1, path: '/api/v1/statuses', afterHandling: true });
  const popup = await openPopup();
  await popup.getByRole('checkbox', { name: label }).check();
  // 900 characters: over Mastodon's 500, within GoToSocial's 5000 from its instance.
  const text = `Long enough for one post here. ${'word '.repeat(174)}`.trim();
  await popup.getByLabel('Post text').fill(text);
  await expect(popup.getByRole('button', { name: 'Post' })).toBeEnabled();
  await popup.getByRole('button', { name: 'Post' }).click();
  const delivery = popup.getByRole('region', { name: 'Delivery' });
  await expect(delivery.getByRole('link', { name: 'View post on Mastodon' })).toBeVisible({
    timeout: 30_000,
  });
  // The retry looked for the lost post instead of sending it again.
  expect(gotosocial.state.statuses.length - before).toBe(1);
  expect(statusPosts(gotosocial).slice(-1)[0]?.status).toBe(502);
  expect(gotosocial.state.statuses.at(-1)?.text).toBe(text);
});
