import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  deleteEverywhere,
  listPosts,
  mastodonControl,
  pickAccounts,
  statusesContaining,
} from './helpers';

/** Posts a two-part thread to Mastodon and a single post to Bluesky, through the popup. */
async function postThreadAndSingle(popup: Page, marker: string): Promise<void> {
  await pickAccounts(popup, 'Mastodon', 'Bluesky');
  // A line of --- makes a thread of any length.
  await popup.getByLabel('Post text').fill(`Thread start ${marker}\n---\nThread end ${marker}`);
  await popup.getByRole('button', { name: 'Separate text for Bluesky' }).click();
  await popup.getByLabel('Text for Bluesky').fill(`Single post ${marker}`);
  await popup.getByRole('button', { name: 'Post' }).click();
  const delivery = popup.getByRole('region', { name: 'Delivery' });
  await expect(delivery.getByText('Posted a thread of 2')).toBeVisible();
  await expect(delivery.getByRole('link', { name: 'View post on Bluesky' })).toBeVisible();
}

test('the history shows where a post went and deletes it everywhere', async ({
  bothConnected,
  openHistory,
  openPopup,
  servers,
}) => {
  const { options, user } = bothConnected;
  await options.getByRole('link', { name: 'Sent posts' }).click();
  await expect(options.getByRole('heading', { name: 'Sent posts' })).toBeVisible();
  await expect(options.getByText(/^No sent posts yet/)).toBeVisible();

  // Opened before posting: the page follows the delivery live.
  const history = await openHistory();
  const marker = `h${Date.now()}`;
  await postThreadAndSingle(await openPopup(), marker);

  const item = history.getByRole('listitem').filter({ hasText: `Thread start ${marker}` });
  await expect(item.getByText(`Thread end ${marker}`)).toBeVisible();
  const mastodon = item.getByRole('listitem', { name: /\(Mastodon\)$/ });
  const bluesky = item.getByRole('listitem', { name: /\(Bluesky\)$/ });
  await expect(mastodon.getByText('Posted a thread of 2')).toBeVisible();
  await expect(bluesky.getByText('Posted', { exact: true })).toBeVisible();
  const statuses = await statusesContaining(servers.mastodon, marker);
  expect(statuses).toHaveLength(2);
  await expect(mastodon.getByRole('link', { name: 'View post on Mastodon' })).toHaveAttribute(
    'href',
    new RegExp(`/${statuses[0]!.id}$`),
  );
  const [record] = (await listPosts(servers.pds, user.did)).filter((r) =>
    r.value.text.includes(marker),
  );
  await expect(bluesky.getByRole('link', { name: 'View post on Bluesky' })).toHaveAttribute(
    'href',
    new RegExp(`${record!.uri.split('/').pop()}`),
  );
  await expect(item.getByRole('button', { name: /^Retry/ })).toHaveCount(0);

  // Deleting asks first; Cancel leaves everything as it was.
  await item.getByRole('button', { name: 'Delete everywhere' }).click();
  await item.getByRole('button', { name: 'Cancel' }).click();
  await expect(item.getByRole('button', { name: 'Delete everywhere' })).toBeFocused();
  await deleteEverywhere(item);

  await expect(item.getByRole('status')).toHaveText('Deleted from every account');
  await expect(mastodon.getByText('Deleted', { exact: true })).toBeVisible();
  await expect(bluesky.getByText('Deleted', { exact: true })).toBeVisible();
  await expect(item.getByRole('link')).toHaveCount(0);
  await expect(item.getByRole('button', { name: 'Delete everywhere' })).toHaveCount(0);
  const deleted = await statusesContaining(servers.mastodon, marker);
  expect(deleted.map((status) => status.deletedAt)).toEqual([
    expect.any(String),
    expect.any(String),
  ]);
  // The reply went first, so the thread was never left with its root gone.
  expect(Date.parse(deleted[1]!.deletedAt!)).toBeLessThanOrEqual(
    Date.parse(deleted[0]!.deletedAt!),
  );
  expect(
    (await listPosts(servers.pds, user.did)).filter((r) => r.value.text.includes(marker)),
  ).toEqual([]);

  // Removing it from the history forgets it locally.
  await item.getByRole('button', { name: 'Remove from history' }).click();
  await expect(history.getByText(/^No sent posts yet/)).toBeVisible();
});

test('a deletion that fails on one server says where, and deleting again finishes it', async ({
  bothConnected,
  openHistory,
  openPopup,
  servers,
}) => {
  const { user } = bothConnected;
  const marker = `f${Date.now()}`;
  await postThreadAndSingle(await openPopup(), marker);
  const [root, reply] = await statusesContaining(servers.mastodon, marker);
  await mastodonControl(servers.mastodon, 'fail', {
    status: 500,
    times: 1,
    method: 'DELETE',
    path: `/api/v1/statuses/${root!.id}`,
  });

  const history = await openHistory();
  const item = history.getByRole('listitem').filter({ hasText: `Thread start ${marker}` });
  await deleteEverywhere(item);

  const mastodon = item.getByRole('listitem', { name: /\(Mastodon\)$/ });
  await expect(mastodon.getByRole('alert')).toContainText(
    /^Could not delete from @.*\(Mastodon\): /,
  );
  await expect(mastodon.getByRole('alert')).toContainText('had a problem (error 500)');
  await expect(item.getByRole('status')).toHaveText('Deleted from 1 of 2 accounts');
  await expect(
    item.getByRole('listitem', { name: /\(Bluesky\)$/ }).getByText('Deleted', { exact: true }),
  ).toBeVisible();
  expect(
    (await listPosts(servers.pds, user.did)).filter((r) => r.value.text.includes(marker)),
  ).toEqual([]);
  const afterFailure = await statusesContaining(servers.mastodon, marker);
  expect(afterFailure.find((status) => status.id === root!.id)?.deletedAt).toBeNull();
  expect(afterFailure.find((status) => status.id === reply!.id)?.deletedAt).not.toBeNull();

  // The entry stayed, so deleting again finishes the job.
  await deleteEverywhere(item);
  await expect(item.getByRole('status')).toHaveText('Deleted from every account');
  await expect(item.getByRole('alert')).toHaveCount(0);
  const final = await statusesContaining(servers.mastodon, marker);
  expect(final.every((status) => status.deletedAt !== null)).toBe(true);
});
