import { describe, expect, it } from 'vitest';
import { CrosswindError } from '@/utils/errors';
import {
  POLL_DELAYS_MS,
  nextStep,
  readStatus,
  waitUntilSettled,
  type ContainerStatus,
} from '@/utils/networks/threads/container';

/** A container whose reads answer these statuses in turn, on a clock that only sleeping moves. */
function scripted(statuses: ContainerStatus[], errorMessage?: string) {
  let clock = 0;
  const slept: number[] = [];
  let reads = 0;
  return {
    slept,
    reads: () => reads,
    read: async () => {
      const status = statuses[Math.min(reads, statuses.length - 1)]!;
      reads += 1;
      return { status, ...(errorMessage && { errorMessage }) };
    },
    options: {
      host: 'graph.threads.net',
      now: () => clock,
      sleep: async (ms: number) => {
        slept.push(ms);
        clock += ms;
      },
    },
  };
}

describe('a container after an earlier attempt', () => {
  it.each<[ContainerStatus, string]>([
    ['PUBLISHED', 'adopt'],
    ['FINISHED', 'publish'],
    ['IN_PROGRESS', 'wait'],
    ['ERROR', 'recreate'],
    ['EXPIRED', 'recreate'],
  ])('%s → %s', (status, step) => {
    expect(nextStep(status)).toBe(step);
  });
});

describe('waiting for a container', () => {
  it('reads again with growing waits until it is FINISHED', async () => {
    const container = scripted(['IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS', 'FINISHED']);
    await expect(waitUntilSettled(container.read, container.options)).resolves.toBe('FINISHED');
    expect(container.slept).toEqual(POLL_DELAYS_MS.slice(0, 3));
  });

  it('answers PUBLISHED (an earlier attempt got through) without waiting', async () => {
    const container = scripted(['PUBLISHED']);
    await expect(waitUntilSettled(container.read, container.options)).resolves.toBe('PUBLISHED');
    expect(container.slept).toEqual([]);
  });

  it('gives up after the limit with a retryable error, not "Posting…" forever', async () => {
    const container = scripted(['IN_PROGRESS']);
    const error = await waitUntilSettled(container.read, {
      ...container.options,
      limitMs: 60_000,
    }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(CrosswindError);
    expect((error as CrosswindError).retryable).toBe(true);
    expect(container.slept.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(60_000);
  });

  it('says why Meta could not prepare it (ERROR) and when it expired', async () => {
    const failed = scripted(['IN_PROGRESS', 'ERROR'], 'FAILED_DOWNLOADING_VIDEO');
    await expect(waitUntilSettled(failed.read, failed.options)).rejects.toThrow(
      /FAILED_DOWNLOADING_VIDEO/,
    );
    const expired = scripted(['EXPIRED']);
    await expect(waitUntilSettled(expired.read, expired.options)).rejects.toBeInstanceOf(
      CrosswindError,
    );
  });

  it('refuses a status Meta does not document', () => {
    expect(() => readStatus({ status: 'DONE' }, 'graph.threads.net')).toThrow(CrosswindError);
    expect(readStatus({ status: 'ERROR', error_message: 'UNKNOWN' }, 'h')).toEqual({
      status: 'ERROR',
      errorMessage: 'UNKNOWN',
    });
  });
});
