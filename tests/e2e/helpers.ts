import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import type { UiLanguage } from '../../utils/i18n/languages';
import { createBlueskyUser, serverControl } from '../servers/records';
import { message } from './messages';

// What the test servers recorded is read the same way from every browser's tests.
export * from '../servers/records';

/** Points the extension's Bluesky directory at the local PDS and PLC, through the options page. */
export async function useLocalDirectory(
  options: Page,
  pds: string,
  plc: string,
  language: UiLanguage = 'en',
): Promise<void> {
  await options.getByText(message(language, 'directory.summary')).click();
  await options.getByLabel(message(language, 'directory.handleResolver')).fill(pds);
  await options.getByLabel(message(language, 'directory.plcDirectory')).fill(plc);
  await options.getByRole('button', { name: message(language, 'directory.save') }).click();
  await expect(options.getByText(message(language, 'directory.saved'))).toBeVisible();
}

/** Connects the Mastodon test server's signed-in user by clicking through its consent page. */
export async function connectMastodonViaUi(
  context: BrowserContext,
  options: Page,
  server: string,
  decision: 'Authorize' | 'Deny' = 'Authorize',
  language: UiLanguage = 'en',
): Promise<void> {
  const network = 'Mastodon';
  await options.getByLabel(message(language, 'address.networkServer', { network })).fill(server);
  const consentOpened = context.waitForEvent('page');
  await options
    .getByRole('button', { name: message(language, 'connect.connectAccount', { network }) })
    .click();
  const consent = await consentOpened;
  await consent.getByRole('button', { name: decision }).click();
}

/** Connects a Bluesky account by typing its handle and app password. */
export async function connectBlueskyViaUi(
  options: Page,
  handle: string,
  appPassword: string,
  language: UiLanguage = 'en',
): Promise<void> {
  await options.getByLabel(message(language, 'connect.handleOrEmail')).fill(handle);
  await options.getByLabel(message(language, 'connect.appPassword')).fill(appPassword);
  await options
    .getByRole('button', {
      name: message(language, 'connect.connectAccount', { network: 'Bluesky' }),
    })
    .click();
}

/** Connects the Mastodon test user and a fresh Bluesky user; returns the Bluesky user. */
export async function connectBoth(
  context: BrowserContext,
  options: Page,
  servers: { mastodon: string; pds: string; plc: string },
  language: UiLanguage = 'en',
) {
  const user = await createBlueskyUser(servers.pds, 'poster');
  const connected = options.getByText(message(language, 'accounts.connected'), { exact: true });
  await connectMastodonViaUi(context, options, servers.mastodon, 'Authorize', language);
  await expect(connected).toHaveCount(1);
  await useLocalDirectory(options, servers.pds, servers.plc, language);
  await connectBlueskyViaUi(options, user.handle, user.appPassword, language);
  await expect(connected).toHaveCount(2);
  return user;
}

/** Ticks the composer's account checkbox of each named network (one account each). */
export async function pickAccounts(
  popup: Page,
  ...networks: Array<'Mastodon' | 'Bluesky' | 'Misskey' | 'Nostr' | 'Threads'>
): Promise<void> {
  for (const network of networks) {
    await popup.getByRole('checkbox', { name: new RegExp(`\\(${network}\\)$`) }).check();
  }
}

/** Calls the Misskey test server's control API. */
export const misskeyControl = serverControl;

/** A note as the Misskey test server recorded it. */
export interface RecordedNote {
  id: string;
  username: string;
  text: string | null;
  cw: string | null;
  visibility: string;
  localOnly: boolean;
  fileIds: string[];
  replyId: string | null;
  deletedAt: string | null;
}

/** A drive file as the Misskey test server recorded it. */
export interface RecordedFile {
  id: string;
  type: string;
  comment: string | null;
  isSensitive: boolean;
}

/** Every note on the Misskey test server whose text contains `marker`, oldest first. */
export async function notesContaining(server: string, marker: string): Promise<RecordedNote[]> {
  const all = await misskeyControl<RecordedNote[]>(server, 'notes');
  return all.filter((note) => note.text?.includes(marker));
}

/** Connects the Misskey test server's signed-in user through MiAuth, clicking its consent page. */
export async function connectMisskeyViaUi(
  context: BrowserContext,
  options: Page,
  server: string,
  decision: 'Accept' | 'Reject' = 'Accept',
): Promise<void> {
  await options.getByLabel('Misskey server').fill(server);
  const consentOpened = context.waitForEvent('page');
  await options.getByRole('button', { name: 'Connect Misskey account' }).click();
  const consent = await consentOpened;
  await consent.getByRole('button', { name: decision }).click();
}

/**
 * Stops the extension's service worker the way Chrome does when it is idle: the next message or
 * event starts a fresh worker with empty globals, which must finish whatever was in flight.
 */
export async function stopWorker(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** A post's entry in the sent-posts history, found by its text. */
export function historyItem(history: Page, text: string): Locator {
  return history.getByRole('listitem').filter({ hasText: text }).first();
}

/** Asks to delete a post everywhere from its history entry, and confirms. */
export async function deleteEverywhere(item: Locator): Promise<void> {
  await item.getByRole('button', { name: 'Delete everywhere' }).click();
  await item.getByRole('button', { name: 'Yes, delete everywhere' }).click();
}
