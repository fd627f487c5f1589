import { CATEGORIES, DEFAULT_EXTENSIONS, LANGUAGES, PRIVACIES } from './constants';
import { json, ProblemError } from './problem';
import { channelsOf, quotaUsed, type Runtime } from './runtime';
import type { ChannelRecord, UserRecord } from './types';

function channelJson(rt: Runtime, channel: ChannelRecord) {
  return {
    id: channel.id,
    name: channel.name,
    displayName: channel.displayName,
    url: `${rt.baseUrl}/video-channels/${channel.name}`,
    host: rt.host,
    isLocal: true,
    avatars: [],
  };
}

function accountJson(rt: Runtime, user: UserRecord) {
  return {
    id: user.accountId,
    userId: user.id,
    name: user.username,
    displayName: user.displayName,
    url: `${rt.baseUrl}/accounts/${user.username}`,
    host: rt.host,
    avatars: [],
  };
}

/** `GET /api/v1/users/me`: PeerTube's MyUser, quota and quota used included. */
export function me(rt: Runtime, user: UserRecord): Response {
  return json({
    id: user.id,
    username: user.username,
    account: accountJson(rt, user),
    role: { id: 2, label: 'User' },
    videoQuota: user.videoQuota,
    videoQuotaDaily: user.videoQuotaDaily,
    videoQuotaUsed: quotaUsed(rt, user.id),
    videoQuotaUsedDaily: quotaUsed(rt, user.id),
    videoChannels: channelsOf(rt, user.id).map((channel) => channelJson(rt, channel)),
    nsfwPolicy: 'blur',
    twoFactorEnabled: user.otp !== undefined,
  });
}

/** `GET /api/v1/users/me/video-quota-used`. */
export function quota(rt: Runtime, user: UserRecord): Response {
  const used = quotaUsed(rt, user.id);
  return json({ videoQuotaUsed: used, videoQuotaUsedDaily: used });
}

/** `GET /api/v1/accounts/{name}/video-channels`: public, paginated as `{ total, data }`. */
export function accountChannels(rt: Runtime, name: string): Response {
  const user = rt.state.users.find(
    (item) => item.username === name.toLowerCase().replace(/@.*$/, ''),
  );
  if (!user) throw new ProblemError(404, 'Account not found');
  const data = channelsOf(rt, user.id).map((channel) => channelJson(rt, channel));
  return json({ total: data.length, data });
}

/** `GET /api/v1/config`: the parts a client uploading a video reads. */
export function config(rt: Runtime): Response {
  return json({
    instance: {
      name: rt.options.name,
      shortDescription: '',
      isNSFW: false,
      defaultNSFWPolicy: 'blur',
    },
    serverVersion: '7.1.0',
    video: {
      image: { extensions: ['.png', '.jpg', '.jpeg', '.webp'], size: { max: 8_388_608 } },
      file: {
        extensions: rt.options.extensions.length ? rt.options.extensions : DEFAULT_EXTENSIONS,
      },
    },
    user: { videoQuota: -1, videoQuotaDaily: -1 },
    // What PeerTube's web client caps its growing upload slices at (0: no cap).
    client: { videos: { resumableUpload: { maxChunkSize: rt.options.maxChunkSize } } },
    // An upload over this is refused when it is created (-1: no limit).
    videoFile: { size: { max: rt.options.maxFileSize } },
  });
}

export const categories = (): Response => json(CATEGORIES);
export const languages = (): Response => json(LANGUAGES);
export const privacies = (): Response => json(PRIVACIES);
