import type { Browser, Page } from 'puppeteer-core';
import { expect } from '@playwright/test';
import type { SandboxUrls } from '../servers/sandbox-env';
import { createBlueskyUser } from '../servers/records';
import { allByRole, byRole, clickRole, countExactText, fillLabel, type Scope } from './queries';

/** Waits until `count` elements of the scope read exactly `text` (e.g. "Connected" per account). */
export async function expectTextCount(
  scope: Scope,
  text: string,
  count: number,
  timeout = 10_000,
): Promise<void> {
  await expect.poll(() => countExactText(scope, text), { timeout }).toBe(count);
}

/** The next tab or window Firefox opens whose address starts with `prefix`. */
export async function nextPage(browser: Browser, prefix: string): Promise<Page> {
  const target = await browser.waitForTarget((candidate) => candidate.url().startsWith(prefix), {
    timeout: 15_000,
  });
  const page = await target.page();
  if (!page) throw new Error(`${prefix}… opened, but not as a page`);
  return page;
}

/** Points the add-on's Bluesky directory at the local PDS and PLC, through the options page. */
export async function useLocalDirectory(options: Page, servers: SandboxUrls): Promise<void> {
  await (await options.waitForSelector('summary::-p-text(Advanced: Bluesky directory)'))!.click();
  await fillLabel(options, 'Handle resolver', servers.pds);
  await fillLabel(options, 'PLC directory', servers.plc);
  await clickRole(options, 'button', 'Save directory settings');
  await options.waitForSelector('::-p-text(Directory settings saved.)');
}

/**
 * Connects the Mastodon test server's signed-in user: Firefox's identity.launchWebAuthFlow opens
 * the server's consent page in a window of its own, where the test clicks Authorize.
 */
export async function connectMastodon(
  browser: Browser,
  options: Page,
  server: string,
): Promise<void> {
  await fillLabel(options, 'Mastodon server', server);
  const consent = nextPage(browser, `${server}/oauth/authorize`);
  await clickRole(options, 'button', 'Connect Mastodon account');
  await clickRole(await consent, 'button', 'Authorize');
}

/** Connects a fresh Bluesky user of the local PDS with an app password; returns the user. */
export async function connectBluesky(options: Page, servers: SandboxUrls) {
  const user = await createBlueskyUser(servers.pds, 'firefox');
  await useLocalDirectory(options, servers);
  await fillLabel(options, 'Handle or email', user.handle);
  await fillLabel(options, 'App password', user.appPassword);
  await clickRole(options, 'button', 'Connect Bluesky account');
  return user;
}

/** Connects the Mastodon test user and a fresh Bluesky user; returns the Bluesky user. */
export async function connectBoth(browser: Browser, options: Page, servers: SandboxUrls) {
  await connectMastodon(browser, options, servers.mastodon);
  await expectTextCount(options, 'Connected', 1, 15_000);
  const user = await connectBluesky(options, servers);
  await expectTextCount(options, 'Connected', 2, 15_000);
  return user;
}

/** Ticks every account in the composer's "Post to" group. */
export async function pickAllAccounts(popup: Page): Promise<void> {
  const group = await byRole(popup, 'group', 'Post to');
  for (const box of await allByRole(group, 'checkbox', /./)) {
    if (!(await box.evaluate((node) => (node as HTMLInputElement).checked))) await box.click();
  }
}

/** The composer's delivery list, once a post was sent. */
export function deliveryRegion(popup: Page) {
  return byRole(popup, 'region', 'Delivery', { timeout: 15_000 });
}
