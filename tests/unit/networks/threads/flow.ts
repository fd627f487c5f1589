import { upsertAccount } from '@/utils/accounts';
import { threadsAdapter } from '@/utils/networks/threads/adapter';
import { beginThreadsSignIn } from '@/utils/networks/threads/sign-in';
import type { Account } from '@/utils/networks/types';
import { SANDBOX_APP, type ThreadsServer } from '../../../servers/threads';
import { REDIRECT_URI } from '../../../servers/threads/testing';

/** Answers the consent page the way a person pressing Allow would, and gives the redirect back. */
export async function consent(
  authorizeUrl: string,
  decision: 'allow' | 'cancel' = 'allow',
): Promise<string> {
  const url = new URL(authorizeUrl);
  const page = await fetch(url);
  if (!page.ok) throw new Error(`consent page answered ${page.status}`);
  const answer = await fetch(new URL('/oauth/authorize/decide', url.origin), {
    method: 'POST',
    body: new URLSearchParams([...url.searchParams, ['decision', decision]]),
    redirect: 'manual',
  });
  return answer.headers.get('location') ?? '';
}

/** Connects the sandbox app's first user through the whole flow, as the background does. */
export async function connectThreads(server: ThreadsServer): Promise<Account> {
  server.control.addRedirectUri(SANDBOX_APP.appId, REDIRECT_URI);
  const { authorizeUrl } = await beginThreadsSignIn(
    { appId: SANDBOX_APP.appId, appSecret: SANDBOX_APP.secret, server: server.url },
    REDIRECT_URI,
  );
  if (threadsAdapter.signIn.kind !== 'redirect') throw new Error('Threads signs in by redirect');
  const connected = await threadsAdapter.signIn.complete(await consent(authorizeUrl));
  await upsertAccount(connected);
  return connected;
}
