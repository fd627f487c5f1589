import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { listPosts, pickAccounts, statusesContaining } from './helpers';
import { paddedMp4, recordClip, type ClipFile } from '../media/clips';

// One 10-second clip for the file, recorded by Chromium's MediaRecorder when the tests start.
let clip: ClipFile;

test.beforeAll(async () => {
  clip = await recordClip({
    name: 'kite.mp4',
    seconds: 10,
    width: 640,
    height: 360,
    mimeType: 'video/mp4',
  });
});

interface VideoEmbed {
  $type: string;
  video: { ref: { $link: string }; mimeType: string; size: number };
  alt: string;
  aspectRatio: { width: number; height: number };
}

interface StatusMedia {
  description: string | null;
  type: string;
  mimeType: string;
  size: number;
  sha256: string;
}

test('a 10-second clip goes to Mastodon and Bluesky with its description', async ({
  bothConnected,
  openPopup,
  servers,
}) => {
  test.setTimeout(120_000);
  const { user } = bothConnected;
  const marker = `v${Date.now()}`;
  const popup = await openPopup();
  await pickAccounts(popup, 'Mastodon', 'Bluesky');
  await popup.getByLabel('Post text').fill(`A kite ${marker}`);
  await popup.getByLabel('Add video').setInputFiles(clip);
  const description = popup.getByLabel('Description of kite.mp4');
  await expect(description).toBeVisible();
  await description.fill('A kite over the sea');
  // What each account takes, before anything is sent.
  await expect(popup.getByText('Bluesky: up to 3 minutes and 100 MB')).toBeVisible();
  await expect(popup.getByText(/^Mastodon: server limit \d+ MB$/)).toBeVisible();
  // The player read the clip: its length and frame size are shown.
  await expect(popup.getByText(/^0:1\d · .* · 640×360/)).toBeVisible();

  await popup.getByRole('button', { name: 'Post' }).click();
  const delivery = popup.getByRole('region', { name: 'Delivery' });
  await expect(delivery.getByRole('link', { name: 'View post on Bluesky' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(delivery.getByRole('link', { name: 'View post on Mastodon' })).toBeVisible({
    timeout: 60_000,
  });

  const records = (await listPosts(servers.pds, user.did)).filter((record) =>
    record.value.text.includes(marker),
  );
  expect(records).toHaveLength(1);
  const embed = (records[0]!.value as { embed?: VideoEmbed }).embed;
  expect(embed).toMatchObject({
    $type: 'app.bsky.embed.video',
    alt: 'A kite over the sea',
    aspectRatio: { width: 640, height: 360 },
    video: { mimeType: 'video/mp4', size: clip.buffer.length },
  });
  const blob = new URL('/xrpc/com.atproto.sync.getBlob', servers.pds);
  blob.search = new URLSearchParams({ did: user.did, cid: embed!.video.ref.$link }).toString();
  const stored = Buffer.from(await (await fetch(blob)).arrayBuffer());
  expect(stored.equals(clip.buffer)).toBe(true);

  const [status] = await statusesContaining(servers.mastodon, marker);
  const media = (status as unknown as { media: StatusMedia[] }).media;
  expect(media).toEqual([
    expect.objectContaining({
      description: 'A kite over the sea',
      type: 'video',
      mimeType: 'video/mp4',
      size: clip.buffer.length,
      sha256: createHash('sha256').update(clip.buffer).digest('hex'),
    }),
  ]);
});

test('a clip over Bluesky’s limits is refused for Bluesky only, before Post', async ({
  bothConnected,
  openPopup,
}, testInfo) => {
  test.setTimeout(120_000);
  const { user } = bothConnected;
  // Over Bluesky's 100 MB, under Mastodon's 99 MiB (103,809,024 bytes).
  const large = paddedMp4(clip, 100_500_000, 'long-take.mp4');
  // Playwright hands files over 50 MB to the page by path only.
  const path = testInfo.outputPath(large.name);
  await writeFile(path, large.buffer);
  const popup = await openPopup();
  await pickAccounts(popup, 'Mastodon', 'Bluesky');
  await popup.getByLabel('Post text').fill('Too much for one network');
  await popup.getByLabel('Add video').setInputFiles(path);
  await expect(popup.getByLabel('Description of long-take.mp4')).toBeVisible({ timeout: 30_000 });

  const refusal = `Too large for Bluesky (101 MB, at most 100 MB): pick a smaller clip or untick @${user.handle} (Bluesky).`;
  const counters = popup.getByRole('list', { name: 'Length per account' });
  await expect(counters.getByText(refusal)).toBeVisible();
  await expect(counters.getByText(/^Mastodon: server limit \d+ MB$/)).toBeVisible();
  const post = popup.getByRole('button', { name: 'Post' });
  await expect(post).toBeDisabled();

  await popup.getByRole('checkbox', { name: /\(Bluesky\)$/ }).uncheck();
  await expect(counters.getByText(refusal)).toHaveCount(0);
  await expect(post).toBeEnabled();
});
