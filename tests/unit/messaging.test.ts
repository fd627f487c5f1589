import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { CrosswindError } from '@/utils/errors';
import { listenForMessages, sendMessage, type MessageHandlers } from '@/utils/messaging';

const unused = () => Promise.reject(new Error('not used in this test'));

function handlers(overrides: Partial<MessageHandlers>): MessageHandlers {
  return {
    'accounts.refresh': unused,
    'accounts.remove': unused,
    'accounts.connect': unused,
    'accounts.finishConnect': unused,
    'accounts.cancelConnect': unused,
    'post.publish': unused,
    'post.retry': unused,
    ...overrides,
  } as MessageHandlers;
}

describe('messaging', () => {
  afterEach(() => vi.restoreAllMocks());

  it('answers extension pages and rebuilds errors on the sending side', async () => {
    listenForMessages(
      handlers({
        'accounts.connect': async ({ network, fields }) => ({
          authorizeUrl: `${fields.server}/oauth/authorize`,
          network,
        }),
        'post.retry': async () => {
          throw new CrosswindError('validation', 'That post is no longer in the history.');
        },
      }),
    );
    const extensionPage = { id: browser.runtime.id, url: browser.runtime.getURL('/options.html') };
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      const listeners = fakeBrowser.runtime.onMessage as unknown as {
        trigger: (...a: unknown[]) => Promise<unknown[]>;
      };
      const [reply] = await listeners.trigger(message, extensionPage);
      return reply;
    });

    await expect(
      sendMessage('accounts.connect', {
        network: 'mastodon',
        fields: { server: 'https://a.example' },
      }),
    ).resolves.toEqual({
      authorizeUrl: 'https://a.example/oauth/authorize',
      network: 'mastodon',
    });
    const failure = sendMessage('post.retry', { jobId: 'j', accountId: 'a' });
    await expect(failure).rejects.toBeInstanceOf(CrosswindError);
    await expect(failure).rejects.toMatchObject({
      kind: 'validation',
      message: 'That post is no longer in the history.',
    });
  });

  it('ignores content scripts, other extensions and foreign messages', async () => {
    const handler = vi.fn(async () => []);
    listenForMessages(handlers({ 'accounts.refresh': handler }));
    const message = { crosswind: 1, type: 'accounts.refresh', data: {} };
    const trigger = (
      fakeBrowser.runtime.onMessage as unknown as {
        trigger: (...a: unknown[]) => Promise<unknown[]>;
      }
    ).trigger;

    expect(
      await trigger(message, {
        id: browser.runtime.id,
        url: 'https://evil.example/page',
        tab: { id: 1 },
      }),
    ).toEqual([undefined]);
    expect(
      await trigger(message, {
        id: 'another-extension',
        url: 'chrome-extension://another-extension/x.html',
      }),
    ).toEqual([undefined]);
    expect(
      await trigger(
        { type: 'accounts.refresh' },
        { id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') },
      ),
    ).toEqual([undefined]);
    expect(handler).not.toHaveBeenCalled();
  });
});
