import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  connectBlueskyViaUi,
  connectMastodonViaUi,
  createBlueskyUser,
  listPosts,
  mastodonControl,
  statusesContaining,
  useLocalDirectory,
  stopWorker,
} from './helpers';
import { makePhotos } from './photos';

async function postFromPopup(popup: Page, text: string): Promise<void> {
  await popup.getByLabel('Post text').fill(text);
  for (const box of await popup.getByRole('group', { name: 'Post to' }).getByRole('checkbox').all())
    await box.check();
  await popup.getByRole('button', { name: 'Post' }).click();
}

test('a stopped service worker resumes every post, and each account gets exactly one', async ({
  context,
  openOptions,
  openPopup,
  openHistory,
  servers,
}) => {
  const options = await openOptions();
  // Two Mastodon accounts (alice and bob) and two Bluesky accounts.
  await connectMastodonViaUi(context, options, servers.mastodon);
  await expect(options.getByText('Connected', { exact: true })).toHaveCount(1);
  await mastodonControl(servers.mastodon, 'signed-in-user', { username: 'bob' });
  try {
    await connectMastodonViaUi(context, options, servers.mastodon);
    await expect(options.getByText('Connected', { exact: true })).toHaveCount(2);
  } finally {
    await mastodonControl(servers.mastodon, 'signed-in-user', { username: 'alice' });
  }
  await useLocalDirectory(options, servers.pds, servers.plc);
  const bluesky = [
    await createBlueskyUser(servers.pds, 'stopa'),
    await createBlueskyUser(servers.pds, 'stopb'),
  ];
  for (const [index, user] of bluesky.entries()) {
    await connectBlueskyViaUi(options, user.handle, user.appPassword);
    await expect(options.getByText('Connected', { exact: true })).toHaveCount(3 + index);
  }

  /** The history page says the post reached all four accounts. */
  const historySaysDone = async (marker: string) => {
    const history = await openHistory();
    const item = history.getByRole('listitem').filter({ hasText: marker }).first();
    await expect(item.getByText('Posted', { exact: true })).toHaveCount(4, { timeout: 20_000 });
    await history.close();
  };

  const check = async (marker: string) => {
    const statuses = await statusesContaining(servers.mastodon, marker);
    expect(statuses.map((status) => status.username).sort()).toEqual(['alice', 'bob']);
    for (const user of bluesky) {
      const records = (await listPosts(servers.pds, user.did)).filter((record) =>
        record.value.text.includes(marker),
      );
      expect(records).toHaveLength(1);
    }
  };

  // 1. Stopped the moment the post is recorded: its requests may or may not have gone out.
  let marker = `s1${Date.now()}`;
  let popup = await openPopup();
  await postFromPopup(popup, `Stopped at once ${marker}`);
  // The job is on disk once the popup shows it; the worker is stopped right then.
  await expect(popup.getByRole('region', { name: 'Delivery' })).toBeVisible();
  await stopWorker(context, popup);
  await popup.close();
  // Opening the popup is the next event: it starts a fresh worker, which resumes the post.
  popup = await openPopup();
  await historySaysDone(marker);
  await check(marker);

  // 2. Stopped while the Mastodon requests are on the wire and their answers not yet recorded.
  marker = `s2${Date.now()}`;
  await mastodonControl(servers.mastodon, 'delay', {
    ms: 3000,
    path: '/api/v1/statuses',
    times: 2,
  });
  await postFromPopup(popup, `Stopped mid-request ${marker}`);
  // Both Bluesky posts are done and both Mastodon requests are held by the server.
  const delivery = popup.getByRole('region', { name: 'Delivery' });
  await expect(delivery.getByText('Posted', { exact: true })).toHaveCount(2);
  await expect(delivery.getByText('Posting…', { exact: true })).toHaveCount(2);
  await stopWorker(context, popup);
  await popup.close();
  // The server finishes the requests the stopped worker never heard back from.
  await expect
    .poll(async () => (await statusesContaining(servers.mastodon, marker)).length, {
      timeout: 10_000,
    })
    .toBe(2);
  popup = await openPopup();
  await historySaysDone(marker);
  // The resumed worker sent the same Idempotency-Key again, so the server did not post twice.
  await check(marker);

  // 3. Stopped while the Mastodon uploads are on the wire, after Bluesky's were recorded.
  marker = `s3${Date.now()}`;
  const [photo] = await makePhotos([{ name: 'stop.jpg', width: 1600, height: 1200 }]);
  await mastodonControl(servers.mastodon, 'delay', { ms: 3000, path: '/api/v2/media', times: 2 });
  await popup.getByLabel('Add images').setInputFiles([photo!]);
  await popup.getByLabel('Alt text for stop.jpg').fill('A generated photo');
  await postFromPopup(popup, `Stopped mid-upload ${marker}`);
  const uploading = popup.getByRole('region', { name: 'Delivery' });
  await expect(uploading.getByText('Posted', { exact: true })).toHaveCount(2);
  await expect(uploading.getByText('Uploading images…', { exact: true })).toHaveCount(2);
  await stopWorker(context, popup);
  await popup.close();
  popup = await openPopup();
  await historySaysDone(marker);
  await check(marker);
  for (const status of await statusesContaining(servers.mastodon, marker)) {
    const media = (status as unknown as { media: Array<{ description: string }> }).media;
    expect(media.map((item) => item.description)).toEqual(['A generated photo']);
  }
});

