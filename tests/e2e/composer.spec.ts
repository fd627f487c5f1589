import { toShortUrl } from '../../utils/text/short-url.ts';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { connectMastodonViaUi, listPosts, pickAccounts, statusesContaining } from './helpers';

const graphemes = (text: string) => [...new Intl.Segmenter().segment(text)].length;
const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** Four paragraphs of about 225 characters, about 900 in all, one with a link. */
function longText(marker: string): { text: string; link: string } {
  const link = 'https://example.com/articles/crosswind-threads';
  const filler = 'every part must stay whole and readable on its own when it is posted'.split(' ');
  const paragraphs = [1, 2, 3, 4].map((n) => {
    let paragraph = `Part ${n} ${marker}.${n === 2 ? ` Read ${link} first.` : ''}`;
    for (let i = 0; paragraph.length < 220; i += 1) paragraph += ` ${filler[i % filler.length]}`;
    return `${paragraph}.`;
  });
  return { text: paragraphs.join('\n\n'), link };
}

test('a 900-character text becomes a 4-part Bluesky thread and a 2-part Mastodon thread', async ({
  bothConnected,
  openPopup,
  servers,
}) => {
  const { user } = bothConnected;
  const marker = `t${Date.now()}`;
  const { text, link } = longText(marker);
  expect(text.length).toBeGreaterThanOrEqual(890);
  expect(text.length).toBeLessThanOrEqual(920);

  const popup = await openPopup();
  await popup.getByLabel('Post text').fill(text);
  await pickAccounts(popup, 'Mastodon', 'Bluesky');
  const post = popup.getByRole('button', { name: 'Post' });
  await expect(popup.getByLabel(/\(Bluesky\): \d+ characters over the limit of 300/)).toBeVisible();
  await expect(post).toBeDisabled();

  await popup.getByRole('checkbox', { name: /^Post as a thread to .*\(Mastodon\)$/ }).check();
  await popup.getByRole('checkbox', { name: /^Post as a thread to .*\(Bluesky\)$/ }).check();
  await expect(
    popup.getByLabel(/\(Bluesky\): thread of 4 posts, each within the limit/),
  ).toBeVisible();
  await expect(
    popup.getByLabel(/\(Mastodon\): thread of 2 posts, each within the limit/),
  ).toBeVisible();

  // Every part is previewed before posting.
  const blueskyRow = popup.getByRole('listitem').filter({ hasText: `Bluesky · @${user.handle}` });
  // A closed preview keeps no parts on the page, so typing does not rewrite them all.
  await expect(popup.locator('.thread-part')).toHaveCount(0);
  await blueskyRow.getByText('Preview the 4 posts').click();
  const preview = popup.getByRole('list', { name: /^Thread for .*\(Bluesky\)$/ });
  await expect(preview.getByRole('listitem')).toHaveCount(4);
  await expect(preview.getByRole('listitem').first()).toContainText(`Part 1 ${marker}`);

  await post.click();
  const delivery = popup.getByRole('region', { name: 'Delivery' });
  await expect(delivery.getByText('Posted a thread of 4')).toBeVisible();
  await expect(delivery.getByText('Posted a thread of 2')).toBeVisible();

  // Mastodon: two statuses, the second answering the first, each within 500.
  const statuses = await statusesContaining(servers.mastodon, marker);
  expect(statuses).toHaveLength(2);
  expect(statuses[0]?.inReplyToId).toBeNull();
  expect(statuses[1]?.inReplyToId).toBe(statuses[0]?.id);
  for (const status of statuses) expect(graphemes(status.text)).toBeLessThanOrEqual(500);
  expect(words(statuses.map((status) => status.text).join(' '))).toEqual(words(text));

  // Bluesky: four records chained by reply, each within 300 graphemes, the link kept whole.
  const records = (await listPosts(servers.pds, user.did))
    .filter((record) => record.value.text.includes(marker))
    .sort((a, b) => a.value.createdAt.localeCompare(b.value.createdAt));
  expect(records).toHaveLength(4);
  const [root] = records;
  records.forEach((record, index) => {
    expect(graphemes(record.value.text)).toBeLessThanOrEqual(300);
    if (index === 0) return expect(record.value.reply).toBeUndefined();
    expect(record.value.reply).toEqual({
      root: { uri: root!.uri, cid: root!.cid },
      parent: { uri: records[index - 1]!.uri, cid: records[index - 1]!.cid },
    });
  });
  const posted = records.map((record) => record.value.text).join(' ');
  // Bluesky shows the link shortened as its app does; the facet keeps the whole URL.
  const shownLink = toShortUrl(link);
  expect(words(posted)).toEqual(words(text.replace(link, shownLink)));
  const linkFacets = records.flatMap((record) => record.value.facets ?? []);
  expect(linkFacets.map((facet) => facet.features[0]?.uri)).toEqual([link]);
});

