import {
  AtpAgent,
  RichText,
  type AtpSessionData,
  type AtpSessionEvent,
  type Facet,
} from '@atproto/api';
import { TID } from '@atproto/common-web';
import {
  assertSecureTransport,
  fetchOnlyTo,
  isLoopback,
  secureFetch,
} from '@/utils/auth/server-url';
import { cleanText, safeHttpUrl, TEXT_CAPS } from '@/utils/capture/sanitize';
import { BLUESKY_IMAGE_TARGET } from '@/utils/media/targets';
import { CrosswindError, incompleteAnswer } from '@/utils/errors';
import { words } from '@/utils/i18n/wording';
import { shortenBlueskyLinks } from '@/utils/text/bluesky';
import { defineCredential } from '@/utils/vault';
import { directoryStorage } from '@/utils/storage';
import { withTimeout } from '../fetch-json';
import { fromBlueskyError } from './errors';
import { findBlueskyService, normalizeIdentifier } from './identity';
import { hostOf } from '../info';
import { blueskyInfo } from './info';
import { uploadVideoDirect, uploadVideoViaService, videoPathFor } from './video';
import type {
  Account,
  AccountSnapshot,
  NetworkAdapter,
  OutgoingPost,
  PublishedPost,
  RemoveResult,
  UploadedMedia,
} from '../types';
import { measure } from './measure';

const POST = 'app.bsky.feed.post';
const sessions = defineCredential<AtpSessionData>('bluesky-session');

/** One agent per account, so concurrent posts share one session and one refresh. */
const agents = new Map<string, Promise<AtpAgent>>();

/**
 * Every request to a PDS ends: a server that never answers is given up after the same time as
 * any other network's, so the post can be retried instead of hanging on "Posting…".
 */
const timedFetch: typeof fetch = (input, init) => {
  // The agent hands over a Request that carries the caller's own signal: keep it.
  const own = init?.signal ?? (input instanceof Request ? input.signal : undefined);
  return fetch(input, { ...init, signal: withTimeout(own) });
};

/** Keeps the session up to date in the vault, bound to the PDS that issued it. */
function persistTo(accountId: string, origin: string) {
  return async (event: AtpSessionEvent, session: AtpSessionData | undefined) => {
    if ((event === 'create' || event === 'update') && session) {
      await sessions.save(accountId, origin, session);
    } else if (event === 'expired') {
      await sessions.remove(accountId);
      agents.delete(accountId);
    }
  };
}

async function agentFor(account: Account): Promise<AtpAgent> {
  // Checked on every call, not only when the agent is made: the account record may change meanwhile.
  const saved = await sessions.forAccount(account);
  if (!saved) {
    throw new CrosswindError('auth', words('bluesky.noSession', { handle: account.handle }));
  }
  let pending = agents.get(account.id);
  if (!pending) {
    pending = (async () => {
      // The session's own PDS, never whatever the account record says now.
      const agent = new AtpAgent({
        service: saved.origin,
        persistSession: persistTo(account.id, saved.origin),
        fetch: fetchOnlyTo(saved.origin, `@${account.handle}`, timedFetch),
      });
      try {
        await agent.resumeSession(saved.secret);
      } catch (error) {
        throw fromBlueskyError(error, hostOf(account.server));
      }
      return agent;
    })();
    agents.set(account.id, pending);
    pending.catch(() => agents.delete(account.id));
  }
  return pending;
}

/** A link to the post: the Bluesky app, or the raw record for a PDS on this computer (no app there). */
function postUrl(account: Account, rkey: string): string {
  if (isLoopback(new URL(account.server))) {
    const url = new URL('/xrpc/com.atproto.repo.getRecord', account.server);
    url.search = new URLSearchParams({ repo: account.remoteId, collection: POST, rkey }).toString();
    return url.toString();
  }
  return `https://bsky.app/profile/${account.handle}/post/${rkey}`;
}

const DID = /^did:[a-z]+:[A-Za-z0-9._:%-]{1,2048}$/;

/**
 * Mentions whose handle did not resolve are left by `RichText` with an empty DID, which the PDS
 * refuses as an invalid record: such mentions stay plain text, as the Bluesky app leaves them.
 */
