import { neventEncode, npubEncode } from 'nostr-tools/nip19';
import type { SignedEvent } from './types';

// Nostr has no home server to link to: a note is shown by any client that finds it. Crosswind
// links to njump.me, a public web viewer, with the note's id, author and up to two relays that
// hold it, so it can find the note without guessing.

/** The web viewer Crosswind links notes and profiles to. */
export const NOSTR_WEB_VIEWER = 'https://njump.me';

/** A web link to a published note (NIP-19 `nevent` with author, kind and relay hints). */
export function noteWebUrl(
  event: Pick<SignedEvent, 'id' | 'pubkey' | 'kind'>,
  relays: string[],
): string {
  const nevent = neventEncode({
    id: event.id,
    author: event.pubkey,
    kind: event.kind,
    relays: relays.slice(0, 2),
  });
  return `${NOSTR_WEB_VIEWER}/${nevent}`;
}

/** A web link to a profile. */
export function profileWebUrl(pubkey: string): string {
  return `${NOSTR_WEB_VIEWER}/${npubEncode(pubkey)}`;
}

/** `npub1abcd…wxyz`: a key people can recognise in a list without the full 63 characters. */
export function shortNpub(pubkey: string): string {
  const npub = npubEncode(pubkey);
  return `${npub.slice(0, 9)}…${npub.slice(-4)}`;
}
