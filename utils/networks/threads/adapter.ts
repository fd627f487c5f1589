import { browser } from 'wxt/browser';
import { CrosswindError } from '@/utils/errors';
import { words } from '@/utils/i18n/wording';
import { defineCredential } from '@/utils/vault';
import type { Account, AccountSnapshot, NetworkAdapter } from '../types';
import { ThreadsClient } from './client';
import { profileUrl } from './origin';
import { THREADS_LIMITS, readProfile, readQuota, type ThreadsProfile } from './profile';
import { measure } from './measure';
import { publishPart } from './publish';
import { beginThreadsSignIn, cancelThreadsSignIn, completeThreadsSignIn } from './sign-in';
import {
  refreshToken,
  renewDueAt,
  tokenAction,
  type ThreadsApp,
  type ThreadsToken,
} from './tokens';

/** Long-lived tokens, one per account, bound to the API origin that issued them (background only). */
const tokens = defineCredential<ThreadsToken>('threads-token');
/** The person's Meta app, kept to reconnect without pasting it again; never sent but to that origin. */
const apps = defineCredential<ThreadsApp>('threads-app');

async function tokenFor(account: Account): Promise<{ origin: string; token: ThreadsToken }> {
  const credential = await tokens.forAccount(account);
  if (!credential)
    throw new CrosswindError('auth', words('threads.noToken', { handle: account.handle }));
  return { origin: credential.origin, token: credential.secret };
}

/**
 * Renews the account's token when it is due (a week old), never before Meta allows it (24 hours).
 * Answers the token to use and when to look again. 'auth' errors mean only reconnecting helps.
 */
export async function renewIfDue(
  account: Account,
  now = Date.now(),
): Promise<{ origin: string; token: ThreadsToken; nextCheckAt: number }> {
  const { origin, token } = await tokenFor(account);
  const action = tokenAction(token, now);
  if (action === 'expired') throw new CrosswindError('auth', words('threads.loginExpired'));
  if (action === 'keep') return { origin, token, nextCheckAt: renewDueAt(token) };
  const fresh = await refreshToken(origin, token, now);
  await tokens.save(account.id, origin, fresh);
  return { origin, token: fresh, nextCheckAt: renewDueAt(fresh) };
}

async function clientFor(account: Account): Promise<ThreadsClient> {
  const { origin, token } = await renewIfDue(account);
  return new ThreadsClient(origin, token.token);
}

function snapshotOf(origin: string, profile: ThreadsProfile, token: ThreadsToken): AccountSnapshot {
  return {
    handle: profile.username,
    displayName: profile.name,
    ...(profile.pictureUrl && { avatarUrl: profile.pictureUrl }),
    webUrl: profileUrl(origin, profile.username),
    limits: THREADS_LIMITS,
    credentialExpiresAt: token.expiresAt,
  };
}

/** Threads through Meta's Graph API, with the person's own Meta app. */
export const threadsAdapter: NetworkAdapter = {
  id: 'threads',
  measure,
  signIn: {
    kind: 'redirect',
    async prepare(fields) {
      // Reconnecting reuses the app kept for the account, unless a new one was pasted.
      let filled = fields;
      if (!fields.appId && fields.accountId) {
        const kept = await apps.peek(fields.accountId);
        if (kept)
          filled = {
            ...fields,
            appId: kept.secret.appId,
            appSecret: kept.secret.secret,
            server: kept.origin,
          };
      }
      const { authorizeUrl } = await beginThreadsSignIn(filled, browser.identity.getRedirectURL());
      return { authorizeUrl };
    },
    async complete(redirectUrl) {
      const grant = await completeThreadsSignIn(redirectUrl);
      const client = new ThreadsClient(grant.origin, grant.token.token);
      const profile = await readProfile(client);
      const id = `threads:${profile.id}`;
      await tokens.save(id, grant.origin, grant.token);
      await apps.save(id, grant.origin, grant.app);
      const quota = await readQuota(client, profile.id).catch(() => undefined);
      const now = Date.now();
      return {
        id,
        network: 'threads',
        server: grant.origin,
        remoteId: profile.id,
        ...snapshotOf(grant.origin, profile, grant.token),
        ...(quota && { quota }),
        state: 'connected',
        connectedAt: now,
        limitsCheckedAt: now,
      };
    },
    cancel: (state) => cancelThreadsSignIn(state),
  },

  // Threads takes no key: a retry asks Meta about the container recorded in the job instead.
  newIdempotencyKey: () => crypto.randomUUID(),

  async publish(account, post, options) {
    const client = await clientFor(account);
    const imageUrls = (post.media ?? []).flatMap((item) =>
      item.publicUrl ? [item.publicUrl] : [],
    );
    return publishPart({
      client,
      userId: account.remoteId,
      post,
      options,
      imageUrls,
      profileUrl: account.webUrl ?? profileUrl(account.server, account.handle),
    });
  },

  imageRules: () => ({
    maxBytes: 8 * 1024 * 1024,
    maxEdge: 1440,
    acceptsWebp: false,
    keepGif: false,
  }),

  // Meta fetches images from a public address; there is nothing to upload them to.
  async uploadImage() {
    throw new CrosswindError('unsupported', words('threads.needsPublicImage'));
  },

  async remove(account, post) {
    const client = await clientFor(account);
    try {
      await client.delete(`/v1.0/${post.id}`);
      return 'deleted';
    } catch (error) {
      // Meta's "object does not exist" (code 100, subcode 33): deleted already, or never there.
      if (error instanceof CrosswindError && error.detail?.includes('subcode 33')) {
        return 'not-found';
      }
      throw error;
    }
  },

  async refresh(account) {
    const { origin, token } = await renewIfDue(account);
    const client = new ThreadsClient(origin, token.token);
    const [profile, quota] = await Promise.all([
      readProfile(client),
      readQuota(client, account.remoteId).catch(() => undefined),
    ]);
    return { ...snapshotOf(origin, profile, token), ...(quota && { quota }) };
  },

  renewCredentials: async (account, now) => {
    const { token, nextCheckAt } = await renewIfDue(account, now);
    return { expiresAt: token.expiresAt, nextCheckAt };
  },

  async disconnect(account) {
    // Crosswind forgets the token and the app; Meta's own settings can remove the app's access.
    await tokens.remove(account.id);
    await apps.remove(account.id);
  },
};
