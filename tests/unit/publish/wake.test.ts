import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const T0 = 2_000_000_000_000;

// A fresh module per test: the one timer it keeps belongs to a worker, and each test is a new one.
async function freshWake() {
  vi.resetModules();
  return import('@/utils/publish/wake');
}

async function alarmTime(): Promise<number | undefined> {
  return (await fakeBrowser.alarms.get('outbox'))?.scheduledTime;
}

describe('wakeAt', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0, toFake: ['Date', 'setTimeout', 'clearTimeout'] });
  });
  afterEach(() => vi.useRealTimers());

  it('keeps the earliest time when several are asked for at once', async () => {
    const { wakeAt } = await freshWake();
    const run = vi.fn();
    wakeAt(T0 + 600_000, run);
    wakeAt(T0 + 60_000, run);
    wakeAt(T0 + 300_000, run);
    await vi.waitFor(async () => expect(await alarmTime()).toBe(T0 + 60_000));
    await vi.advanceTimersByTimeAsync(59_000);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('replaces an alarm that already went off with the next time', async () => {
    const { wakeAt } = await freshWake();
    await fakeBrowser.alarms.create('outbox', { when: T0 - 1_000 });
    wakeAt(T0 + 120_000, () => undefined);
    await vi.waitFor(async () => expect(await alarmTime()).toBe(T0 + 120_000));
  });

  it('runs the alarm handler for the outbox alarm only', async () => {
    const { onWakeAlarm } = await freshWake();
    const run = vi.fn();
    onWakeAlarm(run);
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'something-else', scheduledTime: T0 });
    expect(run).not.toHaveBeenCalled();
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'outbox', scheduledTime: T0 });
    expect(run).toHaveBeenCalledTimes(1);
  });
});
