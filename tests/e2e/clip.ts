import type { JSHandle, Page } from '@playwright/test';

/** The extension storage calls made inside its pages. */
declare const chrome: {
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
};

/** A clip made in the browser for the test, stored where the composer keeps attached videos. */
export interface StoredClip {
  id: string;
  bytes: number;
  sha256: string;
  width: number;
  height: number;
  durationMs: number;
}

/** A recorded clip as bytes in the test, to hand to a file chooser or serve from a web site. */
export interface RecordedFile {
  buffer: Buffer;
  bytes: number;
  sha256: string;
}

/** What `record` leaves in the page: the clip, its facts, and its bytes when they are asked for. */
interface Recording {
  blob: Blob;
  facts: StoredClip;
  base64?: string;
}

/**
 * Stores a clip made in the page where the composer keeps attached videos (Crosswind's video
 * store), under `id`, as attaching a file does.
 */
export async function storeVideo(page: Page, blob: JSHandle<Blob>, id: string): Promise<void> {
  await page.evaluate(
    ({ video, key }) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('crosswind-video', 1);
        request.onupgradeneeded = () => request.result.createObjectStore('videos');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const transaction = request.result.transaction('videos', 'readwrite');
          transaction.objectStore('videos').put(video, key);
          transaction.oncomplete = () => {
            request.result.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    { video: blob, key: id },
  );
}

/**
 * Records a clip of noise with the browser's own MediaRecorder (nothing is downloaded) and leaves
 * it in the page, with its bytes as base64 when `withBytes`. Noise keeps the encoder from
 * compressing it to nothing, so the clip spans several upload slices.
 */
function record(
  page: Page,
  length: number,
  bitrate: number,
  withBytes: boolean,
  minBytes: number,
): Promise<JSHandle<Recording>> {
  return page.evaluateHandle(
    async ({ seconds, bitsPerSecond, bytesToo, atLeast }): Promise<Recording> => {
      const width = 640;
      const height = 360;
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d')!;
      const frame = context.createImageData(width, height);
      const stream = canvas.captureStream(25);
      const recorder = new MediaRecorder(stream, {
        mimeType: 'video/webm;codecs=vp8',
        videoBitsPerSecond: bitsPerSecond,
      });
      const chunks: Blob[] = [];
      let recorded = 0;
      recorder.ondataavailable = (event) => {
        chunks.push(event.data);
        recorded += event.data.size;
      };
      const stopped = new Promise<void>((resolve) => (recorder.onstop = () => resolve()));
      let seed = 7;
      const draw = () => {
        for (let index = 0; index < frame.data.length; index += 4) {
          seed = (seed * 1103515245 + 12345) >>> 0;
          frame.data[index] = seed & 255;
          frame.data[index + 1] = (seed >>> 8) & 255;
          frame.data[index + 2] = (seed >>> 16) & 255;
          frame.data[index + 3] = 255;
        }
        context.putImageData(frame, 0, 0);
      };
      draw();
      recorder.start(1000);
      const started = performance.now();
      const timer = setInterval(draw, 40);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      // A loaded machine draws fewer frames of noise, and the encoder makes fewer bytes of them:
      // a test that needs several upload slices records on until it has them.
      const short = () => recorded < atLeast && performance.now() - started < seconds * 4000;
      while (short()) {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      clearInterval(timer);
      recorder.stop();
      await stopped;
      const blob = new Blob(chunks, { type: 'video/webm' });
      const durationMs = Math.round(performance.now() - started);
      const content = new Uint8Array(await blob.arrayBuffer());
      const digest = await crypto.subtle.digest('SHA-256', content);
      const sha256 = [...new Uint8Array(digest)]
        .map((byte) => byte.toString(16).padStart(2, '0'))
        .join('');
      const facts = {
        id: crypto.randomUUID(),
        bytes: blob.size,
        sha256,
        width,
        height,
        durationMs,
      };
      if (!bytesToo) return { blob, facts };
      let binary = '';
      for (let index = 0; index < content.length; index += 0x8000) {
        binary += String.fromCharCode(...content.subarray(index, index + 0x8000));
      }
      return { blob, facts, base64: btoa(binary) };
    },
    { seconds: length, bitsPerSecond: bitrate, bytesToo: withBytes, atLeast: minBytes },
  );
}

/**
 * Records a clip and stores it where the composer keeps attached videos, as attaching a file
 * does; `minBytes` records on past `length` seconds until the clip is that large.
 */
export async function recordClip(
  page: Page,
  length: number,
  bitrate: number,
  minBytes = 0,
): Promise<StoredClip> {
  const recording = await record(page, length, bitrate, false, minBytes);
  const clip = await recording.evaluate((recorded) => recorded.facts);
  await storeVideo(page, await recording.evaluateHandle((recorded) => recorded.blob), clip.id);
  return clip;
}

/** Records a clip and answers its bytes, for the composer's file chooser or a web page's `<video>`. */
export async function recordClipFile(
  page: Page,
  length: number,
  bitrate: number,
  minBytes = 0,
): Promise<RecordedFile> {
  const recording = await record(page, length, bitrate, true, minBytes);
  const { base64 = '', facts } = await recording.evaluate((recorded) => ({
    base64: recorded.base64,
    facts: recorded.facts,
  }));
  return { buffer: Buffer.from(base64, 'base64'), bytes: facts.bytes, sha256: facts.sha256 };
}

/**
 * Puts the clip into the saved draft with the text and accounts given, as the composer does when
 * a clip is attached; the popup opened next shows that draft.
 */
export async function draftWithClip(
  page: Page,
  stored: StoredClip,
  postText: string,
  accounts: string[],
  fields: Record<string, unknown> = {},
): Promise<void> {
  await page.evaluate(
    async ({ clip, text, targetIds, extra }) => {
      const draft = {
        id: crypto.randomUUID(),
        text,
        targetIds,
        variants: {},
        contentWarning: '',
        language: 'en',
        threadTargets: [],
        numbering: false,
        images: [],
        updatedAt: Date.now(),
        video: {
          id: clip.id,
          name: 'noise.webm',
          alt: '',
          type: 'video/webm',
          bytes: clip.bytes,
          durationMs: clip.durationMs,
          width: clip.width,
          height: clip.height,
        },
        ...extra,
      };
      await chrome.storage.local.set({ draft });
    },
    { clip: stored, text: postText, targetIds: accounts, extra: fields },
  );
}

/** The ids of the connected accounts, as the extension stores them. */
export function accountIds(page: Page): Promise<Array<{ id: string; network: string }>> {
  return page.evaluate(async () => {
    const { accounts } = (await chrome.storage.local.get('accounts')) as {
      accounts?: Array<{ id: string; network: string }>;
    };
    return (accounts ?? []).map(({ id, network }) => ({ id, network }));
  });
}
