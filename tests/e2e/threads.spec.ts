import type { BrowserContext, Page } from '@playwright/test';
import { SANDBOX_APP } from '../servers/threads/server';
import { serverControl } from '../servers/records';
import { expect, test } from './fixtures';
import {
  connectBlueskyViaUi,
  connectMastodonViaUi,
  createBlueskyUser,
  listPosts,
  pickAccounts,
  statusesContaining,
  useLocalDirectory,
  stopWorker,
} from './helpers';
import { makePhotos } from './photos';

interface ThreadsPost {
  id: string;
  text: string;
  imageUrls: string[];
  altTexts: string[];
  linkAttachment: string | null;
  replyToId: string | null;
}

const DAY = 86_400_000;

async function threadsPosts(server: string, marker: string): Promise<ThreadsPost[]> {
  const posts = await serverControl<ThreadsPost[]>(server, 'posts');
  return posts.filter((post) => post.text.includes(marker));
}

/** The guided connect: the steps, the redirect URL to copy, App ID and secret, the consent page. */
async function connectThreadsViaUi(
  context: BrowserContext,
  options: Page,
  server: string,
  extensionId: string,
): Promise<void> {
  const redirect = `https://${extensionId}.chromiumapp.org/`;
  const form = options.getByRole('form', { name: 'Add a Threads account' });
  await expect(form.getByRole('listitem')).toHaveCount(4);
  await expect(form.getByText(redirect, { exact: true })).toBeVisible();
  // Step 3 done in the app's dashboard, with the address the page showed.
  await serverControl(server, 'redirect-uri', { appId: SANDBOX_APP.appId, uri: redirect });
  await form.getByLabel('Threads App ID').fill(SANDBOX_APP.appId);
  await form.getByLabel('Threads App secret').fill(SANDBOX_APP.secret);
  await form.getByText('Advanced', { exact: true }).click();
  await form.getByLabel('API address (for testing)').fill(server);
  const consentOpened = context.waitForEvent('page');
  await form.getByRole('button', { name: 'Connect Threads account' }).click();
  const consent = await consentOpened;
  await expect(
    consent.getByRole('heading', { name: 'Allow access to your Threads profile?' }),
  ).toBeVisible();
  await expect(consent.getByRole('listitem')).toHaveText([
    'threads_basic',
    'threads_content_publish',
    'threads_manage_replies',
    'threads_delete',
  ]);
  await consent.getByRole('button', { name: 'Allow' }).click();
}

test('the guided connect links Threads; a post with a link, as a thread of 3, reaches Threads, Mastodon and Bluesky', async ({
  context,
  extensionId,
  openOptions,
  openPopup,
  servers,
}) => {
  const options = await openOptions();
  await connectThreadsViaUi(context, options, servers.threads, extensionId);
  await expect(options.getByText('Connected', { exact: true })).toHaveCount(1);
  const threadsRow = options.getByRole('listitem', { name: /@alice \(Threads\)/ });
  await expect(threadsRow.getByText(/Login valid until/)).toBeVisible();
  await expect(threadsRow.getByText(/of 250 posts used in the last 24 hours/)).toBeVisible();
  // The secret went into the vault, never into storage a content script could read.
  const stored = await options.evaluate(() => {
    const api = (
      globalThis as unknown as {
        chrome: { storage: { local: { get(keys: null): Promise<unknown> } } };
      }
    ).chrome;
    return api.storage.local.get(null);
  });
  expect(JSON.stringify(stored)).not.toContain(SANDBOX_APP.secret);

  await connectMastodonViaUi(context, options, servers.mastodon);
  const user = await createBlueskyUser(servers.pds, 'threads');
  await useLocalDirectory(options, servers.pds, servers.plc);
  await connectBlueskyViaUi(options, user.handle, user.appPassword);
  await expect(options.getByText('Connected', { exact: true })).toHaveCount(3);

  const marker = `th${Date.now()}`;
  const popup = await openPopup();
  await pickAccounts(popup, 'Threads', 'Mastodon', 'Bluesky');
  await popup
    .getByLabel('Post text')
    .fill(`Read https://example.com/story ${marker}\n---\nSecond ${marker}\n---\nThird ${marker}`);
  await popup.getByRole('button', { name: 'Post' }).click();
  const delivery = popup.getByRole('region', { name: 'Delivery' });
  await expect(delivery.getByText('Posted a thread of 3')).toHaveCount(3, { timeout: 30_000 });

  const posts = await threadsPosts(servers.threads, marker);
  expect(posts.map((post) => post.text)).toEqual([
    `Read https://example.com/story ${marker}`,
    `Second ${marker}`,
    `Third ${marker}`,
  ]);
  expect(posts[0]).toMatchObject({ linkAttachment: 'https://example.com/story', replyToId: null });
  expect(posts[1]?.replyToId).toBe(posts[0]?.id);
  expect(posts[2]?.replyToId).toBe(posts[1]?.id);
  expect(await statusesContaining(servers.mastodon, marker)).toHaveLength(3);
  const records = (await listPosts(servers.pds, user.did)).filter((record) =>
    record.value.text.includes(marker),
  );
  expect(records).toHaveLength(3);
});

