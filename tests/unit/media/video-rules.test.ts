import { describe, expect, it } from 'vitest';
import { videoRefusals, videoRulesOf } from '@/utils/media/video-rules';
import { checkLimits } from '@/utils/networks/limits-validation';
import type { VideoFacts } from '@/utils/networks/types';
import { testAccount } from '../test-accounts';

const clip: VideoFacts = {
  type: 'video/mp4',
  bytes: 5_000_000,
  durationMs: 10_000,
  width: 1280,
  height: 720,
  frameRate: 30,
};

describe('videoRulesOf', () => {
  it('uses a Mastodon server’s reported limits over Mastodon’s defaults', () => {
    const rules = videoRulesOf(
      testAccount('m', 'mastodon', {
        limits: {
          maxCharacters: 500,
          maxMediaAttachments: 4,
          videoSizeLimit: 40 * 1024 * 1024,
          videoFrameRateLimit: 60,
          videoMatrixLimit: 2_304_000,
        },
      }),
    );
    expect(rules?.limits).toEqual({
      maxBytes: 40 * 1024 * 1024,
      maxFrameRate: 60,
      maxPixels: 2_304_000,
    });
  });

  it('keeps Mastodon’s defaults for what a server does not report', () => {
    expect(videoRulesOf(testAccount('m', 'mastodon'))?.limits).toEqual({
      maxBytes: 99 * 1024 * 1024,
      maxFrameRate: 120,
      maxPixels: 8_294_400,
    });
  });

  it('keeps Bluesky’s network-wide limits whatever the account reports', () => {
    const rules = videoRulesOf(
      testAccount('b', 'bluesky', {
        limits: { maxCharacters: 300, maxMediaAttachments: 4, videoSizeLimit: 1 },
      }),
    );
    expect(rules?.limits).toEqual({ maxBytes: 100_000_000, maxDurationMs: 180_000 });
  });

  it('narrows the containers to the video types a server lists', () => {
    const rules = videoRulesOf(
      testAccount('m', 'mastodon', {
        limits: {
          maxCharacters: 500,
          maxMediaAttachments: 4,
          supportedMimeTypes: ['image/jpeg', 'video/mp4'],
        },
      }),
    );
    expect(rules?.mimeTypes).toEqual(['video/mp4']);
  });

  it('answers nothing for a network without video', () => {
    expect(videoRulesOf(testAccount('k', 'misskey'))).toBeUndefined();
  });
});

describe('videoRefusals', () => {
  const bluesky = videoRulesOf(testAccount('b', 'bluesky'))!;
  const mastodon = videoRulesOf(testAccount('m', 'mastodon'))!;

  it('accepts a 10-second clip everywhere', () => {
    expect(videoRefusals(clip, bluesky)).toEqual([]);
    expect(videoRefusals(clip, mastodon)).toEqual([]);
  });

  it('refuses a clip over 3 minutes for Bluesky only', () => {
    const long = { ...clip, durationMs: 181_000 };
    expect(videoRefusals(long, bluesky)).toEqual([
      { kind: 'duration', durationMs: 181_000, limit: 180_000 },
    ]);
    expect(videoRefusals(long, mastodon)).toEqual([]);
  });

  it('names every limit a clip breaks, with its numbers', () => {
    const heavy = {
      ...clip,
      type: 'video/x-matroska',
      bytes: 200_000_000,
      frameRate: 240,
      width: 7680,
      height: 4320,
    };
    expect(videoRefusals(heavy, mastodon).map((refusal) => refusal.kind)).toEqual([
      'type',
      'size',
      'frame-rate',
      'matrix',
    ]);
  });

  it('leaves an unknown frame rate to the server', () => {
    const { frameRate: _unknown, ...unread } = clip;
    expect(videoRefusals(unread, { ...mastodon, limits: { maxFrameRate: 1 } })).toEqual([]);
  });
});

describe('video limits from a server', () => {
  it('keeps sane video limits and replaces nonsense with the defaults', () => {
    const { limits, rejected } = checkLimits(
      { videoSizeLimit: 41_943_040, videoFrameRateLimit: -3, videoMatrixLimit: '4K' },
      { maxCharacters: 500, maxMediaAttachments: 4 },
    );
    expect(limits.videoSizeLimit).toBe(41_943_040);
    expect(limits.videoFrameRateLimit).toBeUndefined();
    expect(limits.videoMatrixLimit).toBeUndefined();
    expect(rejected).toEqual(['video_frame_rate_limit -3', 'video_matrix_limit "4K"']);
  });
});
