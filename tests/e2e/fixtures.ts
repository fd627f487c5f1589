import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import type { UiLanguage } from '../../utils/i18n/languages';
import { E2E_EXTENSION_DIR, extensionIdOf, launchWithExtension } from './extension';
import { sandboxUrls, type SandboxUrls } from '../servers/sandbox-env';
import { languageArgs, message } from './messages';
import { connectBoth, connectMastodonViaUi } from './helpers';

export interface Fixtures {
  /** Which build to load: the real one, or the e2e one that may read the local test pages. */
  extensionBuild: 'production' | 'e2e';
  /** More Chromium switches, e.g. host-resolver rules that give a test a host name of its own. */
  browserArgs: string[];
  /** The browser's UI language, which Crosswind follows (`--lang`); English unless a test says. */
  uiLanguage: UiLanguage;
  context: BrowserContext;
  extensionId: string;
  servers: SandboxUrls;
  openOptions(): Promise<Page>;
  openPopup(): Promise<Page>;
  openHistory(): Promise<Page>;
  /** The Mastodon test user, connected through the options page (the page is given). */
  mastodonConnected: Page;
  /** The Mastodon test user and a fresh Bluesky user, connected through the options page. */
  bothConnected: { options: Page; user: Awaited<ReturnType<typeof connectBoth>> };
}

/** Playwright fixtures: a fresh browser profile with the built extension for every test. */
export const test = base.extend<Fixtures>({
  extensionBuild: ['production', { option: true }],
  browserArgs: [[], { option: true }],
  uiLanguage: ['en', { option: true }],
  context: async ({ extensionBuild, browserArgs, uiLanguage }, use) => {
    const context = await launchWithExtension({
      ...(extensionBuild === 'e2e' && { extensionDir: E2E_EXTENSION_DIR }),
      extraArgs: [...languageArgs(uiLanguage), ...browserArgs],
    });
    await use(context);
    await context.close();
  },
  extensionId: async ({ context }, use) => {
    await use(await extensionIdOf(context));
  },
  // eslint-disable-next-line no-empty-pattern
  servers: async ({}, use) => {
    await use(sandboxUrls());
  },
  openOptions: async ({ context, extensionId, uiLanguage }, use) => {
    await use(async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      await expect(
        page.getByRole('heading', { name: message(uiLanguage, 'pageTitle.options') }),
      ).toBeVisible();
      return page;
    });
  },
  openPopup: async ({ context, extensionId }, use) => {
    await use(async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      await expect(page.getByRole('heading', { name: 'Crosswind' })).toBeVisible();
      return page;
    });
  },
  openHistory: async ({ context, extensionId, uiLanguage }, use) => {
    await use(async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/sent-posts.html`);
      await expect(
        page.getByRole('heading', { name: message(uiLanguage, 'history.listLabel') }),
      ).toBeVisible();
      return page;
    });
  },
  mastodonConnected: async ({ context, openOptions, servers }, use) => {
    const options = await openOptions();
    await connectMastodonViaUi(context, options, servers.mastodon);
    await expect(options.getByText('Connected', { exact: true })).toHaveCount(1);
    await use(options);
  },
  bothConnected: async ({ context, openOptions, servers }, use) => {
    const options = await openOptions();
    await use({ options, user: await connectBoth(context, options, servers) });
  },
});

export { expect };
