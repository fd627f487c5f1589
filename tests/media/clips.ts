import type { Page } from 'playwright-core';
import { launchChromium } from './media-page';

/** A clip as Playwright's setInputFiles takes it. */
export interface ClipFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

const ORIGIN = 'https://clips.test/';

/**
 * Records a clip in a separate headless Chromium with the browser's own MediaRecorder: a canvas
 * animation (a moving square and a frame counter) captured at 30 fps for `seconds` of real time.
 * Nothing is downloaded; what comes out is what a browser or phone recorder makes.
 */
export async function recordClip(spec: {
  name: string;
  seconds: number;
  width: number;
  height: number;
  mimeType: 'video/mp4' | 'video/webm';
}): Promise<ClipFile> {
  const browser = await launchChromium();
  try {
    const page: Page = await browser.newPage();
    // tsx compiles with keepNames, which wraps functions passed to evaluate in a __name helper.
    await page.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
    // A secure context, as MediaRecorder and canvas capture expect.
    await page.route(`${ORIGIN}**`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>clips</title>' }),
    );
    await page.goto(ORIGIN);
    const base64 = await page.evaluate(async ({ seconds, width, height, mimeType }) => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      document.body.append(canvas);
      const context = canvas.getContext('2d')!;
      const stream = canvas.captureStream(30);
      const type = mimeType === 'video/mp4' ? 'video/mp4;codecs=avc1' : 'video/webm;codecs=vp8';
      const recorder = new MediaRecorder(stream, { mimeType: type });
      const chunks: Blob[] = [];
      recorder.ondataavailable = (event) => chunks.push(event.data);
      const stopped = new Promise((resolve) => (recorder.onstop = resolve));
      let frame = 0;
      const draw = () => {
        frame += 1;
        context.fillStyle = `hsl(${(frame * 3) % 360} 60% 40%)`;
        context.fillRect(0, 0, width, height);
        context.fillStyle = '#fff';
        context.fillRect((frame * 4) % width, height / 3, width / 8, height / 3);
        context.font = `${Math.round(height / 6)}px sans-serif`;
        context.fillText(String(frame), 12, height / 5);
      };
      const timer = setInterval(draw, 1000 / 30);
      draw();
      recorder.start(1000);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      recorder.stop();
      await stopped;
      clearInterval(timer);
      const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
      let binary = '';
      for (let at = 0; at < bytes.length; at += 0x8000) {
        binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
      }
      return btoa(binary);
    }, spec);
    return { name: spec.name, mimeType: spec.mimeType, buffer: Buffer.from(base64, 'base64') };
  } finally {
    await browser.close();
  }
}

/**
 * The clip grown to `bytes` with an ISO `free` box at its end: the same video to every player
 * (players skip free boxes), but as large as a test needs, without recording for minutes.
 */
export function paddedMp4(clip: ClipFile, bytes: number, name: string): ClipFile {
  const padding = bytes - clip.buffer.length;
  if (padding < 8) throw new Error('the clip is already that large');
  const free = Buffer.alloc(padding);
  free.writeUInt32BE(padding, 0);
  free.write('free', 4, 'latin1');
  return { name, mimeType: clip.mimeType, buffer: Buffer.concat([clip.buffer, free]) };
}
