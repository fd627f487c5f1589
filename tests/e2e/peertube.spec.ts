import type { BrowserContext, Page } from '@playwright/test';
import { startPeerTubeServer, type PeerTubeServer } from '../servers/peertube';
import { stateOf } from '../servers/peertube/videos';
import { statusesContaining } from '../servers/records';
import { accountIds, draftWithClip, recordClip, recordClipFile } from './clip';
import { expect, test } from './fixtures';
import { connectMastodonViaUi, stopWorker } from './helpers';
import { clickMenu, openComposerFor, openTab } from './share-menu';
import { startSite } from './site-server';

// PeerTube end to end: its test server runs in this process (so the test reads what reached it),
// Crosswind signs in through the options page, and a clip recorded in the browser is posted.
// The e2e build may reach 127.0.0.1 as a granted site, which PeerTube's upload needs.
test.use({ extensionBuild: 'e2e' });

const CHUNK = 1024 * 1024;
const PATH = '/api/v1/videos/upload-resumable';
let server: PeerTubeServer;

test.beforeEach(async () => {
  server = await startPeerTubeServer({
    transcodeMs: 1500,
    // Slices stay 1 MiB (an instance may ask so): a clip spans several, and a worker can be
    // stopped between them; left alone, slices grow on this fast link and a clip takes two.
    maxChunkSize: CHUNK,
    users: [
      {
        username: 'alice',
        password: 'alice-password',
        displayName: 'Alice Tube',
        otp: '246810',
        channels: [
          { name: 'alice_channel', displayName: 'Main alice channel' },
          { name: 'cats', displayName: 'Cats' },
        ],
      },
    ],
  });
});

test.afterEach(() => server.close());

/** Connects alice through the form, the two-factor code included, and picks her Cats channel. */
async function connect(options: Page): Promise<void> {
  await options.getByLabel('PeerTube server').fill(server.url);
  await options.getByLabel('Username').fill('alice');
  await options.getByLabel('Password', { exact: true }).fill('alice-password');
  await options.getByRole('button', { name: 'Connect PeerTube account' }).click();
  await expect(options.getByText('type the code from your authenticator app')).toBeVisible();
  await options.getByLabel('Two-factor code').fill('246810');
  await options.getByRole('button', { name: 'Connect PeerTube account' }).click();
  await expect(options.getByText('Connected', { exact: true })).toHaveCount(1);
  await options.getByLabel('Channel').selectOption({ label: 'Cats' });
}

/** Connects alice on PeerTube, then the Mastodon test user, both through the options page. */
async function connectWithMastodon(
  context: BrowserContext,
  options: Page,
  mastodon: string,
): Promise<void> {
  await connect(options);
  await connectMastodonViaUi(context, options, mastodon);
  await expect(options.getByText('Connected', { exact: true })).toHaveCount(2);
}

test('connects with two-factor, says a text needs a video, and posts a recorded 10-second clip to PeerTube and Mastodon', async ({
  context,
  openOptions,
  openPopup,
  servers,
}) => {
  const options = await openOptions();
  await connectWithMastodon(context, options, servers.mastodon);
  // Never the password: only the session the server gave.
  expect(server.state.tokens).toHaveLength(1);
  const accounts = await accountIds(options);

  const popup = await openPopup();
  await popup.getByRole('checkbox', { name: /\(PeerTube\)$/ }).check();
  await popup.getByLabel('Post text').fill('Just words');
  await expect(popup.getByText('PeerTube needs a video', { exact: true })).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Post' })).toBeDisabled();
  await popup.close();

  const clip = await recordClip(options, 10, 2_000_000);
  const marker = `pt${Date.now()}`;
  await draftWithClip(
    options,
    clip,
    `Static noise, ten seconds\nRecorded in the test run ${marker}. #noise`,
    accounts.map((item) => item.id),
    {
      contentWarning: 'Flicker',
    },
  );
  const composer = await openPopup();
  await composer.getByRole('button', { name: 'Post' }).click();
  const delivery = composer.getByRole('region', { name: 'Delivery' });
  await expect(delivery.getByRole('link', { name: 'View post on PeerTube' })).toBeVisible({
    timeout: 30_000,
  });

  expect(server.state.videos).toHaveLength(1);
  const video = server.state.videos[0]!;
  expect(video).toMatchObject({
    name: 'Static noise, ten seconds',
    description: `Recorded in the test run ${marker}. #noise`,
    tags: ['noise'],
    channelId: 2,
    nsfw: true,
    nsfwSummary: 'Flicker',
    privacy: 1,
    size: clip.bytes,
    sha256: clip.sha256,
  });
  // Mastodon got the same clip, with the same words (its own network's way: one status).
  await expect(delivery.getByRole('link', { name: 'View post on Mastodon' })).toBeVisible({
    timeout: 30_000,
  });
  const [status] = await statusesContaining(servers.mastodon, marker);
  const media = (status as unknown as { media: Array<{ type: string; size: number }> }).media;
  expect(media).toEqual([expect.objectContaining({ type: 'video', size: clip.bytes })]);
  await expect(delivery.getByRole('link', { name: 'View post on PeerTube' })).toHaveAttribute(
    'href',
    `${server.url}/w/${video.shortUUID}`,
  );
  // The server publishes it once transcoded.
  await expect
    .poll(async () => {
      const answer = await fetch(`${server.url}/api/v1/videos/${video.uuid}`);
      return ((await answer.json()) as { state: { id: number } }).state.id;
    })
    .toBe(1);
});

