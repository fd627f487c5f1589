import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sleep } from '@/utils/sleep';

describe('sleep', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits the time it is given', async () => {
    let done = false;
    const waiting = sleep(1000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(done).toBe(true);
  });

  it('stops with the signal’s reason as soon as it aborts, or at once when it already has', async () => {
    const stop = new AbortController();
    const waiting = sleep(60_000, stop.signal);
    const reason = new Error('stopped');
    stop.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    await expect(sleep(10, stop.signal)).rejects.toBe(reason);
  });

  it('lets go of the signal once the time is up', async () => {
    const stop = new AbortController();
    const removed = vi.spyOn(stop.signal, 'removeEventListener');
    const waiting = sleep(10, stop.signal);
    await vi.advanceTimersByTimeAsync(10);
    await waiting;
    expect(removed).toHaveBeenCalledWith('abort', expect.any(Function));
  });
});
