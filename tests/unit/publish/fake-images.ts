/** Stands in for the image pipeline, which needs a browser to decode (see media-prepare.spec.ts). */
export async function prepareForUpload(image: { alt: string }) {
  return { blob: new Blob(['jpeg']), alt: image.alt, width: 4, height: 3 };
}