test('a worker stopped mid-upload continues from the offset the server reports, and one video results', async ({
  context,
  openOptions,
  openPopup,
  openHistory,
}) => {
  const options = await openOptions();
  await connect(options);
  const [account] = await accountIds(options);
  const clip = await recordClip(options, 8, 6_000_000, CHUNK * 3 + 1);
  expect(clip.bytes).toBeGreaterThan(CHUNK * 3);
  await draftWithClip(options, clip, 'Interrupted upload', [account!.id]);
  // Each slice takes a while, so the worker can be stopped in the middle of the upload.
  server.control.delay({ path: PATH, ms: 400 });
  const popup = await openPopup();
  await popup.getByRole('button', { name: 'Post' }).click();
  await expect
    .poll(() => server.state.ranges.filter((range) => !range.cut).length, { timeout: 20_000 })
    .toBeGreaterThanOrEqual(2);
  await stopWorker(context, options);
  const stoppedAt = server.state.requests.length;

  // Opening the popup is the next event: it starts a fresh worker, which resumes the post.
  await popup.close();
  await openPopup();
  const history = await openHistory();
  await expect(history.getByRole('link', { name: 'View post on PeerTube' })).toBeVisible({
    timeout: 40_000,
  });
  expect(server.state.videos).toHaveLength(1);
  const video = server.state.videos[0]!;
  expect(video.sha256).toBe(clip.sha256);
  // One session: the restarted worker asked the server where it was instead of opening another.
  const after = server.state.requests.slice(stoppedAt);
  expect(
    server.state.requests.filter((request) => request.method === 'POST' && request.path === PATH),
  ).toHaveLength(1);
  expect(after.some((request) => request.contentRange === `bytes */${clip.bytes}`)).toBe(true);
  // No byte reached the server twice beyond one slice.
  const received = server.state.ranges.reduce((sum, range) => sum + (range.end - range.start), 0);
  expect(received - clip.bytes).toBeLessThanOrEqual(CHUNK);
});

