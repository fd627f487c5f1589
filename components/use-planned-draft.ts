import { useDeferredValue } from 'react';
import type { Draft } from '@/utils/compose/draft';
import { differsOnlyIn } from '@/utils/compose/draft-diff';

// What typing changes: these may lag a keystroke behind the textarea while they are counted.
const TYPED: ReadonlySet<keyof Draft> = new Set([
  'text',
  'variants',
  'contentWarning',
  'updatedAt',
]);

/**
 * The draft the counters and thread previews show. Typing defers it, so a keystroke paints its
 * character before every account's text is counted and split again; any other change (a
 * checkbox, an image, a visibility) shows at once, or a controlled box would spring back.
 */
export function usePlannedDraft(draft: Draft): Draft {
  const deferred = useDeferredValue(draft);
  return deferred === draft || onlyTypingDiffers(deferred, draft) ? deferred : draft;
}

/** Whether only what typing changes differs between two versions of a draft. */
export function onlyTypingDiffers(before: Draft, after: Draft): boolean {
  return differsOnlyIn(before, after, TYPED);
}
