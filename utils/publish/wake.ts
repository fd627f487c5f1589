import { browser } from 'wxt/browser';

/** The alarm that brings a stopped worker back for the outbox's next retry or scheduled post. */
export const OUTBOX_ALARM = 'outbox';

let timer: ReturnType<typeof setTimeout> | undefined;
let timerAt = Number.POSITIVE_INFINITY;
// Alarm updates take turns: two read-then-create runs at once would let the later time win.
let alarmTurn: Promise<unknown> = Promise.resolve();

/**
 * Runs `run` at `at`: on a timer while this worker lives, and through an alarm in case the browser
 * stops the worker first (timers die with it; alarms do not, and also fire after a browser restart).
 * There is one timer and one alarm, always at the earliest time asked for; `run` is expected to
 * ask again for the next time still to come.
 */
export function wakeAt(at: number, run: () => unknown): void {
  if (at < timerAt) {
    clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(
      () => {
        timerAt = Number.POSITIVE_INFINITY;
        void run();
      },
      Math.max(0, at - Date.now()),
    );
  }
  alarmTurn = alarmTurn
    .then(async () => {
      const existing = await browser.alarms.get(OUTBOX_ALARM);
      if (existing && existing.scheduledTime <= at && existing.scheduledTime > Date.now()) return;
      await browser.alarms.create(OUTBOX_ALARM, { when: at });
    })
    .catch((error: unknown) => console.warn('Crosswind could not set its wake-up alarm', error));
}

/** Runs `run` each time the outbox alarm fires. Call from the background's main(), as MV3 needs. */
export function onWakeAlarm(run: () => unknown): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void run();
  });
}
