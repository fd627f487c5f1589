import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { EXTENSION_DIR, CHROMIUM } from '../e2e/extension';
import { expect, test } from '../e2e/fixtures';
import { connectBlueskyViaUi, connectBoth, createBlueskyUser } from '../e2e/helpers';
import { buildEmptyPopup } from './empty-popup/build';
import { installProbe, keystrokeTimes, percentile, readyTime, startupBytes } from './popup-measure';
import { medianRatioInterval } from './ratio-interval';

/** The targets, each a ratio to the empty React popup measured in the same run. */
const MAX_BYTES_RATIO = 1.2;
const MAX_OPEN_RATIO = 1.2;
const MAX_KEYSTROKE_P95_RATIO = 2;
/** With a 200 kB text the composer must stay usable: every keystroke under this. */
const MAX_HUGE_TEXT_P95_MS = 100;
/**
 * Opens of each popup, alternating; the first of each is a warm-up. The issue asks for the median
 * of at least 15: with 15, single opens on this machine ranged over 30 ms and the median ratio
 * moved by ±0.05 between runs of the same build. Even with 30 a side, two copies of the same popup
 * page opened in one run came out up to 0.06 apart; 60 a side (about 0.3 s each) halve that.
 */
const OPENS = 61;
/**
 * Keystrokes are typed in short turns, each popup in turn (the order alternating), so both meet
 * the same moments of a shared machine's load, which changes within seconds; the first turn of
 * each is a warm-up. 40 turns of 5 keys give 200 samples a side, so a 95th percentile rests on
 * the ten slowest keys: with 100, it rested on five, and the empty popup's own p95 moved from
 * 5.2 to 7.7 ms between runs of the same build, which alone swung the ratio from 1.32 to 2.05.
 */
const KEY_TURNS = 41;
const TURN = ' more';
/** Keys typed into the 200 kB text (turns of 20), after one warm-up turn. */
const HUGE_ROUNDS = 4;
const HUGE_TURN = 'and more words typed';

/** What each popup shows once it is ready to write in. */
const READY = {
  crosswind: 'fieldset.targets input[type="checkbox"]',
  empty: 'textarea',
};

