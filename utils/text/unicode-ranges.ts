/** Sorted, disjoint code point ranges with a small value each, searched by binary search. */
export interface RangeTable {
  starts: Uint32Array;
  ends: Uint32Array;
  values: Uint8Array;
}

/**
 * Decodes a generated table (see tests/tools/unicode-15-tables.ts): `gap.length` entries in base
 * 36, each led by a one-letter tag when `tagValue` is given, which turns the tag into the value.
 */
export function decodeRanges(encoded: string, tagValue?: (tag: string) => number): RangeTable {
  const entries = encoded.trim().split(' ');
  const table: RangeTable = {
    starts: new Uint32Array(entries.length),
    ends: new Uint32Array(entries.length),
    values: new Uint8Array(entries.length),
  };
  let previous = -1;
  entries.forEach((entry, i) => {
    const body = tagValue ? entry.slice(1) : entry;
    const [gap = '0', length = '0'] = body.split('.');
    const start = previous + 1 + parseInt(gap, 36);
    const end = start + parseInt(length, 36);
    table.starts[i] = start;
    table.ends[i] = end;
    table.values[i] = tagValue ? tagValue(entry[0] ?? '') : 1;
    previous = end;
  });
  return table;
}

/** The value of the range holding the code point, or 0 when none does. */
export function lookupRange(table: RangeTable, codePoint: number): number {
  let low = 0;
  let high = table.starts.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (codePoint < (table.starts[mid] ?? 0)) high = mid - 1;
    else if (codePoint > (table.ends[mid] ?? 0)) low = mid + 1;
    else return table.values[mid] ?? 0;
  }
  return 0;
}

function hex(codePoint: number): string {
  return `\\u{${codePoint.toString(16)}}`;
}

/** The ranges as a regex character class body for the `u` flag. */
export function rangesToClass(table: RangeTable): string {
  let body = '';
  for (let i = 0; i < table.starts.length; i++) {
    const start = table.starts[i] ?? 0;
    const end = table.ends[i] ?? 0;
    body += start === end ? hex(start) : `${hex(start)}-${hex(end)}`;
  }
  return body;
}
