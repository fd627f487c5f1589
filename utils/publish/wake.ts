import { browser } from 'wxt/browser';

/** The alarm that brings a stopped worker back for the outbox's next retry. */
export const OUTBOX_ALARM = 'outbox';

let timer: ReturnType<typeof setTimeout> | undefined;
let timerAt = Number.POSITIVE_INFINITY;

/**
 * Runs `run` at `at`: on a timer while this worker lives, and through an alarm in case the browser
 * stops the worker first (timers die with it; alarms do not, and also fire after a browser restart).
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
  void browser.alarms.get(OUTBOX_ALARM).then((existing) => {
    if (existing && existing.scheduledTime <= at && existing.scheduledTime > Date.now()) return;
    return browser.alarms.create(OUTBOX_ALARM, { when: at });
  });
}
