// Relay addresses as the options page takes them; plain text handling, safe in any page.

/** Where a `nostrconnect://` code asks the signer app to answer; nsec.app's relay by default. */
export const DEFAULT_SIGNER_RELAY = 'wss://relay.nsec.app';

/** Relays typed one per line (or separated by spaces or commas), as a list. */
export function relaysFromText(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}
