import { words } from '@/utils/i18n/wording';
import { MastoTimeoutError } from 'masto';
import { normalizeServerUrl } from '@/utils/auth/server-url';
import { mastodonImageTarget } from '@/utils/media/targets';
import { CrosswindError } from '@/utils/errors';
import {
  credentialsFrom,
  isPostId,
  mediaIdFrom,
  mediaUrlFrom,
  publishedFrom,
  scheduleAnswerFrom,
  scheduledFrom,
  type CheckedCredentials,
} from './answers';
import { fromMastodonError } from './errors';
import { mastodonClient } from './http';
import { capabilitiesOf, hostOf } from '../info';
import { fetchMastodonLimits } from './instance';
import {
  beginMastodonAuthorization,
  completeMastodonAuthorization,
  forgetMastodonAuthorization,
  revokeMastodonToken,
  type MastodonGrant,
} from './auth';
import { authorized, renewals, tokens } from './access';
import { MASTODON_FLAVOR, type MastodonFlavor } from './flavor';
import { findSentStatus } from './lookup';
import { readServerSoftware } from './nodeinfo';
import { differencesOf } from './servers';
import { uploadMastodonVideo } from './video';
import type {
  Account,
  AccountLimits,
  AccountSnapshot,
  NetworkAdapter,
  OutgoingPost,
  ProtocolFamily,
  PublishedPost,
  PublishedInstead,
  PublishOptions,
  RedirectSignIn,
  RemoveResult,
  ServerScheduled,
  ServerSoftware,
  UploadedMedia,
  Visibility,
} from '../types';
import { measure } from './measure';

/** The instance's limits with the server software's own counting rule. */
function limitsFor(limits: AccountLimits, software: ServerSoftware | undefined): AccountLimits {
  return differencesOf(software).countsCodePoints ? { ...limits, countsCodePoints: true } : limits;
}

const VISIBILITIES: readonly string[] = ['public', 'unlisted', 'private', 'direct'];

function snapshotOf(me: CheckedCredentials, limits: Account['limits']): AccountSnapshot {
  return {
    handle: me.username,
    displayName: me.displayName,
    ...(me.avatar && { avatarUrl: me.avatar }),
    ...(me.url && { webUrl: me.url }),
    limits,
    defaultVisibility:
      me.privacy && VISIBILITIES.includes(me.privacy) ? (me.privacy as Visibility) : 'public',
  };
}

/** Builds the account record for a finished authorization and keeps its token in the vault. */
export async function createMastodonAccount(
  grant: MastodonGrant,
  flavor: MastodonFlavor = MASTODON_FLAVOR,
): Promise<Account> {
  const network = grant.network ?? flavor.network;
  const software = flavor.readsServerDifferences ? grant.software : undefined;
  const host = hostOf(grant.origin);
  let me: CheckedCredentials;
  try {
    const client = mastodonClient(grant.origin, grant.accessToken);
    me = credentialsFrom(await client.v1.accounts.verifyCredentials(), host);
  } catch (error) {
    throw fromMastodonError(error, host);
  }
  const id = `${network}:${host}:${me.id}`;
  await tokens.save(id, grant.origin, grant.accessToken);
  if (grant.renewal) await renewals.save(id, grant.origin, grant.renewal);
  else await renewals.remove(id);
  const now = Date.now();
  const { capabilities } = differencesOf(software);
  return {
    id,
    network,
    server: grant.origin,
    remoteId: me.id,
    ...snapshotOf(me, limitsFor(grant.limits, software)),
    ...(grant.software && { software: grant.software }),
    ...(Object.keys(capabilities).length > 0 && { capabilities }),
    state: 'connected',
    connectedAt: now,
    limitsCheckedAt: now,
  };
}

/** The body of POST /api/v1/statuses for one post, scheduled or not. */
function statusParams(account: Account, post: OutgoingPost) {
  return {
    status: post.text,
    visibility: post.visibility ?? account.defaultVisibility ?? 'public',
    ...(post.language && { language: post.language }),
    ...(post.spoilerText && { spoilerText: post.spoilerText }),
    ...((post.sensitive || post.spoilerText) && { sensitive: true }),
    ...(post.replyTo && { inReplyToId: post.replyTo.parent.id }),
    ...(post.media?.length && { mediaIds: post.media.map((item) => item.id) }),
    ...(post.video && { mediaIds: [post.video.id] }),
  };
}

function requestMeta(options: PublishOptions) {
  return {
    requestInit: {
      // The server returns the first status again for a repeated key: retries cannot double-post.
      headers: { 'Idempotency-Key': options.idempotencyKey },
      ...(options.signal && { signal: options.signal }),
    },
  };
}

/**
 * The server refusing a time (too soon, or too many scheduled posts) is not the post's fault:
 * it is 'unsupported', and the post can still go out at that time from the browser.
 */
function schedulingError(error: unknown, host: string): CrosswindError {
  const known = fromMastodonError(error, host);
  const said = known.detail ?? '';
  if (known.status !== 422 || !/schedul/i.test(said)) return known;
  return new CrosswindError('unsupported', words('mastodon.wouldNotSchedule', { host, said }), {
    cause: error,
    status: 422,
    detail: said,
  });
}

/** The OAuth sign-in of one Mastodon-API flavor: its scopes, and the account it makes. */
export function mastodonApiSignIn(flavor: MastodonFlavor): RedirectSignIn {
  return {
    kind: 'redirect',
    async prepare(fields, server) {
      const authorizeUrl = await beginMastodonAuthorization(
        fields.server ?? '',
        flavor,
        server.software,
      );
      return { authorizeUrl };
    },
    async complete(redirectUrl) {
      const grant = await completeMastodonAuthorization(redirectUrl, flavor);
      return createMastodonAccount(grant, flavor);
    },
    cancel: forgetMastodonAuthorization,
  };
}

