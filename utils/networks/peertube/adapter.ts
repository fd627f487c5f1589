import { CrosswindError } from '@/utils/errors';
import { words } from '@/utils/i18n/wording';
import type { NetworkAdapter, PublishedPost } from '../types';
import { readAcceptedTypes, readMaxChunkBytes, readMe, snapshotOf } from './account';
import { peertubeError } from './errors';
import { videoMetadata } from './metadata';
import { apiFor, sessions } from './session';
import { measure } from './measure';
import { forgetSettings, settingsOf } from './settings';
import { connectPeerTube } from './sign-in';
import { PUBLISH_WAIT, untilPublished } from './processing';
import { uploadResumable } from './upload';

/** The video's page: PeerTube's short watch address. */
export const watchUrl = (origin: string, shortUUID: string) => `${origin}/w/${shortUUID}`;

/** PeerTube: password-grant sign-in, resumable upload, the video is the post. */
export const peertubeAdapter: NetworkAdapter = {
  id: 'peertube',
  signIn: { kind: 'form', connect: connectPeerTube },
  measure,

  // The upload session is the server's key for the attempt; this one only names the attempt.
  newIdempotencyKey: () => crypto.randomUUID(),

  async uploadVideo(account, { file, video }, options) {
    const settings = await settingsOf(account.id);
    if (!settings) throw new CrosswindError('auth', words('peertube.noSettings'));
    const api = await apiFor(account);
    const totalBytes = file.size;
    const waitFor = (uuid: string) =>
      untilPublished(api, uuid, {
        totalBytes,
        report: options.report,
        ...(options.signal && { signal: options.signal }),
      });
    const resume = options.resume;
    // A restarted worker that saw the upload end waits for that video; only a video the server
    // no longer has is uploaded again.
    let publication =
      resume?.stage === 'processing' && resume.processingId
        ? await waitFor(resume.processingId)
        : undefined;
    if (!publication || publication.kind === 'gone') {
      // Unreadable, the instance's slice limit is left to Crosswind's own ceiling, which is modest.
      const maxChunkBytes = await readMaxChunkBytes(api).catch(() => undefined);
      const made = await uploadResumable(
        {
          api,
          file,
          type: video.type,
          metadata: videoMetadata(options.post, video, settings),
          ...(maxChunkBytes !== undefined && { maxChunkBytes }),
        },
        {
          report: options.report,
          ...(options.signal && { signal: options.signal }),
          ...(resume?.stage === 'uploading' && { resume }),
        },
      );
      await options.report({
        stage: 'processing',
        sentBytes: totalBytes,
        totalBytes,
        processingId: made.uuid,
      });
      publication = await waitFor(made.uuid);
      if (publication.kind === 'gone') {
        throw new CrosswindError('server', words('video.uploadGone', { host: api.host }));
      }
    }
    const minutes = Math.round(PUBLISH_WAIT.limitMs / 60_000);
    return {
      id: publication.video.uuid,
      alt: video.alt,
      width: video.width,
      height: video.height,
      url: watchUrl(api.origin, publication.video.shortUUID),
      // The post is made and linked; PeerTube publishes it once its transcoding ends.
      ...(publication.kind === 'still-processing' && {
        notice: words('peertube.stillTranscoding', { host: api.host, minutes }),
      }),
    };
  },

  async publish(account, post): Promise<PublishedPost> {
    // The upload made the video: posting is pointing at it.
    if (!post.video?.url) throw new CrosswindError('validation', words('peertube.needsVideo'));
    return { id: post.video.id, url: post.video.url };
  },

  imageRules: () => ({ maxBytes: 0, maxEdge: 0, acceptsWebp: false, keepGif: false }),

  async uploadImage() {
    throw new CrosswindError('unsupported', words('peertube.noImages'));
  },

  async remove(account, post) {
    const api = await apiFor(account);
    const answer = await api.call(`/api/v1/videos/${encodeURIComponent(post.id)}`, {
      method: 'DELETE',
    });
    if (answer.status === 204 || answer.ok) return 'deleted';
    if (answer.status === 404) return 'not-found';
    throw peertubeError(api.host, answer);
  },

  async refresh(account) {
    const api = await apiFor(account);
    const [me, types] = await Promise.all([readMe(api), readAcceptedTypes(api)]);
    return snapshotOf(api.origin, me, types);
  },

  issuer: async (account) => (await sessions.peek(account.id))?.origin,

  async disconnect(account) {
    const stored = await sessions.peek(account.id);
    if (stored) {
      // Ends the session on the server too; the account is forgotten here whatever it answers.
      await apiFor(account)
        .then((api) => api.call('/api/v1/users/revoke-token', { method: 'POST' }))
        .catch(() => undefined);
    }
    await sessions.remove(account.id);
    await forgetSettings(account.id);
  },
};
