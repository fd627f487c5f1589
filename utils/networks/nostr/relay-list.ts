import { normalizeRelayUrl } from './relay-url';
import type { EventTemplate, RelayList, SignedEvent } from './types';

// NIP-65 relay lists (kind 10002): `["r", url]` for read and write, `["r", url, "read"|"write"]`
// for one of them. Crosswind publishes to the write relays.

/** The kind of a NIP-65 relay list. */
export const RELAY_LIST_KIND = 10002;

/** The relays in a kind-10002 event; malformed or non-WebSocket entries are skipped. */
export function parseRelayList(
  event: Pick<SignedEvent, 'kind' | 'tags' | 'created_at'>,
): RelayList {
  const read = new Set<string>();
  const write = new Set<string>();
  if (event.kind !== RELAY_LIST_KIND) return { read: [], write: [] };
  for (const [name, value, marker] of event.tags) {
    if (name !== 'r' || !value) continue;
    const url = normalizeRelayUrl(value);
    if (!url) continue;
    if (marker !== 'write') read.add(url);
    if (marker !== 'read') write.add(url);
  }
  return { read: [...read], write: [...write], createdAt: event.created_at };
}

/** A kind-10002 event for an edited list; a relay in both lists gets one unmarked tag. */
export function buildRelayList(list: RelayList, createdAt: number): EventTemplate {
  const read = new Set(list.read.map(normalizeRelayUrl).filter((url) => url !== undefined));
  const write = new Set(list.write.map(normalizeRelayUrl).filter((url) => url !== undefined));
  const tags: string[][] = [];
  for (const url of new Set([...write, ...read])) {
    if (read.has(url) && write.has(url)) tags.push(['r', url]);
    else tags.push(['r', url, read.has(url) ? 'read' : 'write']);
  }
  return { kind: RELAY_LIST_KIND, content: '', tags, created_at: createdAt };
}

/** The newest of several copies of a replaceable event (NIP-01: on a tie, the lowest id). */
export function newestEvent<T extends Pick<SignedEvent, 'id' | 'created_at'>>(
  events: T[],
): T | undefined {
  return events.reduce<T | undefined>((best, event) => {
    if (!best) return event;
    if (event.created_at !== best.created_at)
      return event.created_at > best.created_at ? event : best;
    return event.id < best.id ? event : best;
  }, undefined);
}
