// Relay addresses as users type them and as lists hold them: `relay.example.com`,
// `wss://Relay.Example.com/`, `ws://127.0.0.1:7000`. One spelling per relay, so a relay named
// twice is contacted once and results line up with the list.

/** The canonical `wss://host[:port][/path]` form, or undefined for anything that is not a relay. */
export function normalizeRelayUrl(input: string): string | undefined {
  const trimmed = input.trim();
  if (!trimmed) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `wss://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'wss:' && url.protocol !== 'ws:') return undefined;
  if (!url.hostname || url.username || url.password) return undefined;
  url.hash = '';
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}${url.search}`;
}

/** Normalized, each relay once, in the order given; unusable entries are dropped. */
export function uniqueRelays(inputs: Iterable<string>): string[] {
  const relays = new Set<string>();
  for (const input of inputs) {
    const url = normalizeRelayUrl(input);
    if (url) relays.add(url);
  }
  return [...relays];
}
