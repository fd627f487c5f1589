import type { Page } from '@playwright/test';
import { expect, test, type Fixtures } from './fixtures';
import {
  connectBlueskyViaUi,
  connectMastodonViaUi,
  connectMisskeyViaUi,
  createBlueskyUser,
  deleteEverywhere,
  historyItem,
  listPosts,
  misskeyControl,
  notesContaining,
  pickAccounts,
  statusesContaining,
  stopWorker,
  type RecordedFile,
  useLocalDirectory,
} from './helpers';
import { makePhotos } from './photos';

/** How many notes/create requests the server has received so far, answered or not. */
async function notesCreateArrivals(server: string): Promise<number> {
  const arrivals = await misskeyControl<Array<{ path: string }>>(server, 'arrivals');
  return arrivals.filter((arrival) => arrival.path === '/api/notes/create').length;
}

/** Waits until the notes/create after the `before` ones has reached the server. */
async function untilNoteSent(server: string, before: number): Promise<void> {
  await expect.poll(() => notesCreateArrivals(server)).toBe(before + 1);
}

test('MiAuth connects Misskey; one post with an image, alt text and a warning reaches Misskey, Mastodon and Bluesky as threads, then is deleted everywhere', async ({
  context,
  openOptions,
  openPopup,
  openHistory,
  servers,
}) => {
  const options = await openOptions();
  // MiAuth: the server's consent page names the app and what it may do; a person clicks Accept.
  await options.getByLabel('Misskey server').fill(servers.misskey);
  const consentOpened = context.waitForEvent('page');
  await options.getByRole('button', { name: 'Connect Misskey account' }).click();
  const consent = await consentOpened;
  await expect(
    consent.getByRole('heading', {
      name: 'Would you like to allow “Crosswind” to access this account?',
    }),
  ).toBeVisible();
  await expect(consent.getByRole('listitem')).toHaveText([
    'write:notes',
    'write:drive',
    'read:account',
  ]);
  await consent.getByRole('button', { name: 'Accept' }).click();
  await expect(options.getByText('Connected', { exact: true })).toHaveCount(1);
  await expect(options.getByText(/@alice@127\.0\.0\.1:\d+ \(Misskey\)/).first()).toBeVisible();
  // The token was handed out once, to Crosswind.
  const tokens = await misskeyControl<Array<{ fetched: boolean; name: string }>>(
    servers.misskey,
    'tokens',
  );
  expect(tokens.at(-1)).toMatchObject({ fetched: true, name: 'Crosswind' });

  await connectMastodonViaUi(context, options, servers.mastodon);
  await expect(options.getByText('Connected', { exact: true })).toHaveCount(2);
  const user = await createBlueskyUser(servers.pds, 'misskey');
  await useLocalDirectory(options, servers.pds, servers.plc);
  await connectBlueskyViaUi(options, user.handle, user.appPassword);
  await expect(options.getByText('Connected', { exact: true })).toHaveCount(3);

  const marker = `mk${Date.now()}`;
  const popup = await openPopup();
  await pickAccounts(popup, 'Misskey', 'Mastodon', 'Bluesky');
  // A line of --- makes a thread: on Misskey a replyId chain.
  await popup.getByLabel('Post text').fill(`Sunrise ${marker}\n---\nAnd then ${marker}`);
  const [photo] = await makePhotos([{ name: 'sunrise.jpg', width: 1200, height: 900 }]);
  await popup.getByLabel('Add images').setInputFiles([photo!]);
  await popup.getByLabel('Alt text for sunrise.jpg').fill('The sun rising over the sea');
  await popup.getByRole('button', { name: 'Add content warning' }).click();
  await popup.getByLabel('Content warning').fill('Bright light');
  await popup.getByRole('button', { name: 'Post' }).click();
  const delivery = popup.getByRole('region', { name: 'Delivery' });
  await expect(delivery.getByText('Posted a thread of 2')).toHaveCount(3, { timeout: 20_000 });

  const notes = await notesContaining(servers.misskey, marker);
  expect(notes).toHaveLength(2);
  expect(notes[0]).toMatchObject({ text: `Sunrise ${marker}`, cw: 'Bright light', replyId: null });
  expect(notes[1]).toMatchObject({
    text: `And then ${marker}`,
    cw: 'Bright light',
    replyId: notes[0]!.id,
  });
  expect(notes[0]!.fileIds).toHaveLength(1);
  const files = await misskeyControl<RecordedFile[]>(servers.misskey, 'files');
  expect(files.find((file) => file.id === notes[0]!.fileIds[0])).toMatchObject({
    type: 'image/jpeg',
    comment: 'The sun rising over the sea',
    isSensitive: true,
  });
  const statuses = await statusesContaining(servers.mastodon, marker);
  expect(statuses.map((status) => status.spoilerText)).toEqual(['Bright light', 'Bright light']);
  const records = (await listPosts(servers.pds, user.did)).filter((record) =>
    record.value.text.includes(marker),
  );
  expect(records).toHaveLength(2);

  const history = await openHistory();
  const item = historyItem(history, `Sunrise ${marker}`);
  await deleteEverywhere(item);
  await expect(item.getByRole('status')).toHaveText('Deleted from every account', {
    timeout: 15_000,
  });
  const deleted = await notesContaining(servers.misskey, marker);
  expect(deleted.map((note) => note.deletedAt)).toEqual([expect.any(String), expect.any(String)]);
  expect((await statusesContaining(servers.mastodon, marker)).every((s) => s.deletedAt)).toBe(true);
  expect(
    (await listPosts(servers.pds, user.did)).filter((r) => r.value.text.includes(marker)),
  ).toHaveLength(0);
});

