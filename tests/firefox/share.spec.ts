import type { Page } from 'puppeteer-core';
import { listPosts, statusesContaining } from '../servers/records';
import { startSite } from '../e2e/site-server';
import { storedDraftText, tabIdOf } from './addon-page';
import { expect, test } from './fixtures';
import { connectBoth, deliveryRegion, pickAllAccounts } from './flows';
import { byLabel, byRole, clickRole, valueOf } from './queries';

// Automation cannot click the toolbar, which is what grants activeTab; this build's access to
// 127.0.0.1 stands in for it (see wxt.config.ts). Everything else is the real add-on.
test.use({ extensionBuild: 'e2e' });

let site: Awaited<ReturnType<typeof startSite>>;
test.beforeAll(async () => {
  site = await startSite();
});
test.afterAll(async () => {
  await site.close();
});

async function selectQuote(page: Page): Promise<void> {
  await page.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('quote')!);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  });
}

/** Posts what the composer holds to every account and waits until both have it. */
async function postToAll(composer: Page): Promise<void> {
  await pickAllAccounts(composer);
  await clickRole(composer, 'button', 'Post');
  const delivery = await deliveryRegion(composer);
  await byRole(delivery, 'link', 'View post on Mastodon', { timeout: 30_000 });
  await byRole(delivery, 'link', 'View post on Bluesky', { timeout: 30_000 });
}

test('"Share page" and "Post selection" from Firefox\'s right-click menu open the composer with the page', async ({
  browserChrome,
  firefox,
  openOptions,
  openPopup,
  servers,
}) => {
  const options = await openOptions();
  const user = await connectBoth(firefox.browser, options, servers);
  const url = `${site.url}/article.html`;
  const page = await firefox.browser.newPage();
  await page.goto(url);

  // Firefox opens the toolbar popup for the menu click; a test cannot reach that panel, so it
  // opens the same composer for the tab as a page, as the Chromium tests do.
  const openComposer = async () => openPopup(`?tab=${await tabIdOf(options, url)}`);

  // Share page: the title and the link.
  await page.click('h1', { button: 'right' });
  await browserChrome.pickContextMenuItem('Share page');
  const pageText = `Tiny gardens on balconies\n${url}`;
  await expect.poll(() => storedDraftText(options)).toBe(pageText);
  let composer = await openComposer();
  await expect.poll(async () => valueOf(await byLabel(composer, 'Post text'))).toBe(pageText);
  await postToAll(composer);
  await composer.close();

  // Post selection: the selected lines as a quote, line break kept, then the link.
  await page.bringToFront();
  await selectQuote(page);
  await page.click('#quote', { button: 'right' });
  await browserChrome.pickContextMenuItem('Post selection');
  const quoted = `“Start with herbs.\nThey forgive almost everything.”\n\n${url}`;
  await expect.poll(() => storedDraftText(options)).toBe(quoted);
  composer = await openComposer();
  await expect.poll(async () => valueOf(await byLabel(composer, 'Post text'))).toBe(quoted);
  // Bluesky gets a card built from the page's metadata.
  const card = await byRole(composer, 'figure', 'Link card');
  expect(await card.evaluate((node) => (node as HTMLElement).innerText)).toContain(
    'How to grow herbs and ferns in a metre of space.',
  );
  await postToAll(composer);

  const records = (await listPosts(servers.pds, user.did)).map((record) => record.value);
  expect(records.map((record) => record.text).sort()).toEqual(
    [pageText, quoted].map((text) => text.replace('http://', '')).sort(),
  );
  const selectionPost = records.find((record) => record.text.startsWith('“Start'))!;
  const embed = (
    selectionPost as unknown as { embed: { external: { uri: string; title: string } } }
  ).embed;
  expect(embed.external).toMatchObject({ uri: url, title: 'Tiny gardens on balconies' });
  const statuses = await statusesContaining(servers.mastodon, url);
  expect(statuses.map((status) => status.text).sort()).toEqual([pageText, quoted].sort());
});