function resolvedOnly(facets: Facet[]): Facet[] {
  return facets.flatMap((facet) => {
    const features = facet.features.filter(
      (feature) =>
        feature.$type !== 'app.bsky.richtext.facet#mention' ||
        ('did' in feature && typeof feature.did === 'string' && DID.test(feature.did)),
    );
    return features.length > 0 ? [{ ...facet, features }] : [];
  });
}

/** Text with long links shortened and every link, mention and tag as a facet (UTF-8 byte offsets). */
async function buildRichText(
  agent: AtpAgent,
  text: string,
): Promise<{ text: string; facets: Facet[] }> {
  const shortened = shortenBlueskyLinks(text);
  const rich = new RichText({ text: shortened.text });
  await rich.detectFacets(agent);
  const ourLinks: Facet[] = shortened.links.map((link) => ({
    index: { byteStart: link.byteStart, byteEnd: link.byteEnd },
    features: [{ $type: 'app.bsky.richtext.facet#link', uri: link.uri }],
  }));
  const overlapsOurs = (facet: Facet) =>
    ourLinks.some(
      (link) =>
        facet.index.byteStart < link.index.byteEnd && link.index.byteStart < facet.index.byteEnd,
    );
  const detected = resolvedOnly(rich.facets ?? []).filter((facet) => !overlapsOurs(facet));
  const facets = [...detected, ...ourLinks].sort((a, b) => a.index.byteStart - b.index.byteStart);
  return { text: shortened.text, facets };
}

/** The record key of one of the account's own posts, from its at:// URI; undefined for anything else. */
function rkeyOf(uri: string, did: string): string | undefined {
  const prefix = `at://${did}/${POST}/`;
  if (typeof uri !== 'string' || !uri.startsWith(prefix)) return undefined;
  const rkey = uri.slice(prefix.length);
  return /^[A-Za-z0-9._:~-]{1,512}$/.test(rkey) ? rkey : undefined;
}

/** A thread part points at the thread's first post and the part it answers; both need uri and cid. */
function strongRef(post: PublishedPost): { uri: string; cid: string } {
  if (!post.cid) throw new CrosswindError('server', words('bluesky.noCid'));
  return { uri: post.id, cid: post.cid };
}

function recordFor(post: OutgoingPost, rich: { text: string; facets: Facet[] }) {
  return {
    $type: POST,
    text: rich.text,
    ...(rich.facets.length > 0 && { facets: rich.facets }),
    ...(post.language && { langs: [post.language] }),
    ...(post.labels?.length && {
      labels: {
        $type: 'com.atproto.label.defs#selfLabels',
        values: post.labels.map((val) => ({ val })),
      },
    }),
    ...(post.replyTo && {
      reply: { root: strongRef(post.replyTo.root), parent: strongRef(post.replyTo.parent) },
    }),
    ...(post.media?.length && {
      embed: {
        $type: 'app.bsky.embed.images',
        images: post.media.map((item) => ({
          image: item.blob,
          alt: item.alt,
          aspectRatio: { width: item.width, height: item.height },
        })),
      },
    }),
    ...(post.video && {
      embed: {
        $type: 'app.bsky.embed.video',
        video: post.video.blob,
        alt: post.video.alt,
        aspectRatio: { width: post.video.width, height: post.video.height },
      },
    }),
    ...(!post.media?.length && !post.video && post.linkCard && externalEmbed(post.linkCard)),
    createdAt: new Date().toISOString(),
  };
}

/**
 * A link card. Its text came from a page Crosswind does not control and sat in storage since, so
 * it is cleaned and capped again here, at the last step before it is public.
 */
function externalEmbed(card: NonNullable<OutgoingPost['linkCard']>) {
  const uri = safeHttpUrl(card.url);
  if (!uri) return undefined;
  return {
    embed: {
      $type: 'app.bsky.embed.external',
      external: {
        uri,
        title: cleanText(card.title, { maxLength: TEXT_CAPS.title }).text,
        description: cleanText(card.description, { maxLength: TEXT_CAPS.description }).text,
        ...(card.thumb?.blob && { thumb: card.thumb.blob }),
      },
    },
  };
}