test('a separate version: Mastodon gets text A, Bluesky gets text B', async ({
  bothConnected,
  openPopup,
  servers,
}) => {
  const { user } = bothConnected;
  const marker = `v${Date.now()}`;

  const popup = await openPopup();
  await pickAccounts(popup, 'Mastodon', 'Bluesky');
  await popup.getByLabel('Post text').fill(`Text A for the fediverse ${marker}`);
  await popup.getByRole('button', { name: 'Separate text for Bluesky' }).click();
  const variant = popup.getByLabel('Text for Bluesky');
  await expect(variant).toHaveValue(`Text A for the fediverse ${marker}`);
  await variant.fill(`Text B for Bluesky ${marker}`);

  // The separate text is part of the draft: it survives the popup closing.
  await popup.reload();
  await expect(popup.getByLabel('Text for Bluesky')).toHaveValue(`Text B for Bluesky ${marker}`);
  await popup.getByRole('button', { name: 'Post' }).click();
  const delivery = popup.getByRole('region', { name: 'Delivery' });
  await expect(delivery.getByRole('link', { name: 'View post on Bluesky' })).toBeVisible();
  await expect(delivery.getByRole('link', { name: 'View post on Mastodon' })).toBeVisible();

  const statuses = await statusesContaining(servers.mastodon, marker);
  expect(statuses.map((status) => status.text)).toEqual([`Text A for the fediverse ${marker}`]);
  const records = (await listPosts(servers.pds, user.did)).filter((record) =>
    record.value.text.includes(marker),
  );
  expect(records.map((record) => record.value.text)).toEqual([`Text B for Bluesky ${marker}`]);
});

test('content warning, label, visibility and language arrive as chosen', async ({
  bothConnected,
  openPopup,
  servers,
}) => {
  const { user } = bothConnected;
  const marker = `w${Date.now()}`;

  const popup = await openPopup();
  await pickAccounts(popup, 'Mastodon', 'Bluesky');
  await popup.getByLabel('Post text').fill(`What a finale ${marker}`);
  await popup.getByRole('button', { name: 'Add content warning' }).click();
  await popup.getByLabel('Content warning').fill('Gore in the finale');
  // The warning's words suggest a label; the user picks another.
  await expect(popup.getByLabel('Bluesky label')).toHaveValue('graphic-media');
  await popup.getByLabel('Bluesky label').selectOption('nudity');
  await expect(
    popup.getByLabel('Put the warning at the top of the Bluesky post'),
  ).not.toBeChecked();
  await popup.getByLabel('Mastodon visibility').selectOption('private');
  await popup.getByLabel('Language').selectOption('de');
  await popup.getByRole('button', { name: 'Post' }).click();
  const delivery = popup.getByRole('region', { name: 'Delivery' });
  await expect(delivery.getByRole('link', { name: 'View post on Bluesky' })).toBeVisible();
  await expect(delivery.getByRole('link', { name: 'View post on Mastodon' })).toBeVisible();

  const [status] = await statusesContaining(servers.mastodon, marker);
  expect(status).toMatchObject({
    text: `What a finale ${marker}`,
    spoilerText: 'Gore in the finale',
    sensitive: true,
    visibility: 'private',
    language: 'de',
  });
  const [record] = (await listPosts(servers.pds, user.did)).filter((item) =>
    item.value.text.includes(marker),
  );
  expect(record?.value).toMatchObject({
    text: `What a finale ${marker}`,
    langs: ['de'],
    labels: { $type: 'com.atproto.label.defs#selfLabels', values: [{ val: 'nudity' }] },
  });

  // Delivered everywhere, so the composer starts afresh, remembering the language.
  await expect(popup.getByLabel('Post text')).toHaveValue('');
  await expect(popup.getByLabel('Language')).toHaveValue('de');
});

test('the popup and options page have no serious or critical accessibility violations', async ({
  context,
  openOptions,
  openPopup,
  servers,
}) => {
  const options = await openOptions();
  expect(await seriousViolations(options)).toEqual([]);
  await connectMastodonViaUi(context, options, servers.mastodon);
  await expect(options.getByText('Connected', { exact: true })).toBeVisible();
  await options.getByText('Advanced: Bluesky directory').click();
  expect(await seriousViolations(options)).toEqual([]);

  const popup = await openPopup();
  await pickAccounts(popup, 'Mastodon');
  await popup.getByLabel('Post text').fill('word '.repeat(120));
  await popup.getByRole('button', { name: 'Add content warning' }).click();
  await popup.getByLabel('Content warning').fill('Long read');
  await popup.getByRole('checkbox', { name: /^Post as a thread to / }).check();
  await popup.getByText(/^Preview the \d+ posts$/).click();
  await popup.getByRole('button', { name: 'Separate text for Mastodon' }).click();
  expect(await seriousViolations(popup)).toEqual([]);
  await popup.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(popup)).toEqual([]);
});
