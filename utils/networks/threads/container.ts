import { CrosswindError } from '@/utils/errors';
import { words } from '@/utils/i18n/wording';

// A Threads media container's life (developers.facebook.com/docs/threads/troubleshooting):
// IN_PROGRESS while Meta prepares it, then FINISHED (ready to publish) or ERROR; PUBLISHED once
// threads_publish made the post; EXPIRED when it was not published within 24 hours.

export type ContainerStatus = 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'EXPIRED' | 'PUBLISHED';

const STATUSES: readonly ContainerStatus[] = [
  'IN_PROGRESS',
  'FINISHED',
  'ERROR',
  'EXPIRED',
  'PUBLISHED',
];

export function readStatus(
  body: unknown,
  host: string,
): { status: ContainerStatus; errorMessage?: string } {
  const item = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const status = STATUSES.find((value) => value === item.status);
  if (!status) {
    throw new CrosswindError(
      'server',
      words('threads.unknownStatus', { host, status: String(item.status ?? '') }),
      {
        retryable: true,
      },
    );
  }
  return {
    status,
    ...(typeof item.error_message === 'string' && { errorMessage: item.error_message }),
  };
}

/** What to do with a container an earlier attempt made, by what Meta says of it now. */
export type NextStep = 'adopt' | 'publish' | 'wait' | 'recreate';

export function nextStep(status: ContainerStatus): NextStep {
  switch (status) {
    case 'PUBLISHED':
      // It is out: take its post, never publish again.
      return 'adopt';
    case 'FINISHED':
      return 'publish';
    case 'IN_PROGRESS':
      return 'wait';
    case 'ERROR':
    case 'EXPIRED':
      // Never published and never will be: a new container is no second post.
      return 'recreate';
  }
}

/**
 * Waits between status reads: quick at first (a text container is ready at once), then slower,
 * up to Meta's advice of once a minute; gives up after `limitMs` (Meta: "no more than 5 minutes").
 */
export const POLL_DELAYS_MS = [500, 1000, 2000, 4000, 8000, 15_000, 30_000, 60_000];
export const POLL_LIMIT_MS = 4 * 60_000;

export function pollDelay(read: number): number {
  return POLL_DELAYS_MS[Math.min(read, POLL_DELAYS_MS.length - 1)] ?? 60_000;
}

/** Reads the status until it settles; FINISHED or PUBLISHED come back, the rest throw. */
export async function waitUntilSettled(
  read: () => Promise<{ status: ContainerStatus; errorMessage?: string }>,
  options: {
    sleep: (ms: number) => Promise<void>;
    now: () => number;
    host: string;
    limitMs?: number;
  },
): Promise<'FINISHED' | 'PUBLISHED'> {
  const started = options.now();
  for (let attempt = 0; ; attempt += 1) {
    const { status, errorMessage } = await read();
    if (status === 'FINISHED' || status === 'PUBLISHED') return status;
    if (status === 'ERROR') {
      throw new CrosswindError(
        'server',
        words('threads.containerFailed', { reason: errorMessage ?? 'UNKNOWN' }),
        {
          retryable: true,
        },
      );
    }
    if (status === 'EXPIRED') {
      throw new CrosswindError('server', words('threads.containerExpired'), { retryable: true });
    }
    const delay = pollDelay(attempt);
    if (options.now() - started + delay > (options.limitMs ?? POLL_LIMIT_MS)) {
      throw new CrosswindError('server', words('threads.containerSlow', { host: options.host }), {
        retryable: true,
      });
    }
    await options.sleep(delay);
  }
}
