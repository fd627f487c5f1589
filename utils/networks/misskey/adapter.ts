import { words } from '@/utils/i18n/wording';
import { browser } from 'wxt/browser';
import { CrosswindError } from '@/utils/errors';
import { defineCredential } from '@/utils/vault';
import { hostOf } from '../host';
import type { Account, AccountLimits, AccountSnapshot, NetworkAdapter } from '../types';
import { MisskeyClient } from './client';
import { limitsFromMeta } from './limits';
import { readSoftware, type Software } from './nodeinfo';
import { publishNote, uploadImage } from './publish';
import { beginMiAuth, cancelMiAuth, completeMiAuth } from './sign-in';
import { countingFor } from './text';
import type { MisskeyMeta, MisskeyUser } from './validate';
import { measure } from './measure';

/** MiAuth tokens, one per account, bound to the server that issued them (background only). */
const tokens = defineCredential<string>('misskey-token');

/** Misskey keeps images up to its upload cap; 4096 px is what its web client sends at most. */
const MAX_EDGE = 4096;
const DEFAULT_IMAGE_BYTES = 30 * 1024 * 1024;

async function clientFor(account: Account): Promise<MisskeyClient> {
  const credential = await tokens.forAccount(account);
  if (!credential) {
    throw new CrosswindError(
      'auth',
      words('misskey.noAccess', { handle: `@${account.handle}@${hostOf(account.server)}` }),
    );
  }
  // The token's own server, never whatever the account record says now.
  return new MisskeyClient({ origin: credential.origin, token: credential.secret });
}

/** The limits, with the server software's counting rule. */
function limitsOf(meta: MisskeyMeta, software: Software | undefined): AccountLimits {
  const limits = limitsFromMeta(meta);
  return countingFor(software?.name) === 'code-points'
    ? { ...limits, countsCodePoints: true }
    : limits;
}

function snapshotOf(
  origin: string,
  user: MisskeyUser,
  meta: MisskeyMeta,
  software: Software | undefined,
): AccountSnapshot {
  return {
    handle: user.username,
    displayName: user.name || user.username,
    ...(user.avatarUrl && { avatarUrl: user.avatarUrl }),
    webUrl: `${origin}/@${user.username}`,
    limits: limitsOf(meta, software),
  };
}

/** Misskey through its own API: MiAuth, notes/create, drive/files/create, notes/delete. */
export const misskeyAdapter: NetworkAdapter = {
  id: 'misskey',
  measure,
  signIn: {
    kind: 'redirect',
    async prepare(fields) {
      const { authorizeUrl } = await beginMiAuth(
        fields.server ?? '',
        browser.identity.getRedirectURL(),
      );
      return { authorizeUrl };
    },
    async complete(redirectUrl) {
      const result = await completeMiAuth(redirectUrl);
      const id = `misskey:${hostOf(result.origin)}:${result.user.id}`;
      await tokens.save(id, result.origin, result.token);
      const now = Date.now();
      return {
        id,
        network: 'misskey',
        server: result.origin,
        remoteId: result.user.id,
        ...snapshotOf(result.origin, result.user, result.meta, result.software),
        ...(result.software && { software: result.software }),
        state: 'connected',
        connectedAt: now,
        limitsCheckedAt: now,
      };
    },
    // MiAuth has no `state`: the session is in the page's path, and expired ones are dropped too.
    cancel: (state) => cancelMiAuth(state),
  },

  // Misskey takes no key: the part's checkpoint keeps retries safe, this is the job's bookkeeping.
  newIdempotencyKey: () => crypto.randomUUID(),

  async publish(account, post, options) {
    return publishNote(await clientFor(account), account.remoteId, post, options);
  },

  imageRules: (account) => ({
    maxBytes: Math.min(account.limits.imageSizeLimit ?? DEFAULT_IMAGE_BYTES, DEFAULT_IMAGE_BYTES),
    maxEdge: MAX_EDGE,
    acceptsWebp: true,
    keepGif: true,
  }),

  async uploadImage(account, image, options) {
    return uploadImage(
      await clientFor(account),
      image,
      options.signal ? { signal: options.signal } : {},
    );
  },

  async remove(account, post) {
    return (await clientFor(account)).deleteNote(post.id);
  },

  async refresh(account) {
    const client = await clientFor(account);
    const [user, meta, software] = await Promise.all([
      client.me(),
      client.meta(),
      readSoftware(account.server),
    ]);
    return snapshotOf(account.server, user, meta, software ?? account.software);
  },

  issuer: async (account) => (await tokens.peek(account.id))?.origin,

  async disconnect(account) {
    // Crosswind forgets the token; the person can also revoke it in Misskey's settings (Apps).
    await tokens.remove(account.id);
  },
};
