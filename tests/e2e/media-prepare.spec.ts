/**
 * The image pipeline in real Chromium. Needs neither the extension build nor the sandbox
 * servers: the pipeline is bundled with Vite and injected into a blank page.
 */
import { expect, test } from '@playwright/test';
import type { Browser, Page } from 'playwright-core';
import { readJpegOrientation } from '../../utils/media/exif';
import {
  BLUESKY_IMAGE_TARGET,
  MASTODON_IMAGE_TARGET,
  type ImageTarget,
} from '../../utils/media/targets';
import { buildExifApp1, containsBytes, GPS_SECRET, spliceAfterSoi } from '../media/exif-fixture';
import { buildGif } from '../media/gif-fixture';
import {
  bundleMediaScripts,
  launchChromium,
  openMediaPage,
  type MediaGlobals,
  type MediaScripts,
} from '../media/media-page';

interface Outcome {
  ok: boolean;
  width?: number;
  height?: number;
  type?: string;
  bytes?: number;
  aspectRatio?: { width: number; height: number };
  animatedGifFlattened?: boolean;
  /** Output bytes as base64, only when asked for. */
  data?: string;
  errorName?: string;
  kind?: string;
  message?: string;
}

let scripts: MediaScripts;
let browser: Browser;
let page: Page;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  [scripts, browser] = await Promise.all([bundleMediaScripts(), launchChromium()]);
});

test.afterAll(async () => {
  await browser?.close();
});

test.beforeEach(async () => {
  page = await openMediaPage(browser, scripts);
});

test.afterEach(async () => {
  await page.close();
});

/** Runs prepareImage in the page on a kept blob and reports plain data back. */
function prepareKept(
  key: string,
  name: string,
  target: ImageTarget,
  withData = false,
): Promise<Outcome> {
  return page.evaluate(
    async (args) => {
      const { CrosswindMedia, MediaKit } = globalThis as unknown as MediaGlobals;
      try {
        const file = MediaKit.take(args.key, args.name);
        const prepared = await CrosswindMedia.prepareImage(file, args.target);
        return {
          ok: true,
          width: prepared.width,
          height: prepared.height,
          type: prepared.type,
          bytes: prepared.blob.size,
          aspectRatio: prepared.aspectRatio,
          ...(prepared.animatedGifFlattened && { animatedGifFlattened: true }),
          ...(args.withData && { data: await MediaKit.toBase64(prepared.blob) }),
        };
      } catch (error) {
        const e = error as { name?: string; kind?: string; message?: string };
        return { ok: false, errorName: e.name, kind: e.kind, message: e.message };
      }
    },
    { key, name, target, withData },
  );
}

/** Puts bytes made in Node into the page as a kept blob. */
async function keepBytes(key: string, bytes: Uint8Array, type = ''): Promise<void> {
  await page.evaluate(
    (args) => {
      const { MediaKit } = globalThis as unknown as MediaGlobals;
      MediaKit.keep(args.key, MediaKit.fromBase64(args.data, args.type));
    },
    { key, data: Buffer.from(bytes).toString('base64'), type },
  );
}

test('a 12 MP photo fits Bluesky: 2000 px and at most 1,000,000 bytes', async () => {
  const inputBytes = await page.evaluate(async () => {
    const { MediaKit } = globalThis as unknown as MediaGlobals;
    const photo = await MediaKit.makePhoto(4000, 3000, { quality: 0.92 });
    MediaKit.keep('photo', photo);
    return photo.size;
  });
  expect(inputBytes).toBeGreaterThan(1_000_000);

  const result = await prepareKept('photo', 'IMG_0001.jpg', BLUESKY_IMAGE_TARGET);
  expect(result).toMatchObject({
    ok: true,
    type: 'image/jpeg',
    width: 2000,
    height: 1500,
    aspectRatio: { width: 2000, height: 1500 },
  });
  expect(result.bytes).toBeLessThanOrEqual(1_000_000);
  // Not crushed for nothing: the best quality step that fits lands well above half the limit.
  expect(result.bytes).toBeGreaterThan(500_000);
});

