import {
  EventRepository,
  type Event,
  type EventRepositoryUpsertResult,
  type Filter,
} from '@nostr-relay/common';

// The storage a relay needs for tests: everything in memory, with NIP-01's rules for replaceable
// and addressable events and NIP-09's for deletion requests, so what a client reads back is what
// a real relay would answer.

function isReplaceable(kind: number): boolean {
  return kind === 0 || kind === 3 || (kind >= 10_000 && kind < 20_000);
}

function isAddressable(kind: number): boolean {
  return kind >= 30_000 && kind < 40_000;
}

function dTag(event: Event): string {
  return event.tags.find((tag) => tag[0] === 'd')?.[1] ?? '';
}

/** The slot a replaceable or addressable event occupies; regular events have none. */
function slotOf(event: Event): string | undefined {
  if (isReplaceable(event.kind)) return `${event.kind}:${event.pubkey}`;
  if (isAddressable(event.kind)) return `${event.kind}:${event.pubkey}:${dTag(event)}`;
  return undefined;
}

/** NIP-01 filter matching, tag filters (`#p`, `#e`, …) included. */
export function matchesFilter(event: Event, filter: Filter): boolean {
  if (filter.ids && !filter.ids.includes(event.id)) return false;
  if (filter.authors && !filter.authors.includes(event.pubkey)) return false;
  if (filter.kinds && !filter.kinds.includes(event.kind)) return false;
  if (filter.since !== undefined && event.created_at < filter.since) return false;
  if (filter.until !== undefined && event.created_at > filter.until) return false;
  for (const [key, values] of Object.entries(filter)) {
    if (!key.startsWith('#') || !Array.isArray(values)) continue;
    const name = key.slice(1);
    const wanted = values as string[];
    if (!event.tags.some((tag) => tag[0] === name && wanted.includes(tag[1] ?? ''))) return false;
  }
  return true;
}

/** An in-memory EventRepository for @nostr-relay/core. */
export class MemoryEventRepository extends EventRepository {
  private readonly byId = new Map<string, Event>();

  isSearchSupported(): boolean {
    return false;
  }

  upsert(event: Event): EventRepositoryUpsertResult {
    if (this.byId.has(event.id)) return { isDuplicate: true };
    const slot = slotOf(event);
    if (slot) {
      const current = [...this.byId.values()].find((stored) => slotOf(stored) === slot);
      if (current) {
        // NIP-01: the newest wins; on a tie, the lowest id.
        const newer =
          event.created_at > current.created_at ||
          (event.created_at === current.created_at && event.id < current.id);
        if (!newer) return { isDuplicate: true };
        this.byId.delete(current.id);
      }
    }
    this.byId.set(event.id, event);
    return { isDuplicate: false };
  }

  find(filter: Filter): Event[] {
    if (filter.limit === 0) return [];
    const matching = [...this.byId.values()]
      .filter((event) => matchesFilter(event, filter))
      .sort((a, b) => b.created_at - a.created_at || a.id.localeCompare(b.id));
    return filter.limit === undefined ? matching : matching.slice(0, filter.limit);
  }

  /** NIP-09: removes the author's own referenced events and keeps the request itself. */
  override async deleteByDeletionRequest(request: Event): Promise<void> {
    for (const tag of request.tags) {
      if (tag[0] !== 'e' || !tag[1]) continue;
      const target = this.byId.get(tag[1]);
      if (target && target.pubkey === request.pubkey) this.byId.delete(target.id);
    }
    this.byId.set(request.id, request);
  }

  async destroy(): Promise<void> {
    this.byId.clear();
  }

  /** Every stored event, newest first. */
  all(): Event[] {
    return this.find({});
  }
}
