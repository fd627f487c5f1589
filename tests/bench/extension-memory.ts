import { readFileSync } from 'node:fs';
import type { BrowserContext, CDPSession } from '@playwright/test';

// What the extension holds while it uploads, measured two ways:
// - the resident memory of the browser's extension processes (Linux /proc): the service worker
//   and the extension's pages share them, so a round's baseline is taken just before Post, after
//   the page that made the clip is done, and only the growth from there is the upload's;
// - the service worker's own heap, from DevTools' `Runtime.getHeapUsage` on the worker target:
//   JavaScript objects, DOM-side (embedder) objects and ArrayBuffer backing stores. A clip read
//   into an ArrayBuffer, a base64 string or a copied slice shows here, whatever the pages do.

/** One look at the extension's memory, in bytes. */
export interface MemorySample {
  process: number;
  workerHeap: number;
}

interface HeapUsage {
  usedSize: number;
  embedderHeapUsedSize?: number;
  backingStorageSize?: number;
}

/** The extension's renderer processes, from the browser's own list of its processes. */
async function extensionPids(session: CDPSession): Promise<number[]> {
  const { processInfo } = (await session.send('SystemInfo.getProcessInfo' as never)) as unknown as {
    processInfo: Array<{ id: number; type: string }>;
  };
  return processInfo
    .filter(({ type }) => type === 'renderer')
    .map(({ id }) => id)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--extension-process');
      } catch {
        return false; // A process that ended meanwhile.
      }
    });
}

function residentBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/**
 * A DevTools connection to the extension's service worker, through the browser's session: the
 * browser relays messages to a target attached without its own session.
 */
class WorkerConnection {
  private next = 0;
  private readonly waiting = new Map<
    number,
    (answer: { result?: unknown; error?: unknown }) => void
  >();

  private constructor(
    private readonly session: CDPSession,
    private readonly sessionId: string,
  ) {
    session.on(
      'Target.receivedMessageFromTarget' as never,
      ((event: { sessionId: string; message: string }) => {
        if (event.sessionId !== this.sessionId) return;
        const answer = JSON.parse(event.message) as {
          id?: number;
          result?: unknown;
          error?: unknown;
        };
        if (answer.id === undefined) return;
        this.waiting.get(answer.id)?.(answer);
        this.waiting.delete(answer.id);
      }) as never,
    );
  }

  static async open(session: CDPSession): Promise<WorkerConnection> {
    const { targetInfos } = (await session.send('Target.getTargets' as never)) as unknown as {
      targetInfos: Array<{ targetId: string; type: string; url: string }>;
    };
    const worker = targetInfos.find(
      ({ type, url }) => type === 'service_worker' && url.startsWith('chrome-extension://'),
    );
    if (!worker) throw new Error('The extension has no running service worker');
    const { sessionId } = (await session.send(
      'Target.attachToTarget' as never,
      {
        targetId: worker.targetId,
        flatten: false,
      } as never,
    )) as unknown as { sessionId: string };
    return new WorkerConnection(session, sessionId);
  }

  /** A command to the worker; a worker that stopped never answers, so an answer is waited for briefly. */
  send<T>(method: string): Promise<T> {
    this.next += 1;
    const id = this.next;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`${method}: no answer from the service worker`));
      }, 5_000);
      this.waiting.set(id, ({ result, error }) => {
        clearTimeout(timer);
        if (error) reject(new Error(`${method}: ${JSON.stringify(error)}`));
        else resolve(result as T);
      });
      const message = JSON.stringify({ id, method, params: {} });
      this.session
        .send(
          'Target.sendMessageToTarget' as never,
          { sessionId: this.sessionId, message } as never,
        )
        .catch(reject);
    });
  }

  async close(): Promise<void> {
    await this.session
      .send('Target.detachFromTarget' as never, { sessionId: this.sessionId } as never)
      .catch(() => undefined);
  }
}

/** Samples the extension's memory until stopped; answers the first sample and the peak of each figure. */
export class MemoryWatch {
  private peak: MemorySample;
  private running = true;
  private readonly loop: Promise<void>;

  private constructor(
    private readonly session: CDPSession,
    private readonly worker: WorkerConnection,
    private readonly pids: number[],
    readonly baseline: MemorySample,
  ) {
    this.peak = { ...baseline };
    this.loop = this.sampleUntilStopped();
  }

  /** Starts watching the extension loaded in `context`. */
  static async start(context: BrowserContext): Promise<MemoryWatch> {
    const browser = context.browser();
    if (!browser) throw new Error('No browser to ask for its processes');
    const session = await browser.newBrowserCDPSession();
    // Listed once, not at every sample: asking the browser for its processes costs CPU the
    // uploads being measured would miss. Pages opened later share the extension's process.
    const pids = await extensionPids(session);
    const worker = await WorkerConnection.open(session);
    const first = await MemoryWatch.look(worker, pids);
    return new MemoryWatch(session, worker, pids, first);
  }

  private static async look(worker: WorkerConnection, pids: number[]): Promise<MemorySample> {
    const heap = await worker.send<HeapUsage>('Runtime.getHeapUsage');
    return {
      process: pids.reduce((sum, pid) => sum + residentBytes(pid), 0),
      workerHeap: heap.usedSize + (heap.embedderHeapUsedSize ?? 0) + (heap.backingStorageSize ?? 0),
    };
  }

  private async sampleUntilStopped(): Promise<void> {
    while (this.running) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const now = await MemoryWatch.look(this.worker, this.pids).catch(() => undefined);
      if (!now) continue; // The worker was restarting; the next look finds it again.
      this.peak = {
        process: Math.max(this.peak.process, now.process),
        workerHeap: Math.max(this.peak.workerHeap, now.workerHeap),
      };
    }
  }

  /** Stops and answers the peak growth over the baseline. */
  async stop(): Promise<MemorySample> {
    this.running = false;
    await this.loop;
    await this.worker.close();
    await this.session.detach().catch(() => undefined);
    return {
      process: this.peak.process - this.baseline.process,
      workerHeap: this.peak.workerHeap - this.baseline.workerHeap,
    };
  }
}