test('a clip picked with "Add video" goes to the chosen channel under the first line, then its link goes to Mastodon', async ({
  context,
  openOptions,
  openPopup,
  servers,
}) => {
  const options = await openOptions();
  await connectWithMastodon(context, options, servers.mastodon);
  const clip = await recordClipFile(options, 10, 2_000_000, CHUNK + 1);

  const popup = await openPopup();
  const peertube = popup.getByRole('checkbox', { name: /\(PeerTube\)$/ });
  const mastodon = popup.getByRole('checkbox', { name: /\(Mastodon\)$/ });
  await peertube.check();
  await mastodon.uncheck();
  await popup.getByLabel('Post text').fill('Harbour at dusk\nThe boats come in.');
  const chooser = popup.waitForEvent('filechooser');
  await popup.locator('label', { hasText: 'Add video' }).click();
  await (
    await chooser
  ).setFiles({ name: 'harbour.webm', mimeType: 'video/webm', buffer: clip.buffer });
  await expect(popup.getByRole('figure', { name: 'Video: harbour.webm' })).toBeVisible();
  // Before Post: where the video goes and what it is called.
  await expect(
    popup.getByText('PeerTube: uploaded to channel Cats as “Harbour at dusk”', { exact: true }),
  ).toBeVisible();

  // Slow slices, so the row has something to count; every state it shows is noted as rendered.
  server.control.delay({ path: PATH, ms: 250 });
  await popup.evaluate(() => {
    const seen: string[] = [];
    Object.assign(window, { rowStates: seen });
    new MutationObserver(() => {
      const text = document.querySelector('.delivery-state')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await popup.getByRole('button', { name: 'Post', exact: true }).click();
  const delivery = popup.getByRole('region', { name: 'Delivery' });
  const link = delivery.getByRole('link', { name: 'View post on PeerTube' });
  await expect(link).toBeVisible({ timeout: 30_000 });
  expect(server.state.videos).toHaveLength(1);
  const video = server.state.videos[0]!;
  expect(video).toMatchObject({
    name: 'Harbour at dusk',
    description: 'The boats come in.',
    channelId: 2,
    size: clip.bytes,
    sha256: clip.sha256,
  });
  // The link is given once PeerTube has published the video, not before.
  expect(stateOf(video)).toBe(1);
  const watch = `${server.url}/w/${video.shortUUID}`;
  await expect(link).toHaveAttribute('href', watch);
  // The row counted the video's bytes, then said PeerTube was transcoding it, then Posted.
  const states = await popup.evaluate(
    () => (window as unknown as { rowStates: string[] }).rowStates,
  );
  expect(states).not.toContain('Uploading images…');
  const counting = states.filter((state) => /^Uploading the video: \d+%$/.test(state));
  // Figures from the slices the server confirmed (the last one is answered with the video).
  expect(clip.bytes).toBeGreaterThan(CHUNK);
  expect(counting.length, states.join(' | ')).toBeGreaterThanOrEqual(1);
  const percents = counting.map((state) => Number(/(\d+)%/.exec(state)![1]));
  expect(percents).toEqual([...percents].sort((a, b) => a - b));
  const processing = states.indexOf('PeerTube is processing the video…');
  expect(processing).toBeGreaterThan(states.indexOf(counting.at(-1)!));
  expect(states.at(-1)).toBe('Posted');

  // Then the watch link, for the account the clip did not go to.
  await delivery.getByRole('button', { name: 'Share the video’s link' }).click();
  await expect(popup.getByLabel('Post text')).toHaveValue(watch);
  await expect(mastodon).toBeChecked();
  await expect(peertube).not.toBeChecked();
  await popup.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(delivery.getByRole('link', { name: 'View post on Mastodon' })).toBeVisible({
    timeout: 30_000,
  });
  const statuses = await statusesContaining(servers.mastodon, video.shortUUID);
  expect(statuses).toHaveLength(1);
  expect(statuses[0]!.text).toContain(watch);
  expect(server.state.videos).toHaveLength(1);
});

test('"Share video" on a page’s <video> posts that clip to PeerTube', async ({
  context,
  extensionId,
  openOptions,
}) => {
  const options = await openOptions();
  await connect(options);
  const clip = await recordClipFile(options, 4, 1_000_000);
  const site = await startSite({ '/clip.webm': { type: 'video/webm', body: clip.buffer } });
  try {
    const { tab } = await openTab(context, `${site.url}/video.html`);
    await clickMenu(
      context,
      { menuItemId: 'video', srcUrl: `${site.url}/clip.webm`, pageUrl: tab.url },
      tab,
    );
    const composer = await openComposerFor(context, extensionId, tab.id);
    await expect(composer.getByRole('figure', { name: 'Video: clip.webm' })).toBeVisible({
      timeout: 15_000,
    });
    await composer.getByRole('checkbox', { name: /\(PeerTube\)$/ }).check();
    await composer.getByLabel('Post text').fill('Boats coming in\nSeen on a harbour page.');
    await expect(
      composer.getByText('PeerTube: uploaded to channel Cats as “Boats coming in”', {
        exact: true,
      }),
    ).toBeVisible();
    await composer.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(
      composer
        .getByRole('region', { name: 'Delivery' })
        .getByRole('link', { name: 'View post on PeerTube' }),
    ).toBeVisible({ timeout: 30_000 });
    expect(server.state.videos).toHaveLength(1);
    expect(server.state.videos[0]).toMatchObject({
      name: 'Boats coming in',
      description: 'Seen on a harbour page.',
      channelId: 2,
      size: clip.bytes,
      sha256: clip.sha256,
    });
  } finally {
    await site.close();
  }
});
