import { useDeferredValue } from 'react';
import type { Draft } from '@/utils/compose/draft';

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
  const keys = new Set([...Object.keys(before), ...Object.keys(after)] as (keyof Draft)[]);
  return [...keys].every((key) => TYPED.has(key) || before[key] === after[key]);
}
