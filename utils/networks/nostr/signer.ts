import { verifyEvent } from 'nostr-tools/pure';
import { badSignature } from './errors';
import type { EventTemplate, SignedEvent } from './types';

// Whatever holds the key, Crosswind asks it the same two things. Every signature is checked
// here before anything is recorded or sent: a signer (remote ones especially) must sign exactly
// the event it was given, with the account's key.

/** A key holder: a local key in the vault or a NIP-46 remote signer. */
export interface NostrSigner {
  readonly method: 'local-key' | 'bunker';
  getPublicKey(): Promise<string>;
  signEvent(template: EventTemplate): Promise<SignedEvent>;
  /** Releases connections (remote signers); the signer is not used again after. */
  close(): Promise<void>;
}

function sameTags(a: string[][], b: string[][]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A signed event as plain JSON: only NIP-01's fields, nothing a library attached. */
export function plainEvent(event: SignedEvent): SignedEvent {
  const { id, pubkey, created_at, kind, tags, content, sig } = event;
  return { id, pubkey, created_at, kind, tags, content, sig };
}

/**
 * Signs and checks: the result must verify, carry the template unchanged and, when given, the
 * account's key. Throws a CrosswindError ('auth') otherwise.
 */
export async function signChecked(
  signer: NostrSigner,
  template: EventTemplate,
  expectedPubkey?: string,
): Promise<SignedEvent> {
  const signed = plainEvent(await signer.signEvent(template));
  const unchanged =
    signed.kind === template.kind &&
    signed.content === template.content &&
    signed.created_at === template.created_at &&
    sameTags(signed.tags, template.tags);
  // A fresh object, so no verification cached on the signer's copy is trusted.
  if (!unchanged || !verifyEvent({ ...signed })) throw badSignature();
  if (expectedPubkey !== undefined && signed.pubkey !== expectedPubkey) throw badSignature();
  return signed;
}
