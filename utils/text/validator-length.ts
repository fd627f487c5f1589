/**
 * A length as validator.js's `isLength` counts it, which PeerTube's validators use for titles,
 * descriptions, tags and the sensitive-content summary: UTF-16 units, less surrogate pairs (an
 * emoji is one) and less emoji presentation selectors (U+FE0E, U+FE0F count for nothing).
 */
export function validatorLength(text: string): number {
  const selectors = text.match(/[\uFE0E\uFE0F]/g)?.length ?? 0;
  const pairs = text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0;
  return text.length - selectors - pairs;
}