/** Every server that speaks the Mastodon API, told apart by the software its nodeinfo names. */
export function mastodonApiFamily(software: ProtocolFamily['software']): ProtocolFamily {
  return {
    name: 'mastodon-api',
    software,
    async identify(fields) {
      const origin = normalizeServerUrl(fields.server ?? '', 'Mastodon server');
      const found = await readServerSoftware(origin);
      return found ? { software: found } : {};
    },
  };
}

/** Mastodon and every server that speaks its API. */
export const mastodonAdapter: NetworkAdapter = {
  id: 'mastodon',
  measure,
  signIn: mastodonApiSignIn(MASTODON_FLAVOR),
  family: mastodonApiFamily('any'),

  newIdempotencyKey: () => crypto.randomUUID(),

  async publish(account, post, options): Promise<PublishedPost> {
    try {
      // A server that ignores Idempotency-Key would post a retry twice: look for it first.
      if (options.isRetry && capabilitiesOf(account).idempotency === 'lookup-before-retry') {
        const sent = await findSentStatus(account, post);
        if (sent) return sent;
      }
      const status: unknown = await authorized(account, (client) =>
        client.v1.statuses.create(statusParams(account, post), requestMeta(options)),
      );
      return publishedFrom(status, hostOf(account.server));
    } catch (error) {
      throw fromMastodonError(error, hostOf(account.server));
    }
  },

  async schedule(account, post, options): Promise<ServerScheduled | PublishedInstead> {
    const host = hostOf(account.server);
    try {
      const answer: unknown = await authorized(account, (client) =>
        client.v1.statuses.create(
          {
            ...statusParams(account, post),
            scheduledAt: new Date(options.scheduledAt).toISOString(),
          },
          requestMeta(options),
        ),
      );
      const result = scheduleAnswerFrom(answer, host);
      return result.kind === 'scheduled' ? result.scheduled : { publishedNow: result.post };
    } catch (error) {
      const known = schedulingError(error, host);
      // Mastodon answers a repeated key of a scheduled post with 404: the first attempt got
      // through, but the server does not say which scheduled post it made.
      if (options.isRetry && known.status === 404) {
        throw new CrosswindError('server', words('mastodon.maybeScheduled', { host }), {
          cause: error,
          status: 404,
          retryable: false,
        });
      }
      throw known;
    }
  },

  async cancelScheduled(account, id) {
    try {
      await authorized(account, (client) => client.v1.scheduledStatuses.$select(id).remove());
    } catch (error) {
      const known = fromMastodonError(error, hostOf(account.server));
      // Already cancelled on the server (for instance in its own app): nothing left to do.
      if (known.status === 404) return;
      throw known;
    }
  },

  async reschedule(account, id, at): Promise<ServerScheduled> {
    try {
      const scheduled: unknown = await authorized(account, (client) =>
        client.v1.scheduledStatuses.$select(id).update({ scheduledAt: new Date(at).toISOString() }),
      );
      return scheduledFrom(scheduled, hostOf(account.server));
    } catch (error) {
      throw schedulingError(error, hostOf(account.server));
    }
  },

  imageRules: (account) => mastodonImageTarget(account.limits),

  async uploadImage(account, image, options): Promise<UploadedMedia> {
    const host = hostOf(account.server);
    try {
      // masto posts to /api/v2/media and, on 202, polls /api/v1/media/:id until it is processed.
      const media: unknown = await authorized(account, (client) =>
        client.v2.media.create(
          { file: image.blob, description: image.alt || null },
          options.signal ? { requestInit: { signal: options.signal } } : undefined,
        ),
      );
      const id = mediaIdFrom(media, host);
      const publicUrl = mediaUrlFrom(media);
      return {
        id,
        alt: image.alt,
        width: image.width,
        height: image.height,
        ...(publicUrl && { publicUrl }),
      };
    } catch (error) {
      if (error instanceof MastoTimeoutError) {
        throw new CrosswindError('server', words('mastodon.stillProcessing', { host }), {
          cause: error,
        });
      }
      throw fromMastodonError(error, host);
    }
  },

  uploadVideo: uploadMastodonVideo,

  async remove(account, post): Promise<RemoveResult> {
    const host = hostOf(account.server);
    if (!isPostId(post.id)) {
      throw new CrosswindError('validation', words('mastodon.noPostId', { host }));
    }
    try {
      await authorized(account, (client) => client.v1.statuses.$select(post.id).remove());
      return 'deleted';
    } catch (error) {
      const known = fromMastodonError(error, host);
      // Deleted there already, or never made: either way it is not there, but we did not delete it.
      if (known.status === 404) return 'not-found';
      throw known;
    }
  },

  async refresh(account) {
    try {
      // Credentials first: an account whose record names another server sends nothing anywhere.
      const me: unknown = await authorized(account, (client) =>
        client.v1.accounts.verifyCredentials(),
      );
      // What the server reported before stands in for what it no longer reports.
      const limits = await fetchMastodonLimits(account.server, account.limits);
      // The server's counting rule was learned when it was connected; the instance does not say it.
      const counting = account.limits.countsCodePoints && { countsCodePoints: true };
      return snapshotOf(credentialsFrom(me, hostOf(account.server)), { ...limits, ...counting });
    } catch (error) {
      throw fromMastodonError(error, hostOf(account.server));
    }
  },

  issuer: async (account) => (await tokens.peek(account.id))?.origin,

  async disconnect(account) {
    // Revoked where it was issued: the account record may name another server by now.
    const credential = await tokens.peek(account.id);
    if (credential) await revokeMastodonToken(credential.origin, credential.secret);
    await tokens.remove(account.id);
    await renewals.remove(account.id);
  },
};
