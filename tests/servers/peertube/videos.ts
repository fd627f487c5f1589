import { CATEGORIES, LANGUAGES, PRIVACIES, STATE_LABELS } from './constants';
import { json, ProblemError } from './problem';
import { liveToken, userById, type Runtime } from './runtime';
import type { VideoRecord } from './types';

/** A video by id, uuid or short uuid, as PeerTube's `isValidVideoIdParam` accepts them. */
export function findVideo(rt: Runtime, id: string): VideoRecord | undefined {
  return rt.state.videos.find(
    (video) =>
      !video.deleted && (String(video.id) === id || video.uuid === id || video.shortUUID === id),
  );
}

/**
 * "To transcode" (2) while its transcoding job runs, then "Published" (1), or "Transcoding failed"
 * (7), as PeerTube's `buildNextVideoState` and transcoding jobs move it. A stalled job never ends.
 */
export function stateOf(video: VideoRecord, now = Date.now()): keyof typeof STATE_LABELS {
  if (now < video.transcodedAt || video.transcoding === 'stalled') return 2;
  return video.transcoding === 'failed' ? 7 : 1;
}

/** VideoDetails, with the fields a client posting a video reads back. */
export function videoDetails(rt: Runtime, video: VideoRecord, now = Date.now()) {
  const owner = userById(rt, video.userId);
  const channel = rt.state.channels.find((item) => item.id === video.channelId);
  const state = stateOf(video, now);
  return {
    id: video.id,
    uuid: video.uuid,
    shortUUID: video.shortUUID,
    name: video.name,
    description: video.description,
    url: `${rt.baseUrl}/videos/watch/${video.uuid}`,
    privacy: { id: video.privacy, label: PRIVACIES[String(video.privacy)] },
    category: {
      id: video.category,
      label: video.category === null ? 'Unknown' : CATEGORIES[String(video.category)],
    },
    language: {
      id: video.language,
      label: video.language === null ? 'Unknown' : LANGUAGES[video.language],
    },
    tags: video.tags,
    nsfw: video.nsfw,
    nsfwSummary: video.nsfwSummary,
    state: { id: state, label: STATE_LABELS[state] },
    isLocal: true,
    createdAt: new Date(video.createdAt).toISOString(),
    publishedAt: new Date(video.createdAt).toISOString(),
    channel: channel && { id: channel.id, name: channel.name, displayName: channel.displayName },
    account: owner && { id: owner.accountId, name: owner.username, displayName: owner.displayName },
  };
}

/** `GET /api/v1/videos/{id}`: public and unlisted videos for anyone, the rest for the owner. */
export function getVideo(rt: Runtime, id: string, authorization: string | undefined): Response {
  const video = findVideo(rt, id);
  if (!video) throw new ProblemError(404, 'Video not found');
  if (video.privacy !== 1 && video.privacy !== 2) {
    const token = liveToken(rt, authorization);
    if (!token)
      throw new ProblemError(
        401,
        'Cannot get this private/internal or password protected video. Please make sure you are logged in.',
      );
    if (token.userId !== video.userId)
      throw new ProblemError(403, 'Cannot get this private or internal video');
  }
  return json(videoDetails(rt, video));
}

/** `DELETE /api/v1/videos/{id}`: 204, only by its owner. */
export function deleteVideo(rt: Runtime, id: string, userId: number): Response {
  const video = findVideo(rt, id);
  if (!video) throw new ProblemError(404, 'Video not found');
  if (video.userId !== userId)
    throw new ProblemError(403, 'Cannot manage a video of another user.');
  video.deleted = true;
  return new Response(null, { status: 204 });
}
