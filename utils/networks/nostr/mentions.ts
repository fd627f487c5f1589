import { decode } from 'nostr-tools/nip19';
import type { Tag } from './types';

// NIP-27 profile mentions: `nostr:npub1…` / `nostr:nprofile1…` in the text, and a `p` tag for each
// person so their client notifies them. A bare `npub1…` (or `@npub1…`) pasted into the text gets
// its `nostr:` prefix, as NIP-27 suggests, so every client links it.

const BECH32 = '[023456789acdefghjklmnpqrstuvwxyz]';
const PROFILE_URI = new RegExp(`nostr:((?:npub|nprofile)1${BECH32}+)`, 'g');
const BARE_PROFILE = new RegExp(`(?<![\\w:/@.])@?((?:npub|nprofile)1${BECH32}{6,})`, 'g');

/** A mentioned profile: its hex key and, for nprofile, the relays it named. */
export interface Mention {
  pubkey: string;
  relays: string[];
}

function decodeProfile(code: string): Mention | undefined {
  try {
    const decoded = decode(code);
    if (decoded.type === 'npub') return { pubkey: decoded.data, relays: [] };
    if (decoded.type === 'nprofile') {
      return { pubkey: decoded.data.pubkey, relays: decoded.data.relays ?? [] };
    }
  } catch {
    // Not valid bech32 (a typo, a cut-off paste): left as plain text.
  }
  return undefined;
}

/** Prefixes valid bare `npub1…` / `nprofile1…` codes with `nostr:`, dropping a leading `@`. */
export function linkBareMentions(text: string): string {
  return text.replace(BARE_PROFILE, (whole, code: string) =>
    decodeProfile(code) ? `nostr:${code}` : whole,
  );
}

/** Every valid profile mentioned as a `nostr:` URI, each person once, in order. */
export function findMentions(text: string): Mention[] {
  const byKey = new Map<string, Mention>();
  for (const match of text.matchAll(PROFILE_URI)) {
    const mention = match[1] ? decodeProfile(match[1]) : undefined;
    if (mention && !byKey.has(mention.pubkey)) byKey.set(mention.pubkey, mention);
  }
  return [...byKey.values()];
}

/** The `p` tag for a mention, with the first relay hint when the nprofile gave one. */
export function mentionTag(mention: Mention): Tag {
  const hint = mention.relays[0];
  return hint ? ['p', mention.pubkey, hint] : ['p', mention.pubkey];
}