async function snapshot(
  agent: AtpAgent,
  account: Pick<Account, 'remoteId' | 'handle'>,
): Promise<AccountSnapshot> {
  const session = agent.session;
  let displayName = session?.handle ?? account.handle;
  let avatarUrl: string | undefined;
  try {
    // The profile record lives on the PDS itself, so this works without any AppView.
    const profile = await agent.com.atproto.repo.getRecord({
      repo: account.remoteId,
      collection: 'app.bsky.actor.profile',
      rkey: 'self',
    });
    const value = profile.data.value as {
      displayName?: string;
      avatar?: { ref?: { toString(): string } };
    };
    if (value.displayName) displayName = value.displayName;
    const cid = value.avatar?.ref?.toString();
    if (cid) {
      const blob = new URL('/xrpc/com.atproto.sync.getBlob', agent.serviceUrl);
      blob.search = new URLSearchParams({ did: account.remoteId, cid }).toString();
      avatarUrl = blob.toString();
    }
  } catch {
    // No profile record yet: the handle is the name.
  }
  return {
    handle: session?.handle ?? account.handle,
    displayName,
    ...(avatarUrl && { avatarUrl }),
    limits: blueskyInfo.defaultLimits,
  };
}

/** Signs in once with an app password; the session is then kept and refreshed, never re-created per post. */
export async function loginBluesky(
  service: string,
  identifier: string,
  password: string,
): Promise<Account> {
  const host = hostOf(service);
  // The account id is the DID, known only after login; until then the handler just waits for it.
  let persist:
    ((event: AtpSessionEvent, session: AtpSessionData | undefined) => Promise<void>) | undefined;
  const agent = new AtpAgent({
    service,
    persistSession: (event, session) => persist?.(event, session),
    // The app password, and the session after it, go over https only, wherever the PDS is found.
    fetch: secureFetch('Bluesky server', timedFetch),
  });
  try {
    await agent.login({ identifier, password });
  } catch (error) {
    const known = fromBlueskyError(error, host);
    if (known.kind === 'auth' || known.status === 401) {
      throw new CrosswindError('auth', words('bluesky.wrongPassword'), {
        cause: error,
        status: 401,
      });
    }
    throw known;
  }
  const session = agent.session;
  if (!session) throw new CrosswindError('auth', words('bluesky.noSessionStarted', { host }));
  const id = `bluesky:${session.did}`;
  // The PDS the DID document names is where the session goes from now on: it must be https too.
  const server = assertSecureTransport(agent.pdsUrl ?? service, 'Bluesky server').origin;
  await sessions.save(id, server, session);
  persist = persistTo(id, server);
  agents.set(id, Promise.resolve(agent));
  const now = Date.now();
  return {
    id,
    network: 'bluesky',
    server,
    remoteId: session.did,
    ...(await snapshot(agent, { remoteId: session.did, handle: session.handle })),
    state: 'connected',
    connectedAt: now,
    limitsCheckedAt: now,
  };
}

/** Video as a PDS takes it without Bluesky's video service: MP4 only, within Bluesky's limits. */
const DIRECT_VIDEO = { ...blueskyInfo.capabilities.video!, mimeTypes: ['video/mp4'] };

