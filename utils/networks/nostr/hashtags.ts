// Hashtags become `t` tags so relays and clients can find the note by topic. NIP-24: the value
// MUST be lowercase. Links are skipped, so `https://example.com/#top` tags nothing.

const LINK = /\b[a-z][a-z0-9+.-]*:\/\/\S+/giu;
// A tag starts after whitespace, punctuation or the start of the text, and holds at least one
// letter (`#1` is a number, not a topic), as Mastodon and the common Nostr clients read them.
const HASHTAG =
  /(?<=^|[^\p{L}\p{N}\p{M}_&/#])#([\p{L}\p{M}\p{N}_]*[\p{L}\p{M}][\p{L}\p{M}\p{N}_]*)/gu;

/** The note's hashtags, lowercased, without `#`, each once, in the order they first appear. */
export function findHashtags(text: string): string[] {
  const withoutLinks = text.replace(LINK, (link) => ' '.repeat(link.length));
  const seen = new Set<string>();
  for (const match of withoutLinks.matchAll(HASHTAG)) {
    const tag = match[1];
    if (tag) seen.add(tag.toLowerCase());
  }
  return [...seen];
}
