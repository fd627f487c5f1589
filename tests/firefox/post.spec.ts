import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ElementHandle } from 'puppeteer-core';
import { listPosts, statusesContaining } from '../servers/records';
import { gradientPng } from '../e2e/site-server';
import { expect, test } from './fixtures';
import { connectBoth, deliveryRegion, pickAllAccounts } from './flows';
import { byLabel, byRole, clickRole, fill, fillLabel, valueOf } from './queries';

function byteOffsetsOf(text: string, part: string) {
  const bytes = new TextEncoder();
  const start = text.indexOf(part);
  const byteStart = bytes.encode(text.slice(0, start)).length;
  return { byteStart, byteEnd: byteStart + bytes.encode(part).length };
}

let dir = '';
test.beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'crosswind-firefox-'));
});
test.afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('connects Mastodon through OAuth and Bluesky, then posts to both with facets and an image', async ({
  firefox,
  openOptions,
  openPopup,
  servers,
}) => {
  const options = await openOptions();
  const user = await connectBoth(firefox.browser, options, servers);

  const photo = path.join(dir, 'balcony.png');
  await writeFile(photo, gradientPng(900, 600));
  const marker = `ff${Date.now()}`;
  const text = `Héllo 🌍 ${marker} see https://example.com/a?b=1 #crosswind @${user.handle}`;
  const blueskyText = `Héllo 🌍 ${marker} see example.com/a?b=1 #crosswind @${user.handle}`;

  const popup = await openPopup();
  await pickAllAccounts(popup);
  await fillLabel(popup, 'Post text', text);
  expect(await valueOf(await byLabel(popup, 'Post text'))).toBe(text);
  const picker = (await byLabel(popup, 'Add images')) as ElementHandle<HTMLInputElement>;
  await picker.uploadFile(photo);
  await fill(await byLabel(popup, 'Alt text for balcony.png'), 'Basil pots on a sunny rail');
  await clickRole(popup, 'button', 'Post');

  const delivery = await deliveryRegion(popup);
  await byRole(delivery, 'link', 'View post on Mastodon', { timeout: 30_000 });
  await byRole(delivery, 'link', 'View post on Bluesky', { timeout: 30_000 });

  // Mastodon: one status, the text as written, the idempotency key, the image with its alt text.
  const statuses = await statusesContaining(servers.mastodon, marker);
  expect(statuses).toHaveLength(1);
  expect(statuses[0]?.text).toBe(text);
  expect(statuses[0]?.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  const media = (statuses[0] as unknown as { media: Array<{ description: string }> }).media;
  expect(media.map((item) => item.description)).toEqual(['Basil pots on a sunny rail']);

  // Bluesky: one record with link, tag and mention facets at their byte offsets, and the image.
  const records = (await listPosts(servers.pds, user.did)).filter((record) =>
    record.value.text.includes(marker),
  );
  expect(records).toHaveLength(1);
  const record = records[0]!.value;
  expect(record.text).toBe(blueskyText);
  const facets = (record.facets ?? []).map((facet) => [facet.index, facet.features[0]]);
  expect(facets).toEqual([
    [
      byteOffsetsOf(blueskyText, 'example.com/a?b=1'),
      { $type: 'app.bsky.richtext.facet#link', uri: 'https://example.com/a?b=1' },
    ],
    [
      byteOffsetsOf(blueskyText, '#crosswind'),
      { $type: 'app.bsky.richtext.facet#tag', tag: 'crosswind' },
    ],
    [
      byteOffsetsOf(blueskyText, `@${user.handle}`),
      { $type: 'app.bsky.richtext.facet#mention', did: user.did },
    ],
  ]);
  const embed = (record as { embed?: { images?: Array<{ alt: string }> } }).embed;
  expect(embed?.images?.map((image) => image.alt)).toEqual(['Basil pots on a sunny rail']);
});