test('a server answering 503 twice, then 200, ends in exactly one post', async ({
  mastodonConnected: _connected,
  openPopup,
  servers,
}) => {
  await mastodonControl(servers.mastodon, 'fail', {
    status: 503,
    times: 2,
    path: '/api/v1/statuses',
  });
  const marker = `u${Date.now()}`;
  const popup = await openPopup();
  await postFromPopup(popup, `Flaky server ${marker}`);
  const delivery = popup.getByRole('region', { name: 'Delivery' });
  await expect(delivery.getByText(/^Retrying at /)).toBeVisible();
  await expect(delivery.getByRole('link', { name: 'View post on Mastodon' })).toBeVisible({
    timeout: 20_000,
  });
  const statuses = await statusesContaining(servers.mastodon, marker);
  expect(statuses).toHaveLength(1);
});

test('a 429 with a reset time waits for it, then posts', async ({
  mastodonConnected: _connected,
  openPopup,
  servers,
}) => {
  await mastodonControl(servers.mastodon, 'fail', {
    status: 429,
    times: 1,
    path: '/api/v1/statuses',
    retryAfterSeconds: 4,
  });
  const marker = `l${Date.now()}`;
  const popup = await openPopup();
  const pressed = Date.now();
  await postFromPopup(popup, `Rate limited ${marker}`);
  const delivery = popup.getByRole('region', { name: 'Delivery' });
  await expect(delivery.getByText(/^Retrying at /)).toBeVisible();
  await expect(delivery.getByRole('link', { name: 'View post on Mastodon' })).toBeVisible({
    timeout: 20_000,
  });
  const [status] = await statusesContaining(servers.mastodon, marker);
  // Not before the reset time the server gave.
  expect(Date.parse(status!.createdAt) - pressed).toBeGreaterThanOrEqual(3_500);
});

test('a revoked token waits for the account to be reconnected, then the post goes out', async ({
  bothConnected,
  context,
  openPopup,
  servers,
}) => {
  const { options, user } = bothConnected;
  await mastodonControl(servers.mastodon, 'revoke', {});
  const marker = `k${Date.now()}`;
  const popup = await openPopup();
  await postFromPopup(popup, `After reconnecting ${marker}`);
  const delivery = popup.getByRole('region', { name: 'Delivery' });
  await expect(delivery.getByRole('link', { name: 'View post on Bluesky' })).toBeVisible();
  await expect(delivery.getByText('Waiting for you to reconnect')).toBeVisible();
  expect(await statusesContaining(servers.mastodon, marker)).toHaveLength(0);

  await options.reload();
  const reconnected = context.waitForEvent('page');
  await options.getByRole('button', { name: /^Reconnect .*\(Mastodon\)$/ }).click();
  await (await reconnected).getByRole('button', { name: 'Authorize' }).click();
  await expect(options.getByText('Connected', { exact: true })).toHaveCount(2);

  await expect(delivery.getByRole('link', { name: 'View post on Mastodon' })).toBeVisible({
    timeout: 15_000,
  });
  expect(await statusesContaining(servers.mastodon, marker)).toHaveLength(1);
  const records = (await listPosts(servers.pds, user.did)).filter((record) =>
    record.value.text.includes(marker),
  );
  expect(records).toHaveLength(1);
});
