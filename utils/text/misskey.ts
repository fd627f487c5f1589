import { countCodePoints } from './graphemes';

/** Misskey's cap on a content warning (notes/create paramDef: cw maxLength 100). */
export const MISSKEY_MAX_CW = 100;

/** Misskey's length of a note's text or content warning: Unicode code points, untrimmed. */
// notes/create validates its params with ajv (packages/backend/src/server/api/endpoint-base.ts,
// default options), whose maxLength counts code points (ucs2length), before anything is trimmed.
export function countMisskey(text: string): number {
  return countCodePoints(text);
}
