import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { mastodonControl, pickAccounts, statusesContaining } from './helpers';

/** The part of the extension API these tests use from inside an extension page. */
interface ExtensionGlobal {
  chrome: {
    storage: {
      local: {
        get(key: string): Promise<Record<string, unknown>>;
        set(items: Record<string, unknown>): Promise<void>;
      };
    };
  };
}

/** Changes the stored accounts as an older Crosswind (or a hand edit) could have left them. */
async function editStoredAccounts(page: Page, edit: string): Promise<void> {
  await page.evaluate(async (body) => {
    const change = new Function('accounts', body) as (accounts: unknown[]) => unknown[];
    const { local } = (globalThis as unknown as ExtensionGlobal).chrome.storage;
    const { accounts } = (await local.get('accounts')) as { accounts: unknown[] };
    await local.set({ accounts: change(accounts) });
  }, edit);
}

test.beforeEach(async ({ servers }) => {
  await mastodonControl(servers.mastodon, 'reset', {});
});

test('the composer counts with Mastodon’s defaults, and says so, when a server’s limits make no sense', async ({
  mastodonConnected,
  openPopup,
}) => {
  await editStoredAccounts(
    mastodonConnected,
    `return accounts.map((a) => ({ ...a, limits: { ...a.limits, maxCharacters: 'abc', charactersReservedPerUrl: -1000 } }));`,
  );
  const popup = await openPopup();
  await pickAccounts(popup, 'Mastodon');
  await popup.getByLabel('Post text').fill('Worth keeping https://example.com/page');
  await expect(popup.getByText(/reported limits Crosswind cannot use/)).toBeVisible();
  await expect(popup.getByLabel(/\(Mastodon\): 463 of 500 characters left/)).toBeVisible();
  await expect(popup.getByText(/NaN/)).toHaveCount(0);

  // Reopened, the popup still shows the draft: nothing a server said can blank it.
  await popup.close();
  const again = await openPopup();
  await expect(again.getByLabel('Post text')).toHaveValue('Worth keeping https://example.com/page');
});

test('whatever breaks a page, the saved draft stays visible and can be copied', async ({
  context,
  extensionId,
  mastodonConnected,
  openPopup,
}) => {
  const popup = await openPopup();
  await popup.getByLabel('Post text').fill('Words I must not lose');
  await expect(async () => {
    const { draft } = (await popup.evaluate(() =>
      (globalThis as unknown as ExtensionGlobal).chrome.storage.local.get('draft'),
    )) as { draft?: { text?: string } };
    expect(draft?.text).toBe('Words I must not lose');
  }).toPass();
  // An account of a network this build does not know: rendering it fails.
  await editStoredAccounts(
    mastodonConnected,
    `return [...accounts, { ...accounts[0], id: 'odd', network: 'carrier-pigeon' }];`,
  );
  // The open popup falls back at once; a popup opened afterwards does too, instead of a blank page.
  const reopened = await context.newPage();
  await reopened.goto(`chrome-extension://${extensionId}/popup.html`);
  for (const page of [popup, reopened]) {
    await expect(
      page.getByRole('heading', { name: 'Something went wrong in Crosswind' }),
    ).toBeVisible();
    await expect(page.getByLabel('Your saved post')).toHaveValue('Words I must not lose');
    await page.bringToFront();
    await page.getByRole('button', { name: 'Copy text' }).click();
    await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  }
});

test('a post the server answers without an id is an error, never "Posted"', async ({
  mastodonConnected: _connected,
  openPopup,
  servers,
}) => {
  await mastodonControl(servers.mastodon, 'answer', {
    status: 200,
    body: '{}',
    contentType: 'application/json',
    path: '/api/v1/statuses',
    method: 'POST',
    times: 1,
  });
  const popup = await openPopup();
  await pickAccounts(popup, 'Mastodon');
  await popup.getByLabel('Post text').fill(`No id ${Date.now()}`);
  await popup.getByRole('button', { name: 'Post' }).click();
  const delivery = popup.getByRole('region', { name: 'Delivery' });
  const host = new URL(servers.mastodon).host;
  await expect(
    delivery.getByText(`${host} said it worked but sent no id or link for the post`, {
      exact: false,
    }),
  ).toBeVisible();
  await expect(delivery.getByText('Failed', { exact: true })).toBeVisible();
  await expect(delivery.getByText('Posted', { exact: true })).toHaveCount(0);
  await expect(delivery.getByRole('link', { name: /View post/ })).toHaveCount(0);
});

test('a proxy’s error page is named as such, and the retry gets the post through', async ({
  mastodonConnected: _connected,
  openPopup,
  servers,
}) => {
  await mastodonControl(servers.mastodon, 'answer', {
    status: 502,
    body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
    contentType: 'text/html',
    path: '/api/v1/statuses',
    method: 'POST',
    times: 1,
  });
  const marker = `p${Date.now()}`;
  const popup = await openPopup();
  await pickAccounts(popup, 'Mastodon');
  await popup.getByLabel('Post text').fill(`Through the proxy ${marker}`);
  await popup.getByRole('button', { name: 'Post' }).click();
  const delivery = popup.getByRole('region', { name: 'Delivery' });
  const host = new URL(servers.mastodon).host;
  await expect(
    delivery.getByText(`${host} answered with a web page instead of the API (error 502).`),
  ).toBeVisible();
  await expect(delivery.getByRole('link', { name: 'View post on Mastodon' })).toBeVisible({
    timeout: 20_000,
  });
  expect(await statusesContaining(servers.mastodon, marker)).toHaveLength(1);
});
