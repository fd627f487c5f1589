import type { MediaAttachment, Tag } from './types';

// NIP-92 inline media metadata: one `imeta` tag per URL in the content, each entry "key value".
// Clients use `dim` to reserve space, `alt` for screen readers, `x` to check or re-find the blob.

/** The `imeta` tag for one uploaded image. */
export function imetaTag(media: MediaAttachment): Tag {
  const tag: Tag = ['imeta', `url ${media.url}`, `m ${media.mimeType}`, `x ${media.sha256}`];
  if (media.size !== undefined) tag.push(`size ${media.size}`);
  if (media.width && media.height) tag.push(`dim ${media.width}x${media.height}`);
  // One entry per line of the tag: alt text with line breaks stays one readable sentence.
  const alt = media.alt?.replace(/\s+/g, ' ').trim();
  if (alt) tag.push(`alt ${alt}`);
  return tag;
}

/** Reads an `imeta` tag back into its fields (for history and tests); unknown keys are dropped. */
export function parseImeta(tag: Tag): Partial<Record<string, string>> {
  const fields: Partial<Record<string, string>> = {};
  for (const entry of tag.slice(1)) {
    const space = entry.indexOf(' ');
    if (space > 0) fields[entry.slice(0, space)] = entry.slice(space + 1);
  }
  return fields;
}
