import type { Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import {
  connectBlueskyViaUi,
  createBlueskyUser,
  listPosts,
  mastodonControl,
  pickAccounts,
  statusesContaining,
  useLocalDirectory,
  stopWorker,
} from './helpers';

const MINUTE = 60_000;

/** The extension APIs the tests read inside the service worker (the callbacks run there). */
interface WorkerGlobal {
  chrome: {
    action: { getBadgeText(details: object): Promise<string> };
    alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> };
  };
}

/** A scheduled status as the Mastodon test server recorded it. */
interface RecordedSchedule {
  id: string;
  text: string;
  scheduledAt: string;
  cancelledAt: string | null;
  publishedStatusId: string | null;
}

async function schedulesContaining(server: string, marker: string): Promise<RecordedSchedule[]> {
  const all = await mastodonControl<RecordedSchedule[]>(server, 'scheduled-statuses');
  return all.filter((item) => item.text.includes(marker));
}

const pad = (value: number) => String(value).padStart(2, '0');

/** A moment as a datetime-local field takes it: local time (the browser shares this machine's zone). */
function localInput(at: number): string {
  const date = new Date(at);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A whole minute at least `ms` from now: the field has minute precision. */
function wholeMinuteAfter(ms: number): number {
  return Math.ceil((Date.now() + ms) / MINUTE) * MINUTE;
}

/** Writes a post for the given accounts and schedules it for `at` through "Post later". */
async function schedulePost(popup: Page, text: string, networks: RegExp[], at: number) {
  await popup.getByLabel('Post text').fill(text);
  for (const network of networks) await popup.getByRole('checkbox', { name: network }).check();
  await popup.getByRole('checkbox', { name: 'Post later' }).check();
  await popup.getByLabel('Post at').fill(localInput(at));
  await popup.getByRole('button', { name: 'Schedule' }).click();
}

test('Post later: the Mastodon server holds it, the page lists it, and cancelling deletes it', async ({
  bothConnected,
  context,
  openHistory,
  openPopup,
  servers,
}) => {
  const { user } = bothConnected;
  const marker = `sch${Date.now()}`;
  const popup = await openPopup();
  await popup.getByLabel('Post text').fill(`Later ${marker}`);
  await pickAccounts(popup, 'Mastodon', 'Bluesky');

  await popup.getByRole('checkbox', { name: 'Post later' }).check();
  const postAt = popup.getByLabel('Post at');
  const schedule = popup.getByRole('button', { name: 'Schedule' });
  // A time already past is refused, with the reason beside the button.
  await postAt.fill(localInput(Date.now() - 60 * MINUTE));
  await expect(schedule).toBeDisabled();
  await expect(popup.locator('#post-why')).toHaveText('That time has passed: pick a later one.');

  const at = wholeMinuteAfter(9 * MINUTE);
  await postAt.fill(localInput(at));
  await expect(schedule).toBeEnabled();
  expect(await seriousViolations(popup)).toEqual([]);
  const note = popup.locator('#schedule-note');
  await expect(note).toContainText(
    /Mastodon: your server posts it at .+, even if your browser is closed\./,
  );
  await expect(note).toContainText(
    /Bluesky: Crosswind posts it at .+ if your browser is running, otherwise as soon as it starts again\./,
  );
  await schedule.click();

  const delivery = popup.getByRole('region', { name: 'Delivery' });
  const host = new URL(servers.mastodon).host;
  await expect(
    delivery.getByRole('listitem', { name: /\(Mastodon\)$/ }).getByText(`on ${host}`),
  ).toContainText(/^Scheduled for /);
  await expect(
    delivery.getByRole('listitem', { name: /\(Bluesky\)$/ }).getByText(/^Scheduled for /),
  ).toContainText('(Crosswind posts it)');
  // The post lives in the schedule now: the composer is free for the next one.
  await expect(popup.getByLabel('Post text')).toHaveValue('');
  await expect(popup.getByRole('button', { name: 'Post', exact: true })).toBeVisible();

  const [scheduled] = await schedulesContaining(servers.mastodon, marker);
  expect(scheduled).toMatchObject({
    text: `Later ${marker}`,
    scheduledAt: new Date(at).toISOString(),
    cancelledAt: null,
    publishedStatusId: null,
  });
  expect(await statusesContaining(servers.mastodon, marker)).toEqual([]);
  const posts = async () =>
    (await listPosts(servers.pds, user.did)).filter((r) => r.value.text.includes(marker));
  expect(await posts()).toEqual([]);
  // Waiting for its time is not "in progress": the toolbar badge stays quiet.
  const worker = context.serviceWorkers()[0]!;
  expect(
    await worker.evaluate(() =>
      (globalThis as unknown as WorkerGlobal).chrome.action.getBadgeText({}),
    ),
  ).toBe('');

  const history = await openHistory();
  const section = history.getByRole('region', { name: 'Scheduled posts' });
  await expect(section.getByRole('heading', { name: 'Scheduled posts' })).toBeVisible();
  const item = section.getByRole('listitem').filter({ hasText: `Later ${marker}` });
  await expect(item.getByText(/^Goes out /)).toBeVisible();
  await expect(item.getByRole('listitem', { name: /\(Mastodon\)$/ })).toContainText(`on ${host}`);
  await expect(history.getByRole('list', { name: 'Sent posts' })).toHaveCount(0);
  await item.getByRole('button', { name: 'Change time' }).click();
  expect(await seriousViolations(history)).toEqual([]);
  await item.getByRole('button', { name: 'Keep the time' }).click();

  // Cancelling asks first; "Keep it" leaves it scheduled.
  await item.getByRole('button', { name: 'Cancel schedule' }).click();
  await item.getByRole('button', { name: 'Keep it' }).click();
  await item.getByRole('button', { name: 'Cancel schedule' }).click();
  await item.getByRole('button', { name: 'Yes, cancel it' }).click();
  await expect(section.getByRole('status')).toHaveText(
    'Schedule cancelled: the post was not sent.',
  );
  await expect(item).toHaveCount(0);
  const [cancelled] = await schedulesContaining(servers.mastodon, marker);
  expect(cancelled?.cancelledAt).not.toBeNull();
  expect(await statusesContaining(servers.mastodon, marker)).toEqual([]);
  expect(await posts()).toEqual([]);
});

test('Change time moves the server’s copy; Edit puts the post back in the composer, never over another', async ({
  bothConnected: _connected,
  openHistory,
  openPopup,
  servers,
}) => {
  const marker = `chg${Date.now()}`;
  const popup = await openPopup();
  await schedulePost(popup, `Move me ${marker}`, [/\(Mastodon\)$/], wholeMinuteAfter(20 * MINUTE));
  await expect(popup.getByRole('region', { name: 'Delivery' })).toContainText(
    /Scheduled for .+ on /,
  );

  const history = await openHistory();
  const item = history
    .getByRole('region', { name: 'Scheduled posts' })
    .getByRole('listitem')
    .filter({ hasText: `Move me ${marker}` });
  await item.getByRole('button', { name: 'Change time' }).click();
  const later = wholeMinuteAfter(45 * MINUTE);
  await item.getByLabel('New time').fill(localInput(later));
  await item.getByRole('button', { name: 'Save' }).click();
  await expect(item.getByLabel('New time')).toHaveCount(0);
  await expect
    .poll(async () => (await schedulesContaining(servers.mastodon, marker))[0]?.scheduledAt)
    .toBe(new Date(later).toISOString());
  await expect(item.getByRole('time')).toHaveAttribute('datetime', new Date(later).toISOString());

  // Something else is being written: Edit must not overwrite it.
  await popup.getByLabel('Post text').fill('A different post I am writing');
  await item.getByRole('button', { name: 'Edit' }).click();
  await expect(item.getByRole('alert')).toHaveText(
    'Send or clear the post you are writing first, then press Edit again.',
  );
  expect((await schedulesContaining(servers.mastodon, marker))[0]?.cancelledAt).toBeNull();
  await expect(popup.getByLabel('Post text')).toHaveValue('A different post I am writing');

  await popup.getByLabel('Post text').fill('');
  await item.getByRole('button', { name: 'Edit' }).click();
  await expect(
    history.getByRole('region', { name: 'Scheduled posts' }).getByRole('status'),
  ).toHaveText(
    'The post is back in the composer: open Crosswind from the toolbar to change and send it.',
  );
  await expect(item).toHaveCount(0);
  expect((await schedulesContaining(servers.mastodon, marker))[0]?.cancelledAt).not.toBeNull();

  const reopened = await openPopup();
  await expect(reopened.getByLabel('Post text')).toHaveValue(`Move me ${marker}`);
  await expect(reopened.getByRole('checkbox', { name: 'Post later' })).toBeChecked();
  await expect(reopened.getByLabel('Post at')).toHaveValue(localInput(later));
  await expect(reopened.getByRole('checkbox', { name: /\(Mastodon\)$/ })).toBeChecked();
  await expect(reopened.getByRole('button', { name: 'Schedule' })).toBeEnabled();
});

test('a Bluesky post scheduled for the next minute goes out once, woken by the alarm', async ({
  context,
  openHistory,
  openOptions,
  openPopup,
  servers,
}) => {
  test.setTimeout(180_000);
  const options = await openOptions();
  const user = await createBlueskyUser(servers.pds, 'later');
  await useLocalDirectory(options, servers.pds, servers.plc);
  await connectBlueskyViaUi(options, user.handle, user.appPassword);
  await expect(options.getByText('Connected', { exact: true })).toHaveCount(1);

  const marker = `alarm${Date.now()}`;
  const popup = await openPopup();
  const at = wholeMinuteAfter(40_000);
  await schedulePost(popup, `On time ${marker}`, [/\(Bluesky\)$/], at);
  await expect(popup.getByRole('region', { name: 'Delivery' })).toContainText(
    '(Crosswind posts it)',
  );
  const worker = context.serviceWorkers()[0]!;
  expect(
    await worker.evaluate(
      async () =>
        (await (globalThis as unknown as WorkerGlobal).chrome.alarms.get('outbox'))?.scheduledTime,
    ),
  ).toBe(at);

  // Chrome stops idle workers; the alarm has to bring this one back at the time.
  await stopWorker(context, popup);
  await popup.close();
  const posts = async () =>
    (await listPosts(servers.pds, user.did)).filter((r) => r.value.text.includes(marker));
  expect(await posts()).toEqual([]);
  await expect
    .poll(async () => (await posts()).length, { timeout: 120_000, intervals: [1_000] })
    .toBe(1);
  const [record] = await posts();
  expect(Date.parse(record!.value.createdAt)).toBeGreaterThanOrEqual(at);

  const history = await openHistory();
  const item = history
    .getByRole('list', { name: 'Sent posts' })
    .getByRole('listitem')
    .filter({ hasText: `On time ${marker}` });
  await expect(item.getByText('Posted', { exact: true })).toBeVisible();
  await expect(history.getByRole('region', { name: 'Scheduled posts' })).toHaveCount(0);
  expect(await posts()).toHaveLength(1);
});
