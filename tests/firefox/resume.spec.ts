import { listPosts, mastodonControl, statusesContaining } from '../servers/records';
import { expect, test } from './fixtures';
import { ADDON_ID } from './firefox';
import { connectBoth, deliveryRegion, expectTextCount, pickAllAccounts } from './flows';
import { byRole, firstByRole, clickRole, fillLabel } from './queries';

test('a stopped event page resumes the unfinished post, and each account gets it exactly once', async ({
  browserChrome,
  firefox,
  openHistory,
  openOptions,
  openPopup,
  servers,
}) => {
  const options = await openOptions();
  const user = await connectBoth(firefox.browser, options, servers);
  const marker = `stop${Date.now()}`;
  // The server holds the status request, so the background is stopped with it on the wire.
  await mastodonControl(servers.mastodon, 'delay', {
    ms: 3000,
    path: '/api/v1/statuses',
    times: 1,
  });

  let popup = await openPopup();
  await pickAllAccounts(popup);
  await fillLabel(popup, 'Post text', `Stopped mid-request ${marker}`);
  await clickRole(popup, 'button', 'Post');
  const delivery = await deliveryRegion(popup);
  await expectTextCount(delivery, 'Posted', 1, 15_000);
  await expectTextCount(delivery, 'Posting…', 1);

  // What Firefox does to an idle event page: its globals and timers are gone.
  await browserChrome.stopBackground(ADDON_ID);
  expect(await browserChrome.backgroundRunning(ADDON_ID)).toBe(false);
  await popup.close();
  // The server finishes the request the stopped background never heard back from.
  await expect
    .poll(async () => (await statusesContaining(servers.mastodon, marker)).length, {
      timeout: 10_000,
    })
    .toBe(1);

  // Opening the composer messages the background: a fresh event page starts and resumes the post.
  popup = await openPopup();
  await expect.poll(() => browserChrome.backgroundRunning(ADDON_ID)).toBe(true);
  const history = await openHistory();
  const item = await firstByRole(history, 'listitem', new RegExp(marker));
  await expectTextCount(item, 'Posted', 2, 20_000);
  await byRole(item, 'link', 'View post on Mastodon');

  // The resumed background sent the same Idempotency-Key again: still one status, one record.
  const statuses = await statusesContaining(servers.mastodon, marker);
  expect(statuses).toHaveLength(1);
  const records = (await listPosts(servers.pds, user.did)).filter((record) =>
    record.value.text.includes(marker),
  );
  expect(records).toHaveLength(1);
});
