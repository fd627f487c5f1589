import { DOMAIN_CHAR, PROTOCOL, VALID_URL_SOURCE } from './twitter-regex';

const DOMAIN_CHAR_RE = new RegExp(`^${DOMAIN_CHAR}$`, 'iu');
const LABEL_JOINER = /^[_-]$/;

/**
 * Where a valid_url match can begin: one character before a possible URL (its preceding
 * character), or 0 when the URL opens the text. A URL opens with a scheme or with a domain label
 * that reaches a `.` through label characters only, so every other position fails for sure.
 */
function candidatePositions(text: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    starts.push(i);
    if (text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff) i++;
  }
  // Flags per UTF-16 index: 1 where a label run starting there reaches a `.` / a domain may start.
  const reachesDot = new Uint8Array(text.length + 1);
  const domainStart = new Uint8Array(text.length + 1);
  for (let k = starts.length - 1; k >= 0; k--) {
    const at = starts[k] ?? 0;
    const char = String.fromCodePoint(text.codePointAt(at) ?? 0);
    const isDomainChar = DOMAIN_CHAR_RE.test(char);
    if (!isDomainChar && !LABEL_JOINER.test(char)) continue;
    const next = starts[k + 1];
    reachesDot[at] = next !== undefined && (text[next] === '.' || reachesDot[next] === 1) ? 1 : 0;
    domainStart[at] = isDomainChar && reachesDot[at] === 1 ? 1 : 0;
  }
  const protocol = new RegExp(PROTOCOL, 'iuy');
  const positions = new Set<number>();
  starts.forEach((at, k) => {
    protocol.lastIndex = at;
    const opensUrl =
      domainStart[at] === 1 || (protocol.test(text) && domainStart[protocol.lastIndex] === 1);
    // The match begins at the preceding code point, which may be a surrogate pair.
    if (opensUrl) positions.add(starts[k - 1] ?? 0);
  });
  return [...positions].sort((a, b) => a - b);
}

/** The matches Ruby's `text.scan(valid_url)` yields, in order. */
// Trying the regex only where a match can begin keeps long unspaced text (Japanese, Chinese)
// linear instead of quadratic.
export function scanValidUrls(text: string): RegExpExecArray[] {
  const validUrl = new RegExp(VALID_URL_SOURCE, 'iuy');
  const matches: RegExpExecArray[] = [];
  let consumed = 0;
  for (const position of candidatePositions(text)) {
    if (position < consumed) continue;
    validUrl.lastIndex = position;
    const match = validUrl.exec(text);
    if (!match) continue;
    matches.push(match);
    consumed = position + match[0].length;
  }
  return matches;
}
