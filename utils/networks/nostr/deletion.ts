import type { EventRef, EventTemplate, Tag } from './types';

// NIP-09 deletion request (kind 5): an `e` tag per note and a `k` tag per kind. Relays SHOULD
// drop the notes but may not, and copies elsewhere stay: the UI must say so.

/** A deletion request for the author's own events (all of one thread, for instance). */
export function buildDeletion(
  targets: Array<EventRef & { kind: number }>,
  createdAt: number,
  reason = '',
): EventTemplate {
  const tags: Tag[] = targets.map((target) => ['e', target.id]);
  for (const kind of new Set(targets.map((target) => target.kind))) tags.push(['k', String(kind)]);
  return { kind: 5, content: reason, tags, created_at: createdAt };
}
