import type { Page } from '@playwright/test';
import { storeVideo, type StoredClip } from '../e2e/clip';

/**
 * A clip of `size` bytes made in the browser and stored where the composer keeps attached videos:
 * one second recorded with MediaRecorder, then an EBML Void element (which every reader skips)
 * fills it to size. The filler is one 1 MiB buffer repeated as Blob parts, so the page never
 * holds the whole clip itself.
 */
export async function bigClip(page: Page, size: number): Promise<StoredClip> {
  const blob = await page.evaluateHandle(async (bytes) => {
    const canvas = Object.assign(document.createElement('canvas'), { width: 640, height: 360 });
    const context = canvas.getContext('2d')!;
    const recorder = new MediaRecorder(canvas.captureStream(25), {
      mimeType: 'video/webm;codecs=vp8',
    });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (event) => chunks.push(event.data);
    const stopped = new Promise<void>((resolve) => (recorder.onstop = () => resolve()));
    recorder.start();
    const timer = setInterval(() => {
      context.fillStyle = `hsl(${Math.random() * 360} 80% 50%)`;
      context.fillRect(0, 0, 640, 360);
    }, 40);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    clearInterval(timer);
    recorder.stop();
    await stopped;
    const recorded = new Blob(chunks);
    // Void element: ID 0xEC, an 8-byte size (0x01 + 7 bytes), then that many bytes.
    const filler = bytes - recorded.size - 9;
    const header = new Uint8Array(9);
    header[0] = 0xec;
    header[1] = 0x01;
    for (let index = 0, rest = filler; index < 7; index += 1) {
      header[8 - index] = rest % 256;
      rest = Math.floor(rest / 256);
    }
    const mebibyte = new Uint8Array(1024 * 1024);
    const parts: BlobPart[] = [recorded, header];
    for (let left = filler; left > 0; left -= mebibyte.length) {
      parts.push(left >= mebibyte.length ? mebibyte : mebibyte.subarray(0, left));
    }
    return new Blob(parts, { type: 'video/webm' });
  }, size);
  const clip = {
    id: crypto.randomUUID(),
    bytes: await blob.evaluate((made) => made.size),
    sha256: '',
    width: 640,
    height: 360,
    durationMs: 1000,
  };
  await storeVideo(page, blob, clip.id);
  return clip;
}
