import { expect, test } from './fixtures';
import { listPosts, mastodonControl, statusesContaining } from './helpers';

function byteOffsetsOf(text: string, part: string) {
  const bytes = new TextEncoder();
  const start = text.indexOf(part);
  const byteStart = bytes.encode(text.slice(0, start)).length;
  return { byteStart, byteEnd: byteStart + bytes.encode(part).length };
}

test('posts to Mastodon and Bluesky at once, with facets and an idempotency key', async ({
  bothConnected,
  context,
  openPopup,
  servers,
}) => {
  const { user } = bothConnected;
  const marker = `m${Date.now()}`;
  const longUrl = 'https://www.example.com/a/very/long/path/indeed?x=1';
  const text = `Héllo 🌍 ${marker} see https://example.com/a?b=1 #crosswind @${user.handle} ${longUrl}`;
  // Bluesky shows links shortened, as its app does; the full URL stays in the link facet.
  const blueskyText = `Héllo 🌍 ${marker} see example.com/a?b=1 #crosswind @${user.handle} www.example.com/a/very/long/...`;

  const popup = await openPopup();
  await popup.getByLabel('Post text').fill(text);
  await popup.getByRole('checkbox', { name: /\(Mastodon\)/ }).check();
  await popup.getByRole('checkbox', { name: /\(Bluesky\)/ }).check();
  await popup.getByRole('button', { name: 'Post' }).click();

  const delivery = popup.getByRole('region', { name: 'Delivery' });
  await expect(delivery.getByRole('link', { name: 'View post on Mastodon' })).toBeVisible();
  await expect(delivery.getByRole('link', { name: 'View post on Bluesky' })).toBeVisible();

  const statuses = await statusesContaining(servers.mastodon, marker);
  expect(statuses).toHaveLength(1);
  expect(statuses[0]?.text).toBe(text);
  expect(statuses[0]?.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);

  const records = (await listPosts(servers.pds, user.did)).filter((r) =>
    r.value.text.includes(marker),
  );
  expect(records).toHaveLength(1);
  const record = records[0]!.value;
  expect(record.text).toBe(blueskyText);
  expect(record.langs).toEqual(['en']);
  const facets = record.facets ?? [];
  const ofType = (type: string) =>
    facets.filter((f) => f.features[0]?.$type === `app.bsky.richtext.facet#${type}`);
  expect(ofType('link').map((f) => [f.index, f.features[0]?.uri])).toEqual([
    [byteOffsetsOf(blueskyText, 'example.com/a?b=1'), 'https://example.com/a?b=1'],
    [byteOffsetsOf(blueskyText, 'www.example.com/a/very/long/...'), longUrl],
  ]);
  expect(ofType('tag').map((f) => [f.index, f.features[0]?.tag])).toEqual([
    [byteOffsetsOf(blueskyText, '#crosswind'), 'crosswind'],
  ]);
  expect(ofType('mention').map((f) => [f.index, f.features[0]?.did])).toEqual([
    [byteOffsetsOf(blueskyText, `@${user.handle}`), user.did],
  ]);

  // The link opens the created post.
  const mastodonLink = await delivery
    .getByRole('link', { name: 'View post on Mastodon' })
    .getAttribute('href');
  const page = await context.newPage();
  await page.goto(mastodonLink!);
  await expect(page.getByText(marker)).toBeVisible();

  // Everything arrived, so the draft is gone and Post is ready for the next one.
  await popup.reload();
  await expect(popup.getByLabel('Post text')).toHaveValue('');
});

test('one failing server does not hold back the other, and Retry posts exactly once', async ({
  bothConnected,
  openPopup,
  servers,
}) => {
  const { user } = bothConnected;
  const marker = `r${Date.now()}`;

  // A rate limit that resets in two hours: not worth waiting for, so the user decides.
  await mastodonControl(servers.mastodon, 'fail', {
    status: 429,
    times: 1,
    path: '/api/v1/statuses',
    retryAfterSeconds: 7200,
  });
  const popup = await openPopup();
  await popup.getByLabel('Post text').fill(`Retry me ${marker}`);
  await popup.getByRole('checkbox', { name: /\(Mastodon\)/ }).check();
  await popup.getByRole('checkbox', { name: /\(Bluesky\)/ }).check();
  // Ctrl+Enter posts, as in every composer.
  await popup.getByLabel('Post text').press('Control+Enter');

  const delivery = popup.getByRole('region', { name: 'Delivery' });
  await expect(delivery.getByRole('link', { name: 'View post on Bluesky' })).toBeVisible();
  await expect(delivery.getByRole('alert')).toContainText('too many requests');
  expect(await statusesContaining(servers.mastodon, marker)).toHaveLength(0);

  // The draft stays until every account has the post.
  await popup.reload();
  await expect(popup.getByLabel('Post text')).toHaveValue(`Retry me ${marker}`);

  await popup.getByRole('button', { name: /^Retry .*\(Mastodon\)/ }).click();
  await expect(delivery.getByRole('link', { name: 'View post on Mastodon' })).toBeVisible();
  expect(await statusesContaining(servers.mastodon, marker)).toHaveLength(1);
  const records = (await listPosts(servers.pds, user.did)).filter((r) =>
    r.value.text.includes(marker),
  );
  expect(records).toHaveLength(1);
  await popup.reload();
  await expect(popup.getByLabel('Post text')).toHaveValue('');
});

test('the draft survives closing and reopening the popup', async ({
  mastodonConnected: _connected,
  openPopup,
}) => {
  let popup = await openPopup();
  await popup.getByRole('checkbox', { name: /\(Mastodon\)/ }).check();
  await popup.getByLabel('Post text').fill('Half-written thought');
  await popup.close();

  popup = await openPopup();
  await expect(popup.getByLabel('Post text')).toHaveValue('Half-written thought');
  await expect(popup.getByRole('checkbox', { name: /\(Mastodon\)/ })).toBeChecked();
});

test('Post is disabled past a limit and with nothing picked', async ({
  mastodonConnected: _connected,
  openPopup,
}) => {
  const popup = await openPopup();
  const post = popup.getByRole('button', { name: 'Post' });
  await popup.getByLabel('Post text').fill('Short');
  await expect(post).toBeDisabled();
  await popup.getByRole('checkbox', { name: /\(Mastodon\)/ }).check();
  await expect(post).toBeEnabled();

  // A long URL counts as 23 characters on Mastodon, so 477 letters and a URL fit exactly.
  await popup
    .getByLabel('Post text')
    .fill(`${'a'.repeat(476)} https://example.com/${'x'.repeat(200)}`);
  await expect(popup.getByLabel(/\(Mastodon\): 0 of 500 characters left/)).toBeVisible();
  await expect(post).toBeEnabled();
  await popup
    .getByLabel('Post text')
    .fill(`${'a'.repeat(477)} https://example.com/${'x'.repeat(200)}`);
  await expect(popup.getByLabel(/\(Mastodon\): 1 character over the limit of 500/)).toBeVisible();
  await expect(post).toBeDisabled();
});
