import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { E2E_EXTENSION_DIR, EXTENSION_DIR } from './extension';
import { expect, test } from './fixtures';
import { listPosts, pickAccounts, type PostRecord, statusesContaining } from './helpers';
import { clickMenu, openComposerFor, openTab, worker, type ChromeTab } from './share-menu';
import { startSite } from './site-server';

/** The few extension APIs these tests call inside the service worker. */
declare const chrome: {
  tabs: { query(filter: { url?: string }): Promise<ChromeTab[]> };
  action: { openPopup(): Promise<void> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
};

// The toolbar click that grants activeTab cannot be automated; this build's access to
// 127.0.0.1 stands in for it (see wxt.config.ts). Everything else is the real extension.
test.use({ extensionBuild: 'e2e' });

let site: Awaited<ReturnType<typeof startSite>>;
test.beforeAll(async () => {
  site = await startSite();
});
test.afterAll(async () => {
  await site.close();
});

/** Opens a page of the local site in a tab and returns it with the browser's id for that tab. */
async function openSitePage(context: BrowserContext, file: string) {
  const url = `${site.url}/${file}`;
  return { ...(await openTab(context, url)), url };
}

async function selectQuote(page: Page): Promise<void> {
  await page.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('quote')!);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  });
}

async function pickBothAndPost(popup: Page): Promise<void> {
  await pickAccounts(popup, 'Mastodon', 'Bluesky');
  await popup.getByRole('button', { name: 'Post', exact: true }).click();
  const delivery = popup.getByRole('region', { name: 'Delivery' });
  await expect(delivery.getByText('Posted')).toHaveCount(2, { timeout: 30_000 });
}

async function onlyRecord(pds: string, did: string, marker: string): Promise<PostRecord> {
  const records = (await listPosts(pds, did)).filter((record) =>
    record.value.text.includes(marker),
  );
  expect(records).toHaveLength(1);
  return records[0]!.value;
}

async function blobBytes(pds: string, did: string, cid: string): Promise<number> {
  const url = new URL('/xrpc/com.atproto.sync.getBlob', pds);
  url.search = new URLSearchParams({ did, cid }).toString();
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return (await response.arrayBuffer()).byteLength;
}

interface BlobRef {
  ref: { $link: string };
  mimeType: string;
  size: number;
}

