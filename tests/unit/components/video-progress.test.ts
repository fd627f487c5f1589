import { describe, expect, it } from 'vitest';
import { targetStateText } from '@/components/target-state';
import { transferPercent, videoProgressText } from '@/components/video-progress';
import { badgeState } from '@/utils/publish/feedback';
import type { PostJob, TargetJob } from '@/utils/publish/types';

const uploading = (videoTransfer: TargetJob['videoTransfer']): TargetJob => ({
  accountId: 'm1',
  status: 'uploading',
  content: { parts: ['x'] },
  parts: [{ idempotencyKey: 'k' }],
  attempts: 1,
  updatedAt: 0,
  ...(videoTransfer && { videoTransfer }),
});

describe('a clip on its way, in words', () => {
  it('counts bytes while uploading, and says nothing made up while a single request runs', () => {
    const total = 10_000_000;
    expect(videoProgressText({ stage: 'uploading', sentBytes: 0, totalBytes: total })).toBe(
      'Uploading the video…',
    );
    const part = { stage: 'uploading' as const, sentBytes: 4_000_000, totalBytes: total };
    expect(transferPercent(part)).toBe(40);
    expect(videoProgressText(part)).toBe('Uploading the video: 40%');
  });

  it('gives the server’s own figure while it processes, where it has one', () => {
    const done = { sentBytes: 9, totalBytes: 9, processingId: 'job' };
    expect(videoProgressText({ stage: 'processing', ...done })).toBe(
      'The server is processing the video…',
    );
    expect(videoProgressText({ stage: 'processing', ...done, processingPercent: 62 })).toBe(
      'The server is processing the video: 62%',
    );
  });

  it('is the state an uploading account’s row shows', () => {
    const target = uploading({ stage: 'processing', sentBytes: 9, totalBytes: 9 });
    expect(targetStateText(target)).toBe('The server is processing the video…');
    expect(targetStateText(uploading(undefined))).toBe('Uploading images…');
  });

  it('names the network that processes the clip, where it is known', () => {
    const done = { stage: 'processing' as const, sentBytes: 9, totalBytes: 9 };
    expect(videoProgressText(done, 'PeerTube')).toBe('PeerTube is processing the video…');
    expect(videoProgressText({ ...done, processingPercent: 5 }, 'Bluesky')).toBe(
      'Bluesky is processing the video: 5%',
    );
    expect(targetStateText(uploading(done), 'tube.example', 0, 'PeerTube')).toBe(
      'PeerTube is processing the video…',
    );
  });

  it('calls a clip on its way a video upload even before its first report', () => {
    const clip = {
      id: 'v',
      name: 'clip.webm',
      alt: '',
      type: 'video/webm',
      bytes: 9,
      durationMs: 1000,
      width: 2,
      height: 2,
    };
    const target = { ...uploading(undefined), content: { parts: ['x'], video: clip } };
    expect(targetStateText(target)).toBe('Uploading the video…');
  });

  it('keeps the badge counting a post whose clip is still on its way', () => {
    const job: PostJob = {
      id: 'j',
      draftId: 'd',
      createdAt: 0,
      summary: 'x',
      targets: [uploading({ stage: 'uploading', sentBytes: 1, totalBytes: 9 })],
    };
    expect(badgeState([job], 'Crosswind').text).toBe('1');
  });
});
