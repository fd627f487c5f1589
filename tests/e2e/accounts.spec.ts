import { expect, test } from './fixtures';
import {
  connectBlueskyViaUi,
  connectMastodonViaUi,
  createBlueskyUser,
  mastodonControl,
  useLocalDirectory,
} from './helpers';

test('connects a Mastodon account through the server consent page', async ({
  context,
  openOptions,
  servers,
}) => {
  const options = await openOptions();
  await connectMastodonViaUi(context, options, servers.mastodon);

  const host = new URL(servers.mastodon).host;
  const account = options.getByRole('listitem', { name: `@alice@${host} (Mastodon)` });
  await expect(account).toBeVisible();
  await expect(account.getByText('Alice Sandbox')).toBeVisible();
  await expect(account.getByText('Connected')).toBeVisible();
  await expect(account.getByText(`@alice · Mastodon · ${host}`)).toBeVisible();
  await expect(account.locator('img')).toHaveAttribute('src', /^http:\/\/127\.0\.0\.1/);

  // Removing the account revokes its token on the server.
  const before = await mastodonControl<Array<{ revoked: boolean }>>(servers.mastodon, 'tokens');
  await account.getByRole('button', { name: /^Remove/ }).click();
  await options.getByRole('button', { name: /^Yes, remove/ }).click();
  await expect(options.getByText('No accounts yet. Connect one below.')).toBeVisible();
  const after = await mastodonControl<Array<{ revoked: boolean }>>(servers.mastodon, 'tokens');
  expect(after.filter((token) => token.revoked).length).toBe(
    before.filter((token) => token.revoked).length + 1,
  );
});

test('says so plainly when the person denies the authorization', async ({
  context,
  openOptions,
  servers,
}) => {
  const options = await openOptions();
  await connectMastodonViaUi(context, options, servers.mastodon, 'Deny');
  await expect(options.getByRole('alert')).toContainText('You declined the authorization');
  await expect(options.getByText('No accounts yet. Connect one below.')).toBeVisible();
});

test('explains servers that are unreachable or not Mastodon', async ({ openOptions, servers }) => {
  const options = await openOptions();
  const field = options.getByLabel('Mastodon server');
  const connect = options.getByRole('button', { name: 'Connect Mastodon account' });

  await field.fill('http://127.0.0.1:9');
  await connect.click();
  await expect(options.getByRole('alert')).toContainText('Could not reach 127.0.0.1:9');

  await field.fill(servers.pds);
  await connect.click();
  await expect(options.getByRole('alert')).toContainText('does not look like a Mastodon server');

  await field.fill('http://example.com');
  await connect.click();
  await expect(options.getByRole('alert')).toContainText('Use an https:// address');
});

test('connects a Bluesky account by its handle and an app password', async ({
  openOptions,
  servers,
}) => {
  const user = await createBlueskyUser(servers.pds, 'bob');
  const options = await openOptions();
  await useLocalDirectory(options, servers.pds, servers.plc);
  await connectBlueskyViaUi(options, `@${user.handle}`, user.appPassword);

  const account = options.getByRole('listitem', { name: `@${user.handle} (Bluesky)` });
  await expect(account).toBeVisible();
  await expect(account.getByText('Connected')).toBeVisible();
  await expect(
    account.getByText(`@${user.handle} · Bluesky · ${new URL(servers.pds).host}`),
  ).toBeVisible();
});

test('a wrong app password gives a clear error and no account', async ({
  openOptions,
  servers,
}) => {
  const user = await createBlueskyUser(servers.pds, 'carol');
  const options = await openOptions();
  await useLocalDirectory(options, servers.pds, servers.plc);
  await connectBlueskyViaUi(options, user.handle, 'aaaa-bbbb-cccc-dddd');

  await expect(options.getByRole('alert')).toContainText('Wrong handle or app password');
  await expect(options.getByText('No accounts yet. Connect one below.')).toBeVisible();

  await connectBlueskyViaUi(options, 'nobody-here.test', 'aaaa-bbbb-cccc-dddd');
  await expect(options.getByRole('alert')).toContainText(
    'No Bluesky account is called @nobody-here.test',
  );
});

test('an account whose token was revoked asks to be reconnected, and Reconnect fixes it', async ({
  context,
  openOptions,
  servers,
}) => {
  let options = await openOptions();
  await connectMastodonViaUi(context, options, servers.mastodon);
  const name = `@alice@${new URL(servers.mastodon).host} (Mastodon)`;
  await expect(options.getByRole('listitem', { name }).getByText('Connected')).toBeVisible();

  await mastodonControl(servers.mastodon, 'revoke', { username: 'alice' });
  await options.close();
  options = await openOptions();
  const account = options.getByRole('listitem', { name });
  await expect(account.getByText('Needs reconnecting')).toBeVisible();

  const consentOpened = context.waitForEvent('page');
  await account.getByRole('button', { name: `Reconnect ${name}` }).click();
  await (await consentOpened).getByRole('button', { name: 'Authorize' }).click();
  await expect(account.getByText('Connected')).toBeVisible();
  // One account, not two: the reconnect replaced it (connect forms have lists of their own).
  await expect(
    options.getByRole('list', { name: 'Connected accounts' }).getByRole('listitem'),
  ).toHaveCount(1);
});

test('closing the sign-in window connects nothing and says why', async ({
  context,
  openOptions,
  servers,
}) => {
  const options = await openOptions();
  await options.getByLabel('Mastodon server').fill(servers.mastodon);
  const consentOpened = context.waitForEvent('page');
  await options.getByRole('button', { name: 'Connect Mastodon account' }).click();
  await (await consentOpened).close();
  await expect(options.getByRole('alert')).toContainText(
    'The sign-in window was closed before you authorized Crosswind. Nothing was connected.',
  );
  await expect(options.getByText('No accounts yet. Connect one below.')).toBeVisible();
  await expect(options.getByRole('button', { name: 'Connect Mastodon account' })).toBeEnabled();
});
