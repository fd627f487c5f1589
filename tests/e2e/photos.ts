import {
  bundleMediaScripts,
  launchChromium,
  openMediaPage,
  type MediaGlobals,
} from '../media/media-page';

/** A file as Playwright's setInputFiles takes it. */
export interface PhotoFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Photo-like JPEGs made in a separate headless browser (Node has no image encoder). */
export async function makePhotos(
  specs: Array<{ name: string; width: number; height: number; quality?: number }>,
): Promise<PhotoFile[]> {
  const browser = await launchChromium();
  try {
    const page = await openMediaPage(browser, await bundleMediaScripts());
    const files: PhotoFile[] = [];
    for (const spec of specs) {
      const base64 = await page.evaluate(
        async ([w, h, q]) => {
          const { MediaKit } = globalThis as unknown as MediaGlobals;
          return MediaKit.toBase64(await MediaKit.makePhoto(w, h, { quality: q, seed: w + h }));
        },
        [spec.width, spec.height, spec.quality ?? 0.9] as const,
      );
      files.push({
        name: spec.name,
        mimeType: 'image/jpeg',
        buffer: Buffer.from(base64, 'base64'),
      });
    }
    return files;
  } finally {
    await browser.close();
  }
}
