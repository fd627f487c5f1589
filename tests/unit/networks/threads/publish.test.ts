import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkpointFor, memorySlot } from '@/utils/networks/checkpoint';
import { threadsAdapter } from '@/utils/networks/threads/adapter';
import type { Account, OutgoingPost, PublishOptions, PublishedPost } from '@/utils/networks/types';
import { startThreadsServer, type ThreadsServer } from '../../../servers/threads';
import { connectThreads } from './flow';

let server: ThreadsServer;
let account: Account;
beforeEach(async () => {
  server = await startThreadsServer({ processingPolls: 1 });
  account = await connectThreads(server);
});
afterEach(() => server.close());

/** The job's part as the publisher keeps it: the checkpoint survives between attempts. */
function part(): {
  options: (isRetry: boolean) => PublishOptions;
  checkpoint(): string | undefined;
} {
  const slot = memorySlot();
  return {
    checkpoint: () => checkpointFor(slot, 'threads')?.containerId,
    options: (isRetry) => ({ idempotencyKey: 'k', isRetry, checkpoint: slot }),
  };
}

const post = (text: string, replyTo?: PublishedPost): OutgoingPost => ({
  text,
  ...(replyTo && { replyTo: { root: replyTo, parent: replyTo } }),
});

describe('publishing to Threads', () => {
  it('creates a container, waits until FINISHED, publishes, and links the post', async () => {
    const one = part();
    const result = await threadsAdapter.publish(
      account,
      post('Hello https://example.com/a.'),
      one.options(false),
    );
    expect(result.url).toContain(`/post/${result.id}`);
    const [container] = server.state.containers;
    expect(one.checkpoint()).toBe(container?.id);
    expect(server.state.media[0]).toMatchObject({
      text: 'Hello https://example.com/a.',
      linkAttachment: 'https://example.com/a',
    });
  });

  it('chains the parts of a thread with reply_to_id', async () => {
    const first = await threadsAdapter.publish(account, post('1/2'), part().options(false));
    const second = await threadsAdapter.publish(account, post('2/2', first), part().options(false));
    expect(server.state.media.find((media) => media.id === second.id)?.replyToId).toBe(first.id);
  });

  it('posts exactly once when the answer to threads_publish is lost', async () => {
    const one = part();
    server.control.dropAnswer({ path: '/threads_publish' });
    await expect(
      threadsAdapter.publish(account, post('Only once'), one.options(false)),
    ).rejects.toThrow();
    expect(one.checkpoint()).toBeDefined();
    const adopted = await threadsAdapter.publish(account, post('Only once'), one.options(true));
    expect(server.state.media).toHaveLength(1);
    expect(adopted.id).toBe(server.state.media[0]?.id);
    expect(
      server.state.requests.filter((request) => request.path.endsWith('/threads_publish')),
    ).toHaveLength(1);
  });

  it('publishes a container the last attempt left FINISHED instead of making another', async () => {
    const one = part();
    server.control.fail({ path: '/threads_publish', status: 500, code: 2 });
    await expect(
      threadsAdapter.publish(account, post('Second try'), one.options(false)),
    ).rejects.toMatchObject({
      retryable: true,
    });
    await threadsAdapter.publish(account, post('Second try'), one.options(true));
    expect(server.state.containers).toHaveLength(1);
    expect(server.state.media).toHaveLength(1);
  });

  it('makes a new container when the last one ended in ERROR', async () => {
    const one = part();
    server.control.failProcessing('UNKNOWN');
    await expect(
      threadsAdapter.publish(account, post('Again'), one.options(false)),
    ).rejects.toThrow(/UNKNOWN/);
    await threadsAdapter.publish(account, post('Again'), one.options(true));
    expect(server.state.containers).toHaveLength(2);
    expect(server.state.media).toHaveLength(1);
  });

  it('deletes, and says not-found for a post already gone', async () => {
    const published = await threadsAdapter.publish(account, post('bye'), part().options(false));
    await expect(threadsAdapter.remove(account, published)).resolves.toBe('deleted');
    await expect(threadsAdapter.remove(account, published)).resolves.toBe('not-found');
  });

  it('turns Meta refusals into kinds the publisher acts on', async () => {
    const links = Array.from({ length: 6 }, (_, index) => `https://s${index}.example.com`).join(
      ' ',
    );
    await expect(
      threadsAdapter.publish(account, post(links), part().options(false)),
    ).rejects.toMatchObject({
      kind: 'validation',
    });
    server.control.revokeTokens();
    await expect(
      threadsAdapter.publish(account, post('x'), part().options(false)),
    ).rejects.toMatchObject({
      kind: 'auth',
    });
  });
});