/** Bluesky and every AT Protocol server. */
export const blueskyAdapter: NetworkAdapter = {
  id: 'bluesky',
  measure,

  // App passwords: the form's handle and password go straight to the user's own PDS.
  signIn: {
    kind: 'form',
    async connect({ identifier = '', password = '', server }) {
      const cleanId = normalizeIdentifier(identifier);
      if (!password.trim()) throw new CrosswindError('validation', words('bluesky.enterPassword'));
      const directory = await directoryStorage.getValue();
      const service = await findBlueskyService(cleanId, server || undefined, directory);
      const account = await loginBluesky(service, cleanId, password.trim());
      // Without the video service, the PDS keeps the clip as it is, and the embed takes MP4 only.
      return videoPathFor(account, directory) === 'direct'
        ? { ...account, capabilities: { ...account.capabilities, video: DIRECT_VIDEO } }
        : account;
    },
  },

  // A record key chosen up front: a retry at the same key cannot create a second post.
  newIdempotencyKey: () => TID.nextStr(),

  async publish(account, post, options): Promise<PublishedPost> {
    const agent = await agentFor(account);
    const repo = account.remoteId;
    const rkey = options.idempotencyKey;
    try {
      if (options.isRetry) {
        const existing = await agent.com.atproto.repo
          .getRecord({ repo, collection: POST, rkey })
          .catch(() => undefined);
        if (existing?.data.cid) {
          return { id: existing.data.uri, cid: existing.data.cid, url: postUrl(account, rkey) };
        }
      }
      const rich = await buildRichText(agent, post.text);
      const created = await agent.com.atproto.repo.createRecord(
        { repo, collection: POST, rkey, record: recordFor(post, rich) },
        options.signal ? { signal: options.signal } : undefined,
      );
      // The record is where it was asked to be, or the answer is not about this post.
      if (created.data.uri !== `at://${repo}/${POST}/${rkey}` || !created.data.cid) {
        throw incompleteAnswer(hostOf(account.server), words('errors.missing.postAddress'));
      }
      return { id: created.data.uri, cid: created.data.cid, url: postUrl(account, rkey) };
    } catch (error) {
      throw fromBlueskyError(error, hostOf(account.server));
    }
  },

  imageRules: () => BLUESKY_IMAGE_TARGET,

  async uploadImage(account, image, options): Promise<UploadedMedia> {
    const agent = await agentFor(account);
    try {
      const bytes = new Uint8Array(await image.blob.arrayBuffer());
      const { data } = await agent.com.atproto.repo.uploadBlob(bytes, {
        encoding: image.blob.type,
        ...(options.signal && { signal: options.signal }),
      });
      const ref = data.blob.ref.toString();
      return {
        id: ref,
        alt: image.alt,
        width: image.width,
        height: image.height,
        // Served by the PDS to anyone once a post refers to it (Threads fetches it from there).
        publicUrl: `${new URL(account.server).origin}/xrpc/com.atproto.sync.getBlob?${new URLSearchParams({ did: account.remoteId, cid: ref })}`,
        // Kept as JSON so the job can be stored and the post retried without uploading again.
        blob: {
          $type: 'blob',
          ref: { $link: ref },
          mimeType: data.blob.mimeType,
          size: data.blob.size,
        },
      };
    } catch (error) {
      throw fromBlueskyError(error, hostOf(account.server));
    }
  },

  async uploadVideo(account, upload, options): Promise<UploadedMedia> {
    const agent = await agentFor(account);
    const path = videoPathFor(account, await directoryStorage.getValue());
    try {
      return path === 'service'
        ? await uploadVideoViaService(agent, account, upload, options)
        : await uploadVideoDirect(agent, account, upload, options);
    } catch (error) {
      throw fromBlueskyError(error, hostOf(account.server));
    }
  },

  async remove(account, post): Promise<RemoveResult> {
    const host = hostOf(account.server);
    const rkey = rkeyOf(post.id, account.remoteId);
    if (!rkey) {
      throw new CrosswindError('validation', words('bluesky.noPostAddress', { host }));
    }
    const agent = await agentFor(account);
    try {
      const { data } = await agent.com.atproto.repo.deleteRecord({
        repo: account.remoteId,
        collection: POST,
        rkey,
      });
      // The PDS makes no commit when it had no such record: nothing was deleted by this call.
      return data.commit ? 'deleted' : 'not-found';
    } catch (error) {
      throw fromBlueskyError(error, host);
    }
  },

  async refresh(account) {
    const agent = await agentFor(account);
    return snapshot(agent, account);
  },

  async disconnect(account) {
    const pending = agents.get(account.id);
    agents.delete(account.id);
    const agent = await pending?.catch(() => undefined);
    // Deleting the session on the server ends the refresh token too; offline, forgetting it is enough.
    await agent?.logout().catch(() => undefined);
    await sessions.remove(account.id);
  },
};
