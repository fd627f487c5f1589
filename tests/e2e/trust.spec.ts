import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Worker } from '@playwright/test';
import { startFakeDirectory } from '../servers/fake-directory';
import { startRecorder, type Recorder } from '../servers/recorder';
import { EXTENSION_DIR } from './extension';
import { expect, test } from './fixtures';
import { connectBlueskyViaUi, statusesContaining, stopWorker, useLocalDirectory } from './helpers';
import { startSite } from './site-server';

/** The few extension APIs these tests call inside the service worker. */
declare const chrome: {
  tabs: { query(filter: { url?: string }): Promise<Array<{ id?: number }>> };
  action: { getTitle(details: object): Promise<string> };
  scripting: {
    executeScript(injection: {
      target: { tabId: number };
      func: (...args: never[]) => unknown;
      args?: unknown[];
    }): Promise<Array<{ result?: unknown }>>;
  };
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
};

interface StoredAccount {
  id: string;
  network: string;
  server: string;
  state: string;
}

// The e2e build may script the local test site, as activeTab would allow after a toolbar click.
test.use({ extensionBuild: 'e2e' });

let site: Awaited<ReturnType<typeof startSite>>;
let recorder: Recorder;
test.beforeAll(async () => {
  site = await startSite();
});
test.afterAll(async () => {
  await site.close();
});
test.beforeEach(async () => {
  recorder = await startRecorder();
});
test.afterEach(async () => {
  await recorder.close();
});

async function worker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? context.waitForEvent('serviceworker');
}

/** Opens a page of the local site and returns it with the browser's id for its tab. */
async function openSitePage(context: BrowserContext, file: string) {
  const page = await context.newPage();
  const url = `${site.url}/${file}`;
  await page.goto(url);
  const sw = await worker(context);
  const tabId = await sw.evaluate(
    async (pageUrl) => (await chrome.tabs.query({ url: pageUrl }))[0]!.id!,
    url,
  );
  return { page, url, tabId };
}

async function stored<T>(context: BrowserContext, key: string): Promise<T> {
  const sw = await worker(context);
  return sw.evaluate(async (name) => (await chrome.storage.local.get(name))[name], key) as T;
}

test('the capture script tells the page nothing, and the toolbar says "Crosswind"', async ({
  context,
  extensionId,
  mastodonConnected: _connected,
}) => {
  const { page, url, tabId } = await openSitePage(context, 'article.html');
  // What a page could hear: any message, and the event WXT's content scripts announce themselves with.
  await page.evaluate((id) => {
    const heard: unknown[] = [];
    (window as unknown as { heard: unknown[] }).heard = heard;
    window.addEventListener('message', (event) => heard.push(event.data));
    document.addEventListener(`${id}:capture:wxt:content-script-started`, (event) =>
      heard.push(event.type),
    );
  }, extensionId);

  const composer = await context.newPage();
  await composer.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await expect(composer.getByLabel('Post text')).toHaveValue(`Tiny gardens on balconies\n${url}`);
  expect(await page.evaluate(() => (window as unknown as { heard: unknown[] }).heard)).toEqual([]);

  // No script Crosswind injects is a WXT content script, so none carries that announcement.
  expect(await readdir(EXTENSION_DIR)).not.toContain('content-scripts');
  const capture = await readFile(path.join(EXTENSION_DIR, 'capture.js'), 'utf8');
  expect(capture).not.toContain('postMessage');
  expect(capture).not.toContain('content-script-started');

  const sw = await worker(context);
  expect(await sw.evaluate(() => chrome.action.getTitle({}))).toBe('Crosswind');
});

