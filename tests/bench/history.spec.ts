import type { Page } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';
import { connectBoth } from '../e2e/helpers';
import { replaceHistory } from './history-fixture';
import { newestJob } from './outbox-page';
import { medianRatioInterval } from './ratio-interval';

/** The targets: a long history may cost a post 10 %, and the first screen 2×. */
const MAX_POST_RATIO = 1.1;
const MAX_PAGE_RATIO = 2;
const LONG_HISTORY = 500;
/**
 * Single posts to the local servers spread from about 110 to 190 ms, so a median of 9 moved by
 * 0.1 between runs of the same code: 15 rounds a side, and the bootstrap interval says how sure.
 */
const ROUNDS = 15;
const SETTLE_MS = 1_500;

const ms = (values: number[]) => values.map((value) => value.toFixed(0)).join(', ');

/** How far a ratio of medians could move by chance (see ratio-interval.ts); the verdict stays on the ratio. */
function interval(a: number[], b: number[]): string {
  const { low, high } = medianRatioInterval(a, b);
  return `90 % bootstrap interval ${low.toFixed(2)}–${high.toFixed(2)}`;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** One text post to both accounts; milliseconds from the background recording it to the last "done". */
async function timedPost(popup: Page, text: string): Promise<number> {
  await popup.reload();
  for (const box of await popup
    .getByRole('group', { name: 'Post to' })
    .getByRole('checkbox')
    .all()) {
    await box.check();
  }
  await popup.getByLabel('Post text').fill(text);
  await popup.getByRole('button', { name: 'Post' }).click();
  const delivery = popup.getByRole('region', { name: 'Delivery' });
  await expect(delivery.getByRole('link', { name: /^View post on / })).toHaveCount(2);
  const job = await newestJob(popup);
  return Math.max(...job.targets.map((target) => target.updatedAt)) - job.createdAt;
}

/** Milliseconds from navigation to the sent-posts list on screen, as the page itself saw it. */
async function timedHistoryPage(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await expect(page.getByRole('list', { name: 'Sent posts' })).toBeVisible();
  return page.evaluate(() => {
    const shown = (globalThis as unknown as { listShownAt?: number }).listShownAt;
    if (shown === undefined) throw new Error('The first-screen probe did not run');
    return shown;
  });
}

test('a long history costs a post and the sent-posts page almost nothing', async ({
  context,
  extensionId,
  openOptions,
  openPopup,
  servers,
}) => {
  const options = await openOptions();
  await connectBoth(context, options, servers);
  const popup = await openPopup();
  const historyPage = await context.newPage();
  // Notes when the list first appears, from the page's own clock (navigation start is 0).
  await historyPage.addInitScript(() => {
    const probe = globalThis as unknown as { listShownAt?: number };
    new MutationObserver((_records, observer) => {
      if (document.querySelector('ul[aria-label="Sent posts"] li')) {
        probe.listShownAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const historyUrl = `chrome-extension://${extensionId}/sent-posts.html`;

  // Warm both paths up once, so neither side pays for the first compile or connection.
  await timedPost(popup, 'Warm-up');
  await timedHistoryPage(historyPage, historyUrl);

  const posts = { empty: [] as number[], long: [] as number[] };
  const pages = { one: [] as number[], long: [] as number[] };
  for (let round = 0; round < ROUNDS; round += 1) {
    // Alternating which goes first, so neither side always runs on a warmer machine.
    const order = round % 2 === 0 ? (['empty', 'long'] as const) : (['long', 'empty'] as const);
    for (const side of order) {
      await replaceHistory(options, side === 'empty' ? 0 : LONG_HISTORY);
      // Let the browser finish writing the seeded megabytes to disk, as it long has for a real
      // history: the post must not be measured against a one-off bulk write.
      await options.waitForTimeout(SETTLE_MS);
      posts[side].push(await timedPost(popup, `History bench ${side} ${round} ${Date.now()}`));
      // The page with that post alone, or with it on top of the long history.
      pages[side === 'empty' ? 'one' : 'long'].push(
        await timedHistoryPage(historyPage, historyUrl),
      );
    }
  }

  const post = { empty: median(posts.empty), long: median(posts.long) };
  const page = { one: median(pages.one), long: median(pages.long) };
  const postRatio = post.long / post.empty;
  const pageRatio = page.long / page.one;
  console.log(`\nHistory benchmark (${ROUNDS} alternating rounds, medians)`);
  console.log(
    `  text post to Mastodon + Bluesky, empty history   ${post.empty.toFixed(0)} ms (${ms(posts.empty)})`,
  );
  console.log(
    `  same post with ${LONG_HISTORY} posts in the history     ${post.long.toFixed(0)} ms (${ms(posts.long)})`,
  );
  console.log(
    `  ratio ${postRatio.toFixed(2)}, ${interval(posts.long, posts.empty)} (target ≤ ${MAX_POST_RATIO})`,
  );
  console.log(
    `  sent-posts first screen, 1 post                  ${page.one.toFixed(0)} ms (${ms(pages.one)})`,
  );
  console.log(
    `  sent-posts first screen, ${LONG_HISTORY + 1} posts              ${page.long.toFixed(0)} ms (${ms(pages.long)})`,
  );
  console.log(
    `  ratio ${pageRatio.toFixed(2)}, ${interval(pages.long, pages.one)} (target ≤ ${MAX_PAGE_RATIO})\n`,
  );
  expect(postRatio).toBeLessThanOrEqual(MAX_POST_RATIO);
  expect(pageRatio).toBeLessThanOrEqual(MAX_PAGE_RATIO);
});
