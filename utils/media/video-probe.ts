/** What the browser's own player reads from a clip: its length and frame size, and a still. */
export interface ProbedVideo {
  durationMs: number;
  width: number;
  height: number;
  /** A small JPEG of an early frame, for the composer; undefined when none could be drawn. */
  poster?: Blob;
}

const POSTER_EDGE = 320;
const PROBE_TIMEOUT_MS = 15_000;

/**
 * Loads the clip's metadata in a detached `<video>`, the way it will be played. A clip recorded
 * in a browser often has no length in its header (the player says Infinity); seeking far past
 * the end makes the player find the real one.
 */
export async function probeVideo(file: Blob): Promise<ProbedVideo> {
  const url = URL.createObjectURL(file);
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  video.playsInline = true;
  try {
    video.src = url;
    await event(video, 'loadedmetadata');
    if (!Number.isFinite(video.duration)) {
      video.currentTime = Number.MAX_SAFE_INTEGER;
      await event(video, 'seeked');
    }
    const durationMs = Math.round(video.duration * 1000);
    const width = video.videoWidth;
    const height = video.videoHeight;
    if (!Number.isFinite(durationMs) || width === 0 || height === 0) {
      throw new Error('no video track');
    }
    const poster = await posterOf(video).catch(() => undefined);
    return { durationMs, width, height, ...(poster && { poster }) };
  } finally {
    video.removeAttribute('src');
    video.load();
    URL.revokeObjectURL(url);
  }
}

/** Draws a frame a little way in (the first is often black) as a small JPEG. */
async function posterOf(video: HTMLVideoElement): Promise<Blob | undefined> {
  video.currentTime = Math.min(1, video.duration / 4);
  await event(video, 'seeked');
  const scale = Math.min(1, POSTER_EDGE / Math.max(video.videoWidth, video.videoHeight));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(video.videoWidth * scale));
  canvas.height = Math.max(1, Math.round(video.videoHeight * scale));
  canvas.getContext('2d')?.drawImage(video, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve) =>
    canvas.toBlob((blob) => resolve(blob ?? undefined), 'image/jpeg', 0.8),
  );
}

/** Resolves on the event, rejects on the element's error or when the player takes too long. */
function event(video: HTMLVideoElement, name: 'loadedmetadata' | 'seeked'): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error('the player took too long')), PROBE_TIMEOUT_MS);
    const onEvent = () => done();
    const onError = () => done(new Error(video.error?.message || 'the browser cannot play it'));
    function done(error?: Error) {
      clearTimeout(timer);
      video.removeEventListener(name, onEvent);
      video.removeEventListener('error', onError);
      if (error) reject(error);
      else resolve();
    }
    video.addEventListener(name, onEvent);
    video.addEventListener('error', onError);
  });
}
