import type { EventRef, Tag } from './types';

// NIP-10 marked `e` tags for a thread's later parts. A direct reply to the root carries only the
// `root` marker; deeper replies carry `root` and `reply`, sorted root first. `p` tags name
// everyone in the thread so far: the parent's own `p` tags plus the parent's author.

/** Where a thread part hangs: the thread's first note and the note it answers. */
export interface ReplyTarget {
  root: EventRef;
  parent: EventRef;
  /** The parent's `p` tags' keys, which the reply inherits. */
  parentParticipants?: string[];
}

function eTag(ref: EventRef, marker: 'root' | 'reply'): Tag {
  return ['e', ref.id, ref.relay ?? '', marker, ref.pubkey];
}

/** The `e` and `p` tags of a reply, per NIP-10's preferred (marked) scheme. */
export function replyTags(target: ReplyTarget): Tag[] {
  const tags: Tag[] =
    target.parent.id === target.root.id
      ? [eTag(target.root, 'root')]
      : [eTag(target.root, 'root'), eTag(target.parent, 'reply')];
  const participants = new Set([target.parent.pubkey, ...(target.parentParticipants ?? [])]);
  for (const pubkey of participants) tags.push(['p', pubkey]);
  return tags;
}