test('the manifest asks for no site access at install, and the e2e build only adds 127.0.0.1', async () => {
  const real = JSON.parse(await readFile(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const e2e = JSON.parse(await readFile(path.join(E2E_EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect(real.host_permissions ?? []).toEqual([]);
  const broad = ['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*'];
  for (const permission of real.permissions as string[]) expect(broad).not.toContain(permission);
  expect(real.permissions).toEqual(expect.arrayContaining(['activeTab', 'scripting']));
  // The content script is injected on request only, never declared for every page.
  expect(real.content_scripts ?? []).toEqual([]);
  // Sites are asked for one at a time, when a link card needs one.
  expect(real.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
  const { host_permissions: testOnly, ...e2eRest } = e2e;
  expect(testOnly).toEqual(['http://127.0.0.1/*']);
  expect(e2eRest).toEqual(real);
});

test('the toolbar popup opens pre-filled with the page, and with a selection as a quote', async ({
  context,
  extensionId,
  mastodonConnected: _connected,
  openPopup,
}) => {
  const { page, url, tab } = await openSitePage(context, 'article.html');
  // The real toolbar popup, opened by the browser over the active tab; it fills the draft.
  const sw = await worker(context);
  await sw.evaluate(() => chrome.action.openPopup());
  const prefilled = `Tiny gardens on balconies\n${url}`;
  // Read from storage: opening another page now would take the active tab from the popup.
  await expect
    .poll(() =>
      sw.evaluate(async () => {
        const { draft } = await chrome.storage.local.get('draft');
        return (draft as { text?: string } | undefined)?.text;
      }),
    )
    .toBe(prefilled);
  const composer = await openPopup();
  await expect(composer.getByLabel('Post text')).toHaveValue(prefilled);

  // With text selected, the selection comes first as a quote, its line break kept.
  await composer.getByLabel('Post text').fill('');
  await selectQuote(page);
  const withQuote = await openComposerFor(context, extensionId, tab.id);
  const quoted = `“Start with herbs.\nThey forgive almost everything.”\n\nTiny gardens on balconies\n${url}`;
  await expect(withQuote.getByLabel('Post text')).toHaveValue(quoted);
  // Both composers show the one shared draft.
  await expect(composer.getByLabel('Post text')).toHaveValue(quoted);
});

test('a draft being written is never overwritten: the page is offered to add instead', async ({
  context,
  extensionId,
  mastodonConnected: _connected,
  openPopup,
}) => {
  const draft = await openPopup();
  await draft.getByLabel('Post text').fill('My own words first');
  const { url, tab } = await openSitePage(context, 'article.html');
  const composer = await openComposerFor(context, extensionId, tab.id);
  const offer = composer.getByRole('region', { name: 'From the page' });
  await expect(offer.getByText(`Tiny gardens on balconies ${url}`)).toBeVisible();
  await expect(composer.getByLabel('Post text')).toHaveValue('My own words first');
  expect(await seriousViolations(composer)).toEqual([]);
  await offer.getByRole('button', { name: 'Add to post' }).click();
  await expect(composer.getByLabel('Post text')).toHaveValue(
    `My own words first\n\nTiny gardens on balconies\n${url}`,
  );
  await expect(offer).toBeHidden();
});

test('"Post selection" posts the quote with the page link and a link card with its thumbnail', async ({
  bothConnected,
  context,
  extensionId,
  servers,
}) => {
  const { user } = bothConnected;
  const { page, url, tab } = await openSitePage(context, 'article.html');
  await selectQuote(page);
  await clickMenu(
    context,
    {
      menuItemId: 'selection',
      selectionText: 'Start with herbs. They forgive almost everything.',
      pageUrl: url,
    },
    tab,
  );

  const composer = await openComposerFor(context, extensionId, tab.id);
  await expect(composer.getByLabel('Post text')).toHaveValue(
    `“Start with herbs.\nThey forgive almost everything.”\n\n${url}`,
  );
  // The card is for Bluesky, which has no server to build one.
  await pickAccounts(composer, 'Bluesky');
  const card = composer.getByRole('figure', { name: 'Link card' });
  await expect(card.getByText('Tiny gardens on balconies')).toBeVisible();
  await expect(card.getByText('How to grow herbs and ferns in a metre of space.')).toBeVisible();
  expect(await seriousViolations(composer)).toEqual([]);
  await pickBothAndPost(composer);

  const record = await onlyRecord(servers.pds, user.did, 'Start with herbs.');
  expect(record.text).toBe(
    `“Start with herbs.\nThey forgive almost everything.”\n\n${url.replace('http://', '')}`,
  );
  const links = (record.facets ?? []).flatMap((facet) => facet.features.map((item) => item.uri));
  expect(links).toEqual([url]);
  const external = (
    record as unknown as {
      embed: {
        $type: string;
        external: { uri: string; title: string; description: string; thumb: BlobRef };
      };
    }
  ).embed;
  expect(external.$type).toBe('app.bsky.embed.external');
  expect(external.external).toMatchObject({
    uri: url,
    title: 'Tiny gardens on balconies',
    description: 'How to grow herbs and ferns in a metre of space.',
  });
  const thumb = external.external.thumb;
  expect(thumb.size).toBeLessThanOrEqual(1_000_000);
  expect(await blobBytes(servers.pds, user.did, thumb.ref.$link)).toBe(thumb.size);

  const [status] = await statusesContaining(servers.mastodon, 'Start with herbs.');
  expect(status!.text).toContain(url);
});

test('"Share image" attaches the picture with the page\'s alt text, on both networks', async ({
  bothConnected,
  context,
  extensionId,
  servers,
}) => {
  const { user } = bothConnected;
  const { url, tab } = await openSitePage(context, 'article.html');
  await clickMenu(
    context,
    { menuItemId: 'image', srcUrl: `${site.url}/photo.png`, pageUrl: url },
    tab,
  );

  const composer = await openComposerFor(context, extensionId, tab.id);
  await expect(composer.getByLabel('Alt text for photo.png')).toHaveValue(
    'A fern on a balcony rail',
  );
  await expect(composer.getByLabel('Post text')).toHaveValue(`Tiny gardens on balconies\n${url}`);
  await composer.getByLabel('Post text').fill(`Look at this fern ${url}`);
  await pickBothAndPost(composer);

  const record = await onlyRecord(servers.pds, user.did, 'Look at this fern');
  const embed = (
    record as unknown as {
      embed: { $type: string; images: Array<{ alt: string; image: BlobRef }> };
    }
  ).embed;
  expect(embed.$type).toBe('app.bsky.embed.images');
  expect(embed.images).toHaveLength(1);
  expect(embed.images[0]!.alt).toBe('A fern on a balcony rail');
  const blob = embed.images[0]!.image;
  expect(await blobBytes(servers.pds, user.did, blob.ref.$link)).toBe(blob.size);

  const [status] = await statusesContaining(servers.mastodon, 'Look at this fern');
  const media = (status as unknown as { media: Array<{ description: string }> }).media;
  expect(media.map((item) => item.description)).toEqual(['A fern on a balcony rail']);
});

test('a typed link gets a card read by the background, and the card can be removed', async ({
  bothConnected,
  openPopup,
  servers,
}) => {
  const { user } = bothConnected;
  const composer = await openPopup();
  await pickAccounts(composer, 'Bluesky');
  const other = `${site.url}/other.html`;
  await composer.getByLabel('Post text').fill(`Shade lovers ${other}`);
  const card = composer.getByRole('figure', { name: 'Link card' });
  await expect(card.getByText('Ferns for shade')).toBeVisible();
  await expect(card.getByText('Which ferns grow where the sun never reaches.')).toBeVisible();
  await card.getByRole('button', { name: 'Remove link card' }).click();
  await expect(card).toBeHidden();
  await composer.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(composer.getByRole('region', { name: 'Delivery' }).getByText('Posted')).toBeVisible({
    timeout: 30_000,
  });
  const record = await onlyRecord(servers.pds, user.did, 'Shade lovers');
  expect((record as { embed?: unknown }).embed).toBeUndefined();
});

test('a title full of markup is shown and posted as plain text, and runs nothing', async ({
  bothConnected,
  context,
  extensionId,
  servers,
}) => {
  const { user } = bothConnected;
  const { page, url, tab } = await openSitePage(context, 'script-title.html');
  const composer = await openComposerFor(context, extensionId, tab.id);
  // The script element's text goes with it; the tags of <b> and <i> go, their words stay.
  await expect(composer.getByLabel('Post text')).toHaveValue(`Breaking: bold & loud\n${url}`);
  expect(await composer.locator('main b, main i, main script').count()).toBe(0);
  const pwned = await page.evaluate(() => 'crosswindPwned' in window);
  expect(pwned).toBe(false);
  await pickAccounts(composer, 'Bluesky');
  await composer.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(composer.getByRole('region', { name: 'Delivery' }).getByText('Posted')).toBeVisible({
    timeout: 30_000,
  });
  const record = await onlyRecord(servers.pds, user.did, 'Breaking:');
  expect(record.text.startsWith('Breaking: bold & loud\n')).toBe(true);
  const links = (record.facets ?? []).flatMap((facet) => facet.features.map((item) => item.uri));
  expect(links).toEqual([url]);
});

test('a page the extension cannot read still opens the composer and says so', async ({
  context,
  extensionId,
  mastodonConnected: _connected,
}) => {
  const page = await context.newPage();
  await page.goto('chrome://version/');
  const sw = await worker(context);
  const tabId = await sw.evaluate(async () => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url?.startsWith('chrome://version'))?.id ?? tabs.at(-1)!.id!;
  });
  const composer = await openComposerFor(context, extensionId, tabId);
  await expect(
    composer.getByRole('status').filter({ hasText: 'Crosswind cannot read this page' }),
  ).toBeVisible();
  await composer.getByLabel('Post text').fill('Still writing');
  await expect(composer.getByLabel('Post text')).toHaveValue('Still writing');
});