/**
 * Connects Misskey, has the server hold the next notes/create `holdMs` before it stores the note,
 * posts `text`, and stops the worker once that request has reached the server.
 */
async function stopWorkerWhileServerHolds(
  fixtures: Pick<Fixtures, 'context' | 'openOptions' | 'openPopup' | 'servers'>,
  text: string,
  holdMs: number,
): Promise<{ sent: number }> {
  const { context, openOptions, openPopup, servers } = fixtures;
  const options = await openOptions();
  await connectMisskeyViaUi(context, options, servers.misskey);
  await expect(options.getByText('Connected', { exact: true })).toHaveCount(1);
  const sent = await notesCreateArrivals(servers.misskey);
  await misskeyControl(servers.misskey, 'delay', {
    ms: holdMs,
    path: '/api/notes/create',
    times: 1,
  });
  const popup = await openPopup();
  await pickAccounts(popup, 'Misskey');
  await popup.getByLabel('Post text').fill(text);
  await popup.getByRole('button', { name: 'Post' }).click();
  await expect(
    popup.getByRole('region', { name: 'Delivery' }).getByText('Posting…', { exact: true }),
  ).toBeVisible();
  await untilNoteSent(servers.misskey, sent);
  await stopWorker(context, popup);
  await popup.close();
  return { sent };
}

/** Waits until the history shows the post as posted, with one note on Misskey it links to. */
async function expectOneNoteLinked(
  history: Page,
  server: string,
  text: string,
  marker: string,
): Promise<void> {
  const item = historyItem(history, text);
  await expect(item.getByText('Posted', { exact: true })).toBeVisible({ timeout: 30_000 });
  const notes = await notesContaining(server, marker);
  expect(notes).toHaveLength(1);
  await expect(item.getByRole('link', { name: 'View post on Misskey' })).toHaveAttribute(
    'href',
    `${server}/notes/${notes[0]!.id}`,
  );
}

test('a worker stopped after notes/create was sent and before its answer leaves exactly one note', async ({
  context,
  openOptions,
  openPopup,
  openHistory,
  servers,
}) => {
  const marker = `mks${Date.now()}`;
  const seen = (await misskeyControl<unknown[]>(servers.misskey, 'requests')).length;
  // The server holds the request 3 s, then stores the note; the worker is stopped meanwhile.
  const fixtures = { context, openOptions, openPopup, servers };
  await stopWorkerWhileServerHolds(fixtures, `Only once ${marker}`, 3000);
  // The request reached the server: the note exists, and its answer went nowhere.
  await expect
    .poll(async () => (await notesContaining(servers.misskey, marker)).length, { timeout: 10_000 })
    .toBe(1);

  // The next event starts a fresh worker, which resumes the post: it finds the note and adopts it.
  await openPopup();
  await expectOneNoteLinked(await openHistory(), servers.misskey, `Only once ${marker}`, marker);
  // One notes/create, the stopped worker's; the new worker looked (users/notes) instead of posting.
  const requests = (
    await misskeyControl<Array<{ method: string; path: string }>>(servers.misskey, 'requests')
  ).slice(seen);
  const posts = requests.filter((r) => r.method === 'POST' && r.path === '/api/notes/create');
  expect(posts).toHaveLength(1);
  expect(requests.some((r) => r.method === 'POST' && r.path === '/api/users/notes')).toBe(true);
});

test('a worker stopped while the server is still making the note, and started again at once, leaves exactly one note', async ({
  context,
  openOptions,
  openPopup,
  openHistory,
  servers,
}) => {
  const marker = `mkr${Date.now()}`;
  // The server holds the request 5 s before it stores the note: longer than a new worker takes.
  const fixtures = { context, openOptions, openPopup, servers };
  const text = `Still in the making ${marker}`;
  const { sent } = await stopWorkerWhileServerHolds(fixtures, text, 5000);
  // At once: the fresh worker resumes the post while the server has not stored the note yet.
  await openPopup();
  expect(await notesContaining(servers.misskey, marker)).toHaveLength(0);

  await expectOneNoteLinked(await openHistory(), servers.misskey, text, marker);
  // The new worker waited for the note instead of sending it again.
  expect(await notesCreateArrivals(servers.misskey)).toBe(sent + 1);
});

test('“Only on this server” is offered once a Misskey account is picked and posts a local-only note there', async ({
  context,
  openOptions,
  openPopup,
  servers,
}) => {
  const options = await openOptions();
  await connectMisskeyViaUi(context, options, servers.misskey);
  await connectMastodonViaUi(context, options, servers.mastodon);
  await expect(options.getByText('Connected', { exact: true })).toHaveCount(2);

  const popup = await openPopup();
  const localOnly = popup.getByRole('checkbox', { name: 'Only on this server (local only)' });
  await pickAccounts(popup, 'Mastodon');
  // Mastodon cannot keep a post off the fediverse: the choice is not offered for it alone.
  await expect(localOnly).toHaveCount(0);
  await pickAccounts(popup, 'Misskey');
  await localOnly.check();
  const marker = `mkl${Date.now()}`;
  await popup.getByLabel('Post text').fill(`Neighbours only ${marker}`);
  await popup.getByRole('button', { name: 'Post' }).click();

  await expect
    .poll(async () => (await notesContaining(servers.misskey, marker)).length, { timeout: 15_000 })
    .toBe(1);
  expect((await notesContaining(servers.misskey, marker))[0]).toMatchObject({ localOnly: true });
  // The Mastodon account still gets the post, as an ordinary one.
  await expect
    .poll(async () => (await statusesContaining(servers.mastodon, marker)).length, {
      timeout: 15_000,
    })
    .toBe(1);
});
