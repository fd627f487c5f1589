import { expect, test } from './fixtures';
import { listPosts, mastodonControl, pickAccounts, statusesContaining } from './helpers';
import { makePhotos } from './photos';

async function photo(name: string, width: number, height: number, quality = 0.9) {
  const [file] = await makePhotos([{ name, width, height, quality }]);
  return file!;
}

interface EmbeddedImage {
  image: { ref: { $link: string }; mimeType: string; size: number };
  alt: string;
  aspectRatio?: { width: number; height: number };
}

async function blobSize(pds: string, did: string, cid: string): Promise<number> {
  const url = new URL('/xrpc/com.atproto.sync.getBlob', pds);
  url.search = new URLSearchParams({ did, cid }).toString();
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return (await response.arrayBuffer()).byteLength;
}

async function postedImages(pds: string, did: string, marker: string): Promise<EmbeddedImage[]> {
  const records = (await listPosts(pds, did)).filter((record) =>
    record.value.text.includes(marker),
  );
  expect(records).toHaveLength(1);
  const embed = (records[0]!.value as { embed?: { images?: EmbeddedImage[] } }).embed;
  return embed?.images ?? [];
}

test('two images with alt text land on the PDS and on Mastodon through the 202 → poll path', async ({
  bothConnected,
  openPopup,
  servers,
}) => {
  const { user } = bothConnected;
  const files = [await photo('beach.jpg', 3000, 2000), await photo('forest.jpg', 1200, 1600)];
  const marker = `i${Date.now()}`;

  const popup = await openPopup();
  await pickAccounts(popup, 'Mastodon', 'Bluesky');
  await popup.getByLabel('Post text').fill(`Two pictures ${marker}`);
  await popup.getByLabel('Add images').setInputFiles(files);
  await popup.getByLabel('Alt text for beach.jpg').fill('Waves on a sandy beach at sunset');
  await popup.getByLabel('Alt text for forest.jpg').fill('Tall pines in morning fog');
  await popup.getByRole('button', { name: 'Post' }).click();

  const delivery = popup.getByRole('region', { name: 'Delivery' });
  await expect(delivery.getByRole('link', { name: 'View post on Bluesky' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(delivery.getByRole('link', { name: 'View post on Mastodon' })).toBeVisible({
    timeout: 30_000,
  });

  const images = await postedImages(servers.pds, user.did, marker);
  expect(images.map((image) => image.alt)).toEqual([
    'Waves on a sandy beach at sunset',
    'Tall pines in morning fog',
  ]);
  // Bluesky gets at most 2000 px on the long side, in the picture's own proportions.
  const [wide, tall] = images.map((image) => image.aspectRatio!);
  expect(wide!.width).toBe(2000);
  expect(Math.abs(wide!.height - 1333)).toBeLessThanOrEqual(1);
  expect(tall).toEqual({ width: 1200, height: 1600 });
  for (const image of images) {
    const size = await blobSize(servers.pds, user.did, image.image.ref.$link);
    expect(size).toBe(image.image.size);
    expect(size).toBeLessThanOrEqual(1_000_000);
  }

  const [status] = await statusesContaining(servers.mastodon, marker);
  const media = (status as unknown as { media: Array<{ description: string; mimeType: string }> })
    .media;
  expect(media.map((item) => item.description)).toEqual([
    'Waves on a sandy beach at sunset',
    'Tall pines in morning fog',
  ]);
  // The server answered 202 and the extension polled until each image was processed.
  const requests = await mastodonControl<Array<{ method: string; path: string; status: number }>>(
    servers.mastodon,
    'requests',
  );
  expect(
    requests.filter((r) => r.method === 'POST' && r.path === '/api/v2/media').map((r) => r.status),
  ).toContain(202);
  expect(
    requests.some(
      (r) => r.method === 'GET' && r.path.startsWith('/api/v1/media/') && r.status === 206,
    ),
  ).toBe(true);
});

test('a 6 MB photo is prepared for and accepted by both servers', async ({
  bothConnected,
  openPopup,
  servers,
}) => {
  const { user } = bothConnected;
  const big = await photo('camera.jpg', 4000, 3000, 0.96);
  expect(big.buffer.length).toBeGreaterThan(5_500_000);
  const marker = `b${Date.now()}`;

  const popup = await openPopup();
  await pickAccounts(popup, 'Mastodon', 'Bluesky');
  await popup.getByLabel('Post text').fill(`Straight from the camera ${marker}`);
  await popup.getByLabel('Add images').setInputFiles([big]);
  await popup.getByLabel('Alt text for camera.jpg').fill('A landscape photo');
  await popup.getByRole('button', { name: 'Post' }).click();
  const delivery = popup.getByRole('region', { name: 'Delivery' });
  await expect(delivery.getByRole('link', { name: 'View post on Bluesky' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(delivery.getByRole('link', { name: 'View post on Mastodon' })).toBeVisible({
    timeout: 30_000,
  });

  const [image] = await postedImages(servers.pds, user.did, marker);
  expect(await blobSize(servers.pds, user.did, image!.image.ref.$link)).toBeLessThanOrEqual(
    1_000_000,
  );
  expect(image!.aspectRatio).toEqual({ width: 2000, height: 1500 });
  const [status] = await statusesContaining(servers.mastodon, marker);
  const media = (status as unknown as { media: Array<{ description: string; size: number }> })
    .media;
  expect(media).toHaveLength(1);
  expect(media[0]?.description).toBe('A landscape photo');
});
