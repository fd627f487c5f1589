// How relays and their answers are named to people; plain functions any page may use.

/** The machine-readable prefix of a relay message (`blocked: …` → `blocked`), if any. */
export function messagePrefix(message: string | undefined): string | undefined {
  return /^([a-z-]+):/.exec(message ?? '')?.[1];
}

/** The relay's address as people know it: `relay.example.com` (port kept when not default). */
export function relayName(relay: string): string {
  try {
    const url = new URL(relay);
    return `${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return relay;
  }
}