test('EXIF orientation 6 is applied, and Exif with its GPS block is gone', async () => {
  const plain = await page.evaluate(async () => {
    const { MediaKit } = globalThis as unknown as MediaGlobals;
    // Stored landscape, red on the left: the camera was turned a quarter clockwise.
    return MediaKit.toBase64(await MediaKit.makeTwoToneJpeg(600, 400));
  });
  const tagged = spliceAfterSoi(
    new Uint8Array(Buffer.from(plain, 'base64')),
    buildExifApp1({ orientation: 6, gps: true }),
  );
  expect(readJpegOrientation(tagged)).toBe(6);
  expect(containsBytes(tagged, GPS_SECRET)).toBe(true);
  await keepBytes('rotated', tagged, 'image/jpeg');

  const result = await prepareKept('rotated', 'rotated.jpg', BLUESKY_IMAGE_TARGET, true);
  expect(result).toMatchObject({ ok: true, type: 'image/jpeg', width: 400, height: 600 });

  const output = new Uint8Array(Buffer.from(result.data!, 'base64'));
  expect(containsBytes(output, new Uint8Array([0xff, 0xe1]))).toBe(false);
  expect(containsBytes(output, 'Exif')).toBe(false);
  expect(containsBytes(output, GPS_SECRET)).toBe(false);
  expect(readJpegOrientation(output)).toBe(1);

  // Turned clockwise, the stored left (red) is now on top and the right (blue) at the bottom.
  const [top, bottom] = await page.evaluate(async (data) => {
    const { MediaKit } = globalThis as unknown as MediaGlobals;
    const blob = MediaKit.fromBase64(data, 'image/jpeg');
    return [await MediaKit.pixelAt(blob, 200, 20), await MediaKit.pixelAt(blob, 200, 580)];
  }, result.data!);
  expect(top![0]).toBeGreaterThan(200);
  expect(top![2]).toBeLessThan(60);
  expect(bottom![2]).toBeGreaterThan(200);
  expect(bottom![0]).toBeLessThan(60);
});

test('the canvas fallback for other engines turns pictures exactly as Chromium does', async () => {
  const plain = await page.evaluate(async () => {
    const { MediaKit } = globalThis as unknown as MediaGlobals;
    return MediaKit.toBase64(await MediaKit.makeQuadrantJpeg(64, 32));
  });
  const tagged = [2, 3, 4, 5, 6, 7, 8].map((orientation) => ({
    orientation,
    data: Buffer.from(
      spliceAfterSoi(new Uint8Array(Buffer.from(plain, 'base64')), buildExifApp1({ orientation })),
    ).toString('base64'),
  }));
  const results = await page.evaluate(
    async (args) => {
      const { MediaKit } = globalThis as unknown as MediaGlobals;
      const probe = await MediaKit.decoderAppliesOrientation();
      const rows = [];
      for (const { orientation, data } of args.tagged) {
        const byDecoder = await createImageBitmap(MediaKit.fromBase64(data, 'image/jpeg'), {
          imageOrientation: 'from-image',
        });
        const raw = await createImageBitmap(MediaKit.fromBase64(args.plain, 'image/jpeg'));
        const byCanvas = MediaKit.applyOrientation(raw, orientation as 2);
        rows.push({
          orientation,
          decoder: [byDecoder.width, byDecoder.height, ...MediaKit.cornerColours(byDecoder)],
          canvas: [byCanvas.width, byCanvas.height, ...MediaKit.cornerColours(byCanvas)],
        });
      }
      return { probe, rows };
    },
    { plain, tagged },
  );
  expect(results.probe).toBe(true);
  for (const row of results.rows) {
    expect(row.canvas, `orientation ${row.orientation}`).toEqual(row.decoder);
  }
  // Spot-check against the Exif definition, not just against Chromium.
  expect(results.rows.find((r) => r.orientation === 6)!.decoder).toEqual([
    32,
    64,
    'blue',
    'red',
    'black',
    'green',
  ]);
});

test('a transparent PNG stays PNG and keeps its transparency', async () => {
  await page.evaluate(async () => {
    const { MediaKit } = globalThis as unknown as MediaGlobals;
    MediaKit.keep('logo', await MediaKit.makeTransparentPng(1200, 900));
  });
  const result = await prepareKept('logo', 'logo.png', BLUESKY_IMAGE_TARGET, true);
  expect(result).toMatchObject({ ok: true, type: 'image/png', width: 1200, height: 900 });
  const corner = await page.evaluate(async (data) => {
    const { MediaKit } = globalThis as unknown as MediaGlobals;
    return MediaKit.pixelAt(MediaKit.fromBase64(data, 'image/png'), 2, 2);
  }, result.data!);
  expect(corner[3]).toBe(0);
});