test('an image from a local file reaches Threads through the Bluesky copy’s public address', async ({
  context,
  extensionId,
  openOptions,
  openPopup,
  servers,
}) => {
  const options = await openOptions();
  await connectThreadsViaUi(context, options, servers.threads, extensionId);
  const user = await createBlueskyUser(servers.pds, 'thimg');
  await useLocalDirectory(options, servers.pds, servers.plc);
  await connectBlueskyViaUi(options, user.handle, user.appPassword);
  await expect(options.getByText('Connected', { exact: true })).toHaveCount(2);

  const marker = `thi${Date.now()}`;
  const popup = await openPopup();
  await pickAccounts(popup, 'Threads');
  await popup.getByLabel('Post text').fill(`Harbour ${marker}`);
  const [photo] = await makePhotos([{ name: 'harbour.jpg', width: 800, height: 600 }]);
  await popup.getByLabel('Add images').setInputFiles([photo!]);
  await popup.getByLabel('Alt text for harbour.jpg').fill('Boats in a harbour');
  // Alone, Threads has nowhere to fetch the image from: the composer says so before Post.
  await expect(popup.getByText(/takes images only from a public web address/)).toBeVisible();
  await pickAccounts(popup, 'Bluesky');
  await expect(popup.getByText(/takes images only from a public web address/)).toHaveCount(0);
  await popup.getByRole('button', { name: 'Post' }).click();
  await expect(popup.getByRole('region', { name: 'Delivery' }).getByText('Posted')).toHaveCount(2, {
    timeout: 30_000,
  });

  const [post] = await threadsPosts(servers.threads, marker);
  expect(post?.imageUrls).toHaveLength(1);
  expect(post?.imageUrls[0]).toContain(`${servers.pds}/xrpc/com.atproto.sync.getBlob?`);
  expect(post?.imageUrls[0]).toContain(encodeURIComponent(user.did));
  expect(post?.altTexts).toEqual(['Boats in a harbour']);
});

test('a worker stopped between threads_publish and its answer leaves exactly one post', async ({
  context,
  extensionId,
  openOptions,
  openPopup,
  openHistory,
  servers,
}) => {
  const options = await openOptions();
  await connectThreadsViaUi(context, options, servers.threads, extensionId);
  await expect(options.getByText('Connected', { exact: true })).toHaveCount(1);

  const marker = `ths${Date.now()}`;
  // The server holds threads_publish 3 s, then publishes; the worker is stopped meanwhile.
  await serverControl(servers.threads, 'delay', { path: '/threads_publish', ms: 3000, times: 1 });
  let popup = await openPopup();
  await pickAccounts(popup, 'Threads');
  await popup.getByLabel('Post text').fill(`Only once ${marker}`);
  await popup.getByRole('button', { name: 'Post' }).click();
  await expect
    .poll(
      async () => {
        const containers = await serverControl<Array<{ text: string; status: string }>>(
          servers.threads,
          'containers',
        );
        return containers.some((item) => item.text.includes(marker) && item.status === 'FINISHED');
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  // threads_publish is on its way (held by the server): stop the worker before the answer.
  await popup.waitForTimeout(1000);
  await stopWorker(context, popup);
  await popup.close();
  await expect
    .poll(async () => (await threadsPosts(servers.threads, marker)).length, { timeout: 10_000 })
    .toBe(1);

  // A new worker resumes: it reads the recorded container, finds it PUBLISHED, adopts the post.
  popup = await openPopup();
  const history = await openHistory();
  const item = history
    .getByRole('listitem')
    .filter({ hasText: `Only once ${marker}` })
    .first();
  await expect(item.getByText('Posted', { exact: true })).toBeVisible({ timeout: 30_000 });
  const posts = await threadsPosts(servers.threads, marker);
  expect(posts).toHaveLength(1);
  await expect(item.getByRole('link', { name: 'View post on Threads' })).toHaveAttribute(
    'href',
    `${servers.threads}/@alice/post/${posts[0]!.id}`,
  );
});

test('a week-old token is renewed when the worker starts, without the person', async ({
  context,
  extensionId,
  openOptions,
  openPopup,
  servers,
}) => {
  const options = await openOptions();
  await connectThreadsViaUi(context, options, servers.threads, extensionId);
  await expect(options.getByText('Connected', { exact: true })).toHaveCount(1);
  const longTokens = async () =>
    (
      await serverControl<Array<{ kind: string; revoked: boolean }>>(servers.threads, 'tokens')
    ).filter((token) => token.kind === 'long').length;
  const before = await longTokens();

  // Eight days pass: on the server's clock, and in the token's record in the vault.
  await serverControl(servers.threads, 'clock', { advanceMs: 8 * DAY });
  await options.evaluate(async (days) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('crosswind-vault');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const store = db.transaction('secrets', 'readwrite').objectStore('secrets');
    const keys = await new Promise<IDBValidKey[]>((resolve) => {
      const request = store.getAllKeys();
      request.onsuccess = () => resolve(request.result);
    });
    for (const key of keys.filter((item) => String(item).startsWith('threads-token:'))) {
      const value = await new Promise<{ secret: { issuedAt: number } }>((resolve) => {
        const request = store.get(key);
        request.onsuccess = () => resolve(request.result as { secret: { issuedAt: number } });
      });
      value.secret.issuedAt -= days * 86_400_000;
      store.put(value, key);
    }
  }, 8);
  await stopWorker(context, options);
  // Any event starts a fresh worker, which renews the due login before anything else.
  const popup = await openPopup();
  await expect.poll(longTokens, { timeout: 15_000 }).toBe(before + 1);
  await options.reload();
  await expect(options.getByText('Connected', { exact: true })).toHaveCount(1);

  // And the renewed login posts.
  const marker = `thr${Date.now()}`;
  await pickAccounts(popup, 'Threads');
  await popup.getByLabel('Post text').fill(`Still here ${marker}`);
  await popup.getByRole('button', { name: 'Post' }).click();
  await expect
    .poll(async () => (await threadsPosts(servers.threads, marker)).length, { timeout: 20_000 })
    .toBe(1);
});
