import { browser } from 'wxt/browser';
import { CrosswindError } from './errors';
import { sendMessage } from './messaging';
import type { Account } from './networks/types';

/**
 * Runs the Mastodon sign-in from an extension page: the background prepares the request and
 * trades the code for the token; only the consent window itself runs here, so the flow does not
 * depend on the service worker staying alive while the person reads the consent page.
 */
export async function connectMastodon(server: string): Promise<Account> {
  const { authorizeUrl } = await sendMessage('mastodon.beginConnect', { server });
  const state = new URL(authorizeUrl).searchParams.get('state') ?? undefined;
  let redirectUrl: string | undefined;
  try {
    redirectUrl = await browser.identity.launchWebAuthFlow({
      url: authorizeUrl,
      interactive: true,
    });
  } catch (cause) {
    await sendMessage('mastodon.cancelConnect', state ? { state } : {});
    const text = cause instanceof Error ? cause.message : String(cause);
    if (/could not be loaded|cannot be loaded|network/i.test(text)) {
      throw new CrosswindError(
        'network',
        `The sign-in page of ${new URL(authorizeUrl).host} could not be loaded. Check the address and your connection.`,
        { cause },
      );
    }
    throw new CrosswindError(
      'cancelled',
      'The sign-in window was closed before you authorized Crosswind. Nothing was connected.',
      { cause },
    );
  }
  if (!redirectUrl) {
    throw new CrosswindError('cancelled', 'The sign-in was not finished. Nothing was connected.');
  }
  return sendMessage('mastodon.completeConnect', { redirectUrl });
}
