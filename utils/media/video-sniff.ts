/**
 * The container a video file really is, from its first bytes (whatever its name or declared type
 * says): the type the servers will see when they sniff it themselves. Undefined when it is not a
 * video container Crosswind knows.
 */
export function sniffVideo(bytes: Uint8Array): string | undefined {
  if (ascii(bytes, 4, 4) === 'ftyp') {
    const brand = ascii(bytes, 8, 4);
    // Apple's QuickTime brand; every other ISO media brand (isom, mp42, avc1, dash…) plays as MP4.
    if (brand === 'qt  ') return 'video/quicktime';
    return IMAGE_BRANDS.has(brand) ? undefined : 'video/mp4';
  }
  // An EBML header: WebM names itself in the DocType; anything else is Matroska.
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) {
    return ascii(bytes, 0, Math.min(bytes.length, 64)).includes('webm')
      ? 'video/webm'
      : 'video/x-matroska';
  }
  // MPEG program stream pack header.
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 1 && bytes[3] === 0xba) return 'video/mpeg';
  return undefined;
}

// HEIF and AVIF still pictures share the ftyp box with MP4.
const IMAGE_BRANDS = new Set(['heic', 'heix', 'mif1', 'msf1', 'avif', 'avis', 'heim', 'heis']);

function ascii(bytes: Uint8Array, start: number, length: number): string {
  let text = '';
  for (let at = start; at < start + length && at < bytes.length; at += 1) {
    text += String.fromCharCode(bytes[at]!);
  }
  return text;
}