test('a script in a page cannot write what the background acts on', async ({
  context,
  mastodonConnected: options,
  servers,
}) => {
  const { tabId } = await openSitePage(context, 'article.html');
  const accounts = await stored<StoredAccount[]>(context, 'accounts');
  const marker = `forged-${Date.now()}`;
  const now = Date.now();
  // A queued post to every account, and every account pointed at a server that keeps tokens.
  const forged = {
    outbox: [
      {
        id: marker,
        draftId: marker,
        createdAt: now,
        summary: marker,
        targets: accounts.map((account) => ({
          accountId: account.id,
          status: 'queued',
          content: { parts: [`${marker} posted by a page`] },
          parts: [{ idempotencyKey: crypto.randomUUID() }],
          attempts: 0,
          updatedAt: now,
        })),
      },
    ],
    accounts: accounts.map((account) => ({ ...account, server: recorder.url })),
  };

  // The world Crosswind's own page script runs in, which a compromised page process controls.
  const sw = await worker(context);
  const outcome = await sw.evaluate(
    async ({ tab, items }) => {
      const [result] = await chrome.scripting.executeScript({
        target: { tabId: tab },
        func: async (write: Record<string, unknown>) => {
          try {
            await chrome.storage.local.set(write);
            return 'written';
          } catch (error) {
            return `refused: ${String(error)}`;
          }
        },
        args: [items],
      });
      return result?.result;
    },
    { tab: tabId, items: forged },
  );
  expect(outcome).toMatch(/^refused: /);
  expect(await stored<StoredAccount[]>(context, 'accounts')).toEqual(accounts);
  expect(await stored<unknown[] | undefined>(context, 'outbox')).toBeUndefined();

  // A fresh worker acts on whatever storage holds, as after any restart.
  await stopWorker(context, options);
  await options.reload();
  await expect(options.getByText('Connected', { exact: true })).toHaveCount(1);
  const where = (list: StoredAccount[]) => list.map(({ id, server }) => ({ id, server }));
  expect(where(await stored<StoredAccount[]>(context, 'accounts'))).toEqual(where(accounts));
  // Give a worker that did take the job the time to post it, then look.
  await options.waitForTimeout(2_000);
  expect(await statusesContaining(servers.mastodon, marker)).toEqual([]);
  expect(recorder.requests).toEqual([]);
});

test('an account whose server was rewritten in storage needs reconnecting; its login goes nowhere', async ({
  bothConnected,
  context,
}) => {
  const { options } = bothConnected;
  const accounts = await stored<StoredAccount[]>(context, 'accounts');
  expect(accounts.map((account) => account.network).sort()).toEqual(['bluesky', 'mastodon']);
  // As a browser without storage access levels (Firefox) would let a page's process do.
  const sw = await worker(context);
  await sw.evaluate(
    (moved) => chrome.storage.local.set({ accounts: moved }),
    accounts.map((account) => ({ ...account, server: recorder.url })),
  );
  await stopWorker(context, options);
  // The options page asks the fresh worker to refresh every account.
  await options.reload();
  await expect(options.getByText('Needs reconnecting')).toHaveCount(2);
  await expect(options.getByText('Connected', { exact: true })).toHaveCount(0);
  expect(recorder.requests).toEqual([]);
});

test.describe('a DID document naming a plain http PDS', () => {
  // pds.example is not this computer to Crosswind, yet reaches the recorder: the password would land there.
  test.use({ browserArgs: ['--host-resolver-rules=MAP pds.example 127.0.0.1'] });

  test('is refused with a clear message, and the app password is sent nowhere', async ({
    openOptions,
  }) => {
    const pds = `http://pds.example:${new URL(recorder.url).port}`;
    const directory = await startFakeDirectory([
      { handle: 'mallory.test', did: 'did:plc:mallory', pds },
    ]);
    try {
      const options = await openOptions();
      await useLocalDirectory(options, directory.url, directory.url);
      await connectBlueskyViaUi(options, 'mallory.test', 'abcd-efgh-ijkl-mnop');
      await expect(options.getByRole('alert')).toHaveText(
        `Your Bluesky server is named as ${pds}, which is not a secure (https://) address. Crosswind sends passwords and tokens only over https (plain http only on this computer), so nothing was sent.`,
      );
      await expect(options.getByText('No accounts yet. Connect one below.')).toBeVisible();
      expect(recorder.requests).toEqual([]);
    } finally {
      await directory.close();
    }
  });
});

test('Reconnect after the server was rewritten in storage signs in where the login came from', async ({
  bothConnected,
  context,
  servers,
}) => {
  const { options } = bothConnected;
  const accounts = await stored<StoredAccount[]>(context, 'accounts');
  const sw = await worker(context);
  await sw.evaluate(
    (moved) => chrome.storage.local.set({ accounts: moved }),
    accounts.map((account) =>
      account.network === 'mastodon' ? { ...account, server: recorder.url } : account,
    ),
  );
  await stopWorker(context, options);
  await options.reload();
  await expect(options.getByText('Needs reconnecting')).toHaveCount(1);

  // The consent page is the issuing server's, not the address the record was rewritten to.
  const consentOpened = context.waitForEvent('page');
  await options.getByRole('button', { name: /^Reconnect/ }).click();
  const consent = await consentOpened;
  expect(new URL(consent.url()).origin).toBe(new URL(servers.mastodon).origin);
  await consent.getByRole('button', { name: 'Authorize' }).click();
  await expect(options.getByText('Connected', { exact: true })).toHaveCount(2);
  const mastodon = (await stored<StoredAccount[]>(context, 'accounts')).find(
    (account) => account.network === 'mastodon',
  );
  expect(new URL(mastodon!.server).origin).toBe(new URL(servers.mastodon).origin);
  expect(mastodon!.state).toBe('connected');
  expect(recorder.requests).toEqual([]);
});
