import { listPosts } from '../servers/records';
import { alarmTime } from './addon-page';
import { expect, test } from './fixtures';
import { ADDON_ID } from './firefox';
import { connectBluesky, deliveryRegion, expectTextCount, pickAllAccounts } from './flows';
import {
  byLabel,
  byRole,
  clickRole,
  fillLabel,
  firstByRole,
  setFieldValue,
  textOf,
} from './queries';

const MINUTE = 60_000;
const pad = (value: number) => String(value).padStart(2, '0');

/** A moment as a datetime-local field takes it: local time (Firefox shares this machine's zone). */
function localInput(at: number): string {
  const date = new Date(at);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

test('a Bluesky post scheduled for the next minute goes out once, woken by the alarm', async ({
  browserChrome,
  openHistory,
  openOptions,
  openPopup,
  servers,
}) => {
  test.setTimeout(180_000);
  const options = await openOptions();
  const user = await connectBluesky(options, servers);
  await expectTextCount(options, 'Connected', 1, 15_000);

  const marker = `alarm${Date.now()}`;
  const popup = await openPopup();
  await pickAllAccounts(popup);
  await fillLabel(popup, 'Post text', `On time ${marker}`);
  await (await byRole(popup, 'checkbox', 'Post later')).click();
  // A whole minute at least 20 s away (the field has minute precision): time to press Schedule.
  const at = Math.ceil((Date.now() + 20_000) / MINUTE) * MINUTE;
  await setFieldValue(await byLabel(popup, 'Post at'), localInput(at));
  await clickRole(popup, 'button', 'Schedule');
  const delivery = await deliveryRegion(popup);
  await expect.poll(() => textOf(delivery)).toContain('(Crosswind posts it)');
  expect(await alarmTime(popup, 'outbox')).toBe(at);

  // Firefox stops an idle event page; the alarm has to bring it back at the time.
  await browserChrome.stopBackground(ADDON_ID);
  expect(await browserChrome.backgroundRunning(ADDON_ID)).toBe(false);
  await popup.close();
  const posts = async () =>
    (await listPosts(servers.pds, user.did)).filter((record) => record.value.text.includes(marker));
  expect(await posts()).toEqual([]);
  await expect
    .poll(async () => (await posts()).length, { timeout: 120_000, intervals: [1_000] })
    .toBe(1);
  const [record] = await posts();
  expect(Date.parse(record!.value.createdAt)).toBeGreaterThanOrEqual(at);

  const history = await openHistory();
  const item = await firstByRole(history, 'listitem', new RegExp(`On time ${marker}`));
  await expectTextCount(item, 'Posted', 1);
  expect(await posts()).toHaveLength(1);
});