const median = (values: number[]) => percentile(values, 0.5);
const kB = (value: number) => `${(value / 1024).toFixed(1)} kB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');

/** Long text in paragraphs, as a thread is written. */
function longText(length: number): string {
  const paragraph =
    'Writing a long thread about the open social web, one paragraph at a time, with a link https://example.com/read/more and a #hashtag now and then. ';
  const paragraphs: string[] = [];
  let size = 0;
  while (size < length) {
    const next = paragraph.repeat(3).trim();
    paragraphs.push(next);
    size += next.length + 2;
  }
  return paragraphs.join('\n\n').slice(0, length);
}

async function launchBoth(emptyDir: string): Promise<BrowserContext> {
  const dirs = `${EXTENSION_DIR},${emptyDir}`;
  return chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${dirs}`,
      `--load-extension=${dirs}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** Each extension's id by its name, from its service worker. */
async function extensionIds(context: BrowserContext): Promise<Record<string, string>> {
  while (context.serviceWorkers().length < 2) await context.waitForEvent('serviceworker');
  const ids: Record<string, string> = {};
  for (const worker of context.serviceWorkers()) {
    const name = await worker.evaluate(
      () =>
        (
          globalThis as unknown as { chrome: { runtime: { getManifest(): { name: string } } } }
        ).chrome.runtime.getManifest().name,
    );
    ids[name] = new URL(worker.url()).host;
  }
  return ids;
}

/** Opens a popup page in a fresh tab and returns it once ready, with its open→ready time. */
async function open(
  context: BrowserContext,
  url: string,
  selector: string,
): Promise<{ page: Page; ms: number }> {
  const page = await context.newPage();
  await installProbe(page, selector);
  await page.goto(url);
  await page.locator(selector).first().waitFor();
  return { page, ms: await readyTime(page) };
}

test('the popup opens and types about as fast as an empty React popup', async ({ servers }) => {
  const emptyDir = await buildEmptyPopup();
  const context = await launchBoth(emptyDir);
  try {
    const ids = await extensionIds(context);
    const url = {
      crosswind: `chrome-extension://${ids.Crosswind}/popup.html`,
      empty: `chrome-extension://${ids['Empty React popup']}/index.html`,
    };
    const optionsUrl = `chrome-extension://${ids.Crosswind}/options.html`;
    let options = await context.newPage();
    await options.goto(optionsUrl);
    await connectBoth(context, options, servers);
    // Closed while the popup opens, as it is when someone clicks the toolbar button: an open
    // options page shares the popup's process and script heap, whose garbage collections then
    // fell in the popup's start (a 10 ms pause in a trace), which the empty popup never meets.
    await options.close();

    // Start-up bytes and open → ready, alternating, each open a fresh page.
    const opens = { crosswind: [] as number[], empty: [] as number[] };
    const bytes = { crosswind: 0, empty: 0 };
    for (let round = 0; round < OPENS; round += 1) {
      const order =
        round % 2 === 0 ? (['crosswind', 'empty'] as const) : (['empty', 'crosswind'] as const);
      for (const side of order) {
        const { page, ms: openMs } = await open(context, url[side], READY[side]);
        // The first open of each pays for compiling; it is a warm-up, not a sample.
        if (round > 0) opens[side].push(openMs);
        else
          bytes[side] = await startupBytes(page, side === 'crosswind' ? EXTENSION_DIR : emptyDir);
        await page.close();
      }
    }

    // Keystrokes in a 10,000-character text, planned as a thread for four accounts.
    // One at a time: the form clears its password once a sign-in succeeds, so filling in the next
    // account while the last one is still connecting lost that account's password (3 of 4).
    options = await context.newPage();
    await options.goto(optionsUrl);
    for (const [index, prefix] of ['benchb', 'benchc'].entries()) {
      const user = await createBlueskyUser(servers.pds, prefix);
      await connectBlueskyViaUi(options, user.handle, user.appPassword);
      await expect(options.getByText('Connected', { exact: true })).toHaveCount(3 + index);
    }
    const text = longText(10_000);
    const keys = { crosswind: [] as number[], empty: [] as number[], huge: [] as number[] };
    const pages = {
      empty: (await open(context, url.empty, READY.empty)).page,
      crosswind: (await open(context, url.crosswind, READY.crosswind)).page,
    };
    await pages.empty.getByLabel('Post text').fill(text);
    await pages.empty.getByLabel('Post text').press('End');
    {
      const page = pages.crosswind;
      const boxes = page.getByRole('group', { name: 'Post to' }).getByRole('checkbox');
      for (const box of await boxes.all()) await box.check();
      await page.getByLabel('Post text').fill(text);
      // The counters come a moment after the first frame; each offers its thread once counted.
      const threadBoxes = page.getByRole('checkbox', { name: /^Post as a thread to / });
      await expect(threadBoxes).toHaveCount(4);
      for (const box of await threadBoxes.all()) {
        await box.check();
      }
      await expect(page.getByLabel(/: thread of .+ posts/)).toHaveCount(4);
      await page.getByLabel('Post text').press('Control+End');
    }
    for (let turn = 0; turn < KEY_TURNS; turn += 1) {
      const order =
        turn % 2 === 0 ? (['crosswind', 'empty'] as const) : (['empty', 'crosswind'] as const);
      for (const side of order) {
        // The page typed in is the one in front, as the popup is.
        await pages[side].bringToFront();
        const times = await keystrokeTimes(pages[side], TURN);
        if (turn > 0) keys[side].push(...times);
      }
    }
    await pages.empty.close();

    // Usable with a 200 kB text.
    {
      const page = pages.crosswind;
      await page.bringToFront();
      await page.getByLabel('Post text').fill(longText(200_000));
      await page.getByLabel('Post text').press('Control+End');
      for (let round = 0; round <= HUGE_ROUNDS; round += 1) {
        const times = await keystrokeTimes(page, HUGE_TURN);
        if (round > 0) keys.huge.push(...times);
      }
      await page.close();
    }

    const bytesRatio = bytes.crosswind / bytes.empty;
    const openRatio = median(opens.crosswind) / median(opens.empty);
    // How far the run's ratio could move by chance (see ratio-interval.ts); the verdict stays on the ratio.
    const openRange = medianRatioInterval(opens.crosswind, opens.empty);
    const p95 = {
      crosswind: percentile(keys.crosswind, 0.95),
      empty: percentile(keys.empty, 0.95),
      huge: percentile(keys.huge, 0.95),
    };
    const keyRatio = p95.crosswind / p95.empty;
    console.log('\nPopup benchmark: Crosswind vs. an empty React popup, same Chromium');
    console.log(
      `  start-up JS, gzipped    ${kB(bytes.crosswind)} vs ${kB(bytes.empty)}: ${bytesRatio.toFixed(2)} (target ≤ ${MAX_BYTES_RATIO}) ${verdict(bytesRatio <= MAX_BYTES_RATIO)}`,
    );
    console.log(
      `  open → ready, median    ${ms(median(opens.crosswind))} vs ${ms(median(opens.empty))} over ${OPENS - 1} alternating opens: ${openRatio.toFixed(2)}, 90 % bootstrap interval ${openRange.low.toFixed(2)}–${openRange.high.toFixed(2)} (target ≤ ${MAX_OPEN_RATIO}) ${verdict(openRatio <= MAX_OPEN_RATIO)}`,
    );
    console.log(
      `  keystroke → frame, 10,000 characters, threads for 4 accounts, ${keys.crosswind.length} vs ${keys.empty.length} keys in ${KEY_TURNS - 1} alternating turns: median ${ms(median(keys.crosswind))}, p95 ${ms(p95.crosswind)}; empty popup median ${ms(median(keys.empty))}, p95 ${ms(p95.empty)}: ${keyRatio.toFixed(2)} (target ≤ ${MAX_KEYSTROKE_P95_RATIO}) ${verdict(keyRatio <= MAX_KEYSTROKE_P95_RATIO)}`,
    );
    console.log(
      `  keystroke → frame, 200 kB text, ${keys.huge.length} keys: median ${ms(median(keys.huge))}, p95 ${ms(p95.huge)} (target < ${MAX_HUGE_TEXT_P95_MS} ms) ${verdict(p95.huge < MAX_HUGE_TEXT_P95_MS)}\n`,
    );
    expect.soft(bytesRatio, 'start-up JS ratio').toBeLessThanOrEqual(MAX_BYTES_RATIO);
    expect.soft(openRatio, 'open → ready ratio').toBeLessThanOrEqual(MAX_OPEN_RATIO);
    expect.soft(keyRatio, 'keystroke p95 ratio').toBeLessThanOrEqual(MAX_KEYSTROKE_P95_RATIO);
    expect.soft(p95.huge, '200 kB keystroke p95').toBeLessThan(MAX_HUGE_TEXT_P95_MS);
  } finally {
    await context.close();
  }
});
