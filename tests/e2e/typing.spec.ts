import { expect, test } from './fixtures';
import { pickAccounts, statusesContaining } from './helpers';

// The composer around the textarea follows a key a moment after its frame, and typing is saved
// a moment later too: what is typed must still count right, post whole and survive a close.

test('keys typed as fast as the keyboard goes settle into the right counts', async ({
  bothConnected: _connected,
  openPopup,
}) => {
  const popup = await openPopup();
  await pickAccounts(popup, 'Mastodon', 'Bluesky');
  const box = popup.getByLabel('Post text');
  await box.fill('x'.repeat(280));
  await box.press('End');
  await expect(popup.getByLabel(/\(Bluesky\): 20 of 300 characters left/)).toBeVisible();
  // No pause between keys: each key's counting is cut short by the next one.
  await popup.keyboard.type(' and thirty characters more!!', { delay: 0 });
  await expect(box).toHaveValue(`${'x'.repeat(280)} and thirty characters more!!`);
  await expect(popup.getByLabel(/\(Bluesky\): 9 characters over the limit of 300/)).toBeVisible();
  await expect(popup.getByLabel(/\(Mastodon\): 191 of 500 characters left/)).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Post' })).toBeDisabled();
});

test('Post right after the last key posts every key typed', async ({
  bothConnected: _connected,
  openPopup,
  servers,
}) => {
  const marker = `k${Date.now()}`;
  const popup = await openPopup();
  await pickAccounts(popup, 'Mastodon');
  const box = popup.getByLabel('Post text');
  await box.fill(`${marker} typed`);
  await expect(popup.getByRole('button', { name: 'Post' })).toBeEnabled();
  await box.press('End');
  // Posted with the keyboard in the same breath: the counters may not have these keys yet.
  await popup.keyboard.type(' to the very end', { delay: 0 });
  await popup.keyboard.press('Control+Enter');
  const delivery = popup.getByRole('region', { name: 'Delivery' });
  await expect(delivery.getByText('Posted', { exact: true })).toBeVisible();
  const [status] = await statusesContaining(servers.mastodon, marker);
  expect(status?.text).toContain(`${marker} typed to the very end`);
});

test('a popup closed right after typing keeps every key in its draft', async ({
  context,
  bothConnected: _connected,
  openPopup,
}) => {
  const popup = await openPopup();
  const box = popup.getByLabel('Post text');
  await box.fill('Started earlier.');
  await box.press('End');
  await popup.keyboard.type(' Then typed and closed at once', { delay: 0 });
  await popup.close();
  expect(context.pages()).not.toContain(popup);

  const again = await openPopup();
  await expect(again.getByLabel('Post text')).toHaveValue(
    'Started earlier. Then typed and closed at once',
  );
});
