import type { Page } from '@playwright/test';
import type { MessageArgs, MessageKey } from '../../utils/i18n/messages';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { connectBoth, listPosts, pickAccounts, statusesContaining } from './helpers';
import { message } from './messages';

// Chromium started with --lang=de: browser.i18n answers in German, with no override set.
test.use({ uiLanguage: 'de' });

const de = <K extends MessageKey>(key: K, ...args: MessageArgs<K>) => message('de', key, ...args);

async function expectGermanPage(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  expect(await seriousViolations(page)).toEqual([]);
}

test('in German: connect both accounts, post from the composer, find it under sent posts', async ({
  context,
  openOptions,
  openPopup,
  openHistory,
  servers,
}) => {
  const options = await openOptions();
  await expect(options).toHaveTitle(de('pageTitle.options'));
  await expectGermanPage(options);
  const user = await connectBoth(context, options, servers, 'de');
  await expect(options.getByRole('heading', { name: de('options.connected') })).toBeVisible();
  const accounts = options.getByRole('list', { name: de('accounts.listLabel') });
  await expect(accounts.getByText(de('accounts.connected'))).toHaveCount(2);
  await expect(accounts.getByRole('button', { name: /entfernen$/ })).toHaveCount(2);
  await expectGermanPage(options);

  const popup = await openPopup();
  const marker = `de${Date.now()}`;
  const text = `Grüße aus Crosswind ${marker}`;
  const field = popup.getByLabel(de('composer.textLabel'));
  await expect(field).toHaveAttribute('placeholder', de('composer.placeholder'));
  // Right-to-left text in a left-to-right UI: the field takes its direction from what is typed.
  await expect(field).toHaveAttribute('dir', 'auto');
  await expect(popup.getByRole('button', { name: de('composer.post') })).toBeDisabled();
  await expect(popup.getByText(de('composer.pickAccount'))).toBeVisible();
  await field.fill(text);
  await pickAccounts(popup, 'Mastodon', 'Bluesky');
  // The counters say in German how much is left, with the numbers written the German way.
  const counters = popup.getByRole('list', { name: de('counters.label') });
  await expect(counters.getByLabel(/ Zeichen übrig$/)).toHaveCount(2);
  // Languages are named in German too, not in the browser engine's default.
  await expect(
    popup.getByLabel(de('settings.language')).getByRole('option', { name: 'Französisch' }),
  ).toHaveCount(1);
  await expectGermanPage(popup);
  await popup.getByRole('button', { name: de('composer.post') }).click();
  // "Sent: see each account below" shows only while the post is under way, which on loopback
  // can be shorter than a check takes: the delivery list is what stays, so that is checked.
  const delivery = popup.getByRole('region', { name: de('delivery.heading') });
  await expect(delivery).toBeVisible();
  await expect(delivery.getByText(de('targetState.done'), { exact: true })).toHaveCount(2);

  await expect
    .poll(async () => (await statusesContaining(servers.mastodon, marker)).length)
    .toBe(1);
  await expect
    .poll(async () => (await listPosts(servers.pds, user.did)).filter((r) => r.value.text === text))
    .toHaveLength(1);

  const history = await openHistory();
  await expect(history).toHaveTitle(de('pageTitle.sentPosts'));
  const item = history.getByRole('listitem').filter({ hasText: text });
  await expect(item).toBeVisible();
  await expect(item.getByText(de('targetState.done'), { exact: true })).toHaveCount(2);
  await expect(
    item.getByRole('link', { name: de('delivery.viewPost', { network: 'Mastodon' }) }),
  ).toBeVisible();
  await expect(item.getByRole('button', { name: de('history.deleteEverywhere') })).toBeVisible();
  await expect(item.getByRole('button', { name: /erneut versuchen$/ })).toHaveCount(0);
  await expectGermanPage(history);
});

test('the language picked under Preferences replaces the browser’s on every page', async ({
  openOptions,
  openPopup,
}) => {
  const options = await openOptions();
  const select = options.getByLabel(de('preferences.language'));
  await expect(select).toHaveValue('browser');
  await expect(
    select.getByRole('option', {
      name: de('preferences.languageBrowser', { language: 'Deutsch' }),
    }),
  ).toHaveCount(1);
  // The page reloads in the language picked.
  await select.selectOption('ja');
  await expect(
    options.getByRole('heading', { name: message('ja', 'pageTitle.options') }),
  ).toBeVisible();
  await expect(options.locator('html')).toHaveAttribute('lang', 'ja');
  expect(await seriousViolations(options)).toEqual([]);

  const popup = await openPopup();
  // No account yet: the popup asks, in Japanese, to connect one.
  await expect(popup.getByText(message('ja', 'popup.empty'))).toBeVisible();
  await expect(popup.locator('html')).toHaveAttribute('lang', 'ja');

  // Back to the browser's language.
  await options.getByLabel(message('ja', 'preferences.language')).selectOption('browser');
  await expect(options.getByRole('heading', { name: de('pageTitle.options') })).toBeVisible();
});
