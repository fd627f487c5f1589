import { capabilitiesOf } from '../networks/info';
import type { VideoCapability, VideoLimits } from '../networks/capabilities';
import type { Account, AccountLimits, VideoFacts } from '../networks/types';

/** A network's video rules as they apply to one account: its server's limits over the network's. */
export interface VideoRules {
  carrier: VideoCapability['carrier'];
  mimeTypes: readonly string[];
  limits: VideoLimits;
  limitsFrom: VideoCapability['limitsFrom'];
  altLimit?: number;
  post?: VideoCapability['post'];
}

/** The limits a server reported, over the network's own; unreported ones keep the network's. */
function serverLimits(network: VideoLimits, reported: AccountLimits): VideoLimits {
  const limits: VideoLimits = { ...network };
  if (reported.videoSizeLimit !== undefined) limits.maxBytes = reported.videoSizeLimit;
  if (reported.videoFrameRateLimit !== undefined) {
    limits.maxFrameRate = reported.videoFrameRateLimit;
  }
  if (reported.videoMatrixLimit !== undefined) limits.maxPixels = reported.videoMatrixLimit;
  if (reported.videoDurationLimit !== undefined) {
    limits.maxDurationMs = reported.videoDurationLimit * 1000;
  }
  if (reported.videoQuotaLeft !== undefined) limits.quotaLeft = reported.videoQuotaLeft;
  return limits;
}

/**
 * The video rules for an account, or undefined when its network takes no video. A server that
 * lists the types it takes (`supported_mime_types`) narrows the network's containers to those.
 */
export function videoRulesOf(
  account: Pick<Account, 'network' | 'capabilities' | 'limits'>,
): VideoRules | undefined {
  const capability = capabilitiesOf(account).video;
  if (!capability) return undefined;
  const listed = account.limits.supportedMimeTypes?.filter((type) => type.startsWith('video/'));
  const mimeTypes =
    listed && listed.length > 0
      ? capability.mimeTypes.filter((type) => listed.includes(type))
      : capability.mimeTypes;
  return {
    carrier: capability.carrier,
    mimeTypes,
    limits:
      capability.limitsFrom === 'server'
        ? serverLimits(capability.limits, account.limits)
        : { ...capability.limits, ...quotaOf(account.limits) },
    limitsFrom: capability.limitsFrom,
    ...(capability.altLimit !== undefined && { altLimit: capability.altLimit }),
    ...(capability.post && { post: capability.post }),
  };
}

function quotaOf(limits: AccountLimits): Pick<VideoLimits, 'quotaLeft'> {
  return limits.videoQuotaLeft === undefined ? {} : { quotaLeft: limits.videoQuotaLeft };
}

/** Why a clip cannot go to an account, with the numbers to say so. */
export type VideoRefusal =
  | { kind: 'type'; type: string; accepted: readonly string[] }
  | { kind: 'size'; bytes: number; limit: number }
  | { kind: 'quota'; bytes: number; limit: number }
  | { kind: 'duration'; durationMs: number; limit: number }
  | { kind: 'frame-rate'; frameRate: number; limit: number }
  | { kind: 'matrix'; pixels: number; limit: number };

/**
 * Everything that keeps a clip from an account under its rules, first the one to fix first.
 * A fact the page could not read (a frame rate) is not held against the clip: the server checks it.
 */
export function videoRefusals(video: VideoFacts, rules: VideoRules): VideoRefusal[] {
  const refusals: VideoRefusal[] = [];
  const { limits } = rules;
  if (!rules.mimeTypes.includes(video.type)) {
    refusals.push({ kind: 'type', type: video.type, accepted: rules.mimeTypes });
  }
  if (limits.maxDurationMs !== undefined && video.durationMs > limits.maxDurationMs) {
    refusals.push({ kind: 'duration', durationMs: video.durationMs, limit: limits.maxDurationMs });
  }
  if (limits.maxBytes !== undefined && video.bytes > limits.maxBytes) {
    refusals.push({ kind: 'size', bytes: video.bytes, limit: limits.maxBytes });
  }
  if (limits.quotaLeft !== undefined && video.bytes > limits.quotaLeft) {
    refusals.push({ kind: 'quota', bytes: video.bytes, limit: limits.quotaLeft });
  }
  if (
    limits.maxFrameRate !== undefined &&
    video.frameRate !== undefined &&
    video.frameRate > limits.maxFrameRate
  ) {
    refusals.push({ kind: 'frame-rate', frameRate: video.frameRate, limit: limits.maxFrameRate });
  }
  const pixels = video.width * video.height;
  if (limits.maxPixels !== undefined && pixels > limits.maxPixels) {
    refusals.push({ kind: 'matrix', pixels, limit: limits.maxPixels });
  }
  return refusals;
}
