import { findHashtags } from './hashtags';
import { imetaTag } from './imeta';
import { findMentions, linkBareMentions, mentionTag } from './mentions';
import { replyTags, type ReplyTarget } from './thread';
import type { EventTemplate, MediaAttachment, Tag } from './types';

// A kind-1 text note (NIP-01, NIP-10) from what the composer planned for one Nostr account.
// Links stay in the text (clients build their own previews); images are their Blossom URLs in
// the text, described by NIP-92 `imeta` tags.

/** ISO-639-1, the NIP-32 label namespace Nostr uses for a note's language. */
export const LANGUAGE_NAMESPACE = 'ISO-639-1';

/** What one note says. */
export interface NoteInput {
  text: string;
  /** NIP-36: readers' clients hide the note behind this reason. An empty string warns without one. */
  contentWarning?: string;
  /** Two-letter ISO-639-1 code. */
  language?: string;
  /** Set for every thread part after the first. */
  replyTo?: ReplyTarget;
  /** Uploaded images, in order. */
  media?: MediaAttachment[];
  /** Unix seconds; fixed by the caller so a template is reproducible until it is signed. */
  createdAt: number;
}

/** The content: the text with `nostr:` mentions linked, then each image URL not already in it. */
export function noteContent(text: string, media: MediaAttachment[] = []): string {
  const linked = linkBareMentions(text).trim();
  const urls = media.map((item) => item.url).filter((url) => !linked.includes(url));
  return [linked, ...urls].filter((part) => part.length > 0).join('\n');
}

/** Builds the unsigned kind-1 event; signing happens once, elsewhere. */
export function buildNote(input: NoteInput): EventTemplate {
  const content = noteContent(input.text, input.media);
  const tags: Tag[] = input.replyTo ? replyTags(input.replyTo) : [];
  const tagged = new Set(tags.filter((tag) => tag[0] === 'p').map((tag) => tag[1]));
  for (const mention of findMentions(content)) {
    if (tagged.has(mention.pubkey)) continue;
    tagged.add(mention.pubkey);
    tags.push(mentionTag(mention));
  }
  for (const hashtag of findHashtags(content)) tags.push(['t', hashtag]);
  if (input.contentWarning !== undefined) {
    const reason = input.contentWarning.trim();
    tags.push(reason ? ['content-warning', reason] : ['content-warning']);
  }
  const language = input.language?.trim().toLowerCase();
  if (language && /^[a-z]{2}$/.test(language)) {
    tags.push(['L', LANGUAGE_NAMESPACE], ['l', language, LANGUAGE_NAMESPACE]);
  }
  for (const item of input.media ?? []) tags.push(imetaTag(item));
  return { kind: 1, content, tags, created_at: input.createdAt };
}