test('a text file named .jpg is refused with a clear message', async () => {
  await keepBytes(
    'notes',
    new TextEncoder().encode('Shopping list:\n- milk\n- bread\n'),
    'image/jpeg',
  );
  const result = await prepareKept('notes', 'holiday.jpg', BLUESKY_IMAGE_TARGET);
  expect(result).toEqual({
    ok: false,
    errorName: 'CrosswindError',
    kind: 'validation',
    message:
      'holiday.jpg is not an image: it contains text. Attach a JPEG, PNG, GIF or WebP picture.',
  });
});

test('a HEIC photo is refused with advice to export it as JPEG', async () => {
  const heic = new Uint8Array([
    0,
    0,
    0,
    24,
    ...Buffer.from('ftypheic\0\0\0\0mif1heic'),
    0,
    0,
    0,
    0,
  ]);
  await keepBytes('heic', heic, 'image/heic');
  const result = await prepareKept('heic', 'IMG_4242.HEIC', MASTODON_IMAGE_TARGET);
  expect(result).toMatchObject({ ok: false, kind: 'validation' });
  expect(result.message).toMatch(
    /^IMG_4242\.HEIC is a HEIC photo, which the browser cannot read\./,
  );
  expect(result.message).toContain('Export it as JPEG');
});

test('a 6 MB photo is accepted and brought within both networks’ limits', async () => {
  const inputBytes = await page.evaluate(async () => {
    const { MediaKit } = globalThis as unknown as MediaGlobals;
    const photo = await MediaKit.makePhoto(4000, 3000, { seed: 9, grain: 30 });
    MediaKit.keep('big', photo);
    return photo.size;
  });
  expect(inputBytes).toBeGreaterThan(6_000_000);

  const bluesky = await prepareKept('big', 'big.jpg', BLUESKY_IMAGE_TARGET);
  expect(bluesky).toMatchObject({ ok: true, type: 'image/jpeg', width: 2000, height: 1500 });
  expect(bluesky.bytes).toBeLessThanOrEqual(1_000_000);

  const mastodon = await prepareKept('big', 'big.jpg', MASTODON_IMAGE_TARGET);
  expect(mastodon).toMatchObject({ ok: true, type: 'image/jpeg' });
  expect(mastodon.bytes).toBeLessThanOrEqual(MASTODON_IMAGE_TARGET.maxBytes);
  expect(mastodon.width! * mastodon.height!).toBeLessThanOrEqual(8_294_400);
});

test('an animated GIF passes through untouched where kept, and is flattened elsewhere', async () => {
  const gif = buildGif(40, 30, [0, 1, 0]);
  await keepBytes('anim', gif, 'image/gif');

  const kept = await prepareKept('anim', 'dance.gif', MASTODON_IMAGE_TARGET, true);
  expect(kept).toMatchObject({ ok: true, type: 'image/gif', width: 40, height: 30 });
  expect(Buffer.from(kept.data!, 'base64').equals(Buffer.from(gif))).toBe(true);

  const flattened = await prepareKept('anim', 'dance.gif', BLUESKY_IMAGE_TARGET);
  expect(flattened).toMatchObject({ ok: true, width: 40, height: 30, animatedGifFlattened: true });
  expect(flattened.type).not.toBe('image/gif');
});

test('runs in a worker, where there is no document', async () => {
  const result = await page.evaluate(
    async ({ code, target }) => {
      const { MediaKit } = globalThis as unknown as MediaGlobals;
      const photo = await MediaKit.makePhoto(3000, 2000, { seed: 4 });
      const source = `${code}
        onmessage = async (event) => {
          try {
            const prepared = await CrosswindMedia.prepareImage(event.data.file, event.data.target);
            postMessage({ ok: true, width: prepared.width, height: prepared.height, bytes: prepared.blob.size,
              hasDocument: typeof document !== 'undefined' });
          } catch (error) {
            postMessage({ ok: false, message: String(error) });
          }
        };`;
      const worker = new Worker(
        URL.createObjectURL(new Blob([source], { type: 'text/javascript' })),
      );
      const reply = new Promise<Record<string, unknown>>((resolve) => {
        worker.onmessage = (event) => resolve(event.data as Record<string, unknown>);
      });
      // A dedicated worker's postMessage takes no target origin (unicorn mistakes it for window's).
      // oxlint-disable-next-line unicorn/require-post-message-target-origin
      worker.postMessage({ file: new File([photo], 'worker.jpg', { type: 'image/jpeg' }), target });
      const data = await reply;
      worker.terminate();
      return data;
    },
    { code: scripts.prepare, target: BLUESKY_IMAGE_TARGET },
  );
  expect(result).toMatchObject({ ok: true, width: 2000, height: 1333, hasDocument: false });
  expect(result.bytes as number).toBeLessThanOrEqual(1_000_000);
});
