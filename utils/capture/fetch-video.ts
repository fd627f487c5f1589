import { words } from '@/utils/i18n/wording';
import { CrosswindError } from '../errors';
import { formatBytes } from '../media/fit';
import { sniffVideo } from '../media/video-sniff';
import { fetchRemote, type RemoteFetchOptions } from './remote-fetch';

/** Bluesky's limit, the largest any network here takes without a server that says more. */
export const MAX_REMOTE_VIDEO_BYTES = 100_000_000;

/** A clip is bigger than an image: it gets two minutes to arrive. */
const VIDEO_TIMEOUT_MS = 120_000;

/**
 * Downloads a page's `<video>` (a plain http(s) file, not a stream), refusing anything whose bytes
 * are not a video container: the Content-Type a site sends is not trusted. The Blob's type is
 * the sniffed one.
 */
export function fetchVideo(url: string, options: RemoteFetchOptions = {}): Promise<Blob> {
  const request = {
    ...options,
    kind: 'video' as const,
    accept: 'video/mp4,video/webm,video/*;q=0.8',
    timeoutMs: options.timeoutMs ?? VIDEO_TIMEOUT_MS,
  };
  return fetchRemote(url, request, async ({ response, host, readBody, discard }) => {
    const tooBig = () =>
      new CrosswindError(
        'validation',
        words('capture.videoTooBig', { size: formatBytes(MAX_REMOTE_VIDEO_BYTES) }),
      );
    if (Number(response.headers.get('content-length')) > MAX_REMOTE_VIDEO_BYTES) {
      discard();
      throw tooBig();
    }
    const { bytes, truncated } = await readBody(MAX_REMOTE_VIDEO_BYTES);
    if (truncated) throw tooBig();
    const type = sniffVideo(bytes.subarray(0, 64));
    if (!type) throw new CrosswindError('validation', words('capture.videoNotVideo', { host }));
    return new Blob([bytes], { type });
  });
}
