import { describe, expect, it } from 'vitest';
import { statusLength } from '../../servers/mastodon/count';
import { statusFields } from '../../servers/mastodon/post-status';
import { countMastodon } from '@/utils/text/mastodon';
import { splitThread } from '@/utils/text/split-thread';

// The test server's validator is written on its own from Mastodon's Ruby source; the counter
// must agree with it wherever the browser's rules and Ruby's differ.
const TEXTS: Array<[string, string, string?]> = [
  ['Hindi', 'क्षत्रिय धर्म और कर्तव्य की बात, श्रद्धा से।'],
  ['Bengali', 'নক্ষত্রের আলো, ক্ষমা করো।'],
  ['Gujarati', 'ગુજરાતી ભાષામાં સ્વાગત છે'],
  ['Malayalam', 'ക്ഷമ, സ്നേഹം'],
  ['Thai', 'ภาษาไทย ก่ำ'],
  ['mentions after alphabetic symbols', 'Ⓐ@bob@example.org and Ⅻ@eve and 🅰@al@ex.org'],
  ['mention domains', '@bob@exampleⅫ.org @eve@ex\u{1F170}mple.org'],
  ['links and folded TLDs', 'https://example.swiß/p https://x.\uFB01/q \u00DFb://a.com/b'],
  ['blank by Unicode only', '\u3000\u00A0', 'CW'],
  ['blank text, warning with a link', ' \n', 'spoiler https://example.com/a/very/long/path'],
];

describe('countMastodon agrees with the test server', () => {
  it.each(TEXTS)('%s', (_name, text, spoiler = '') => {
    expect(countMastodon(text, { spoilerText: spoiler })).toBe(
      statusLength(...statusFields(text, spoiler)),
    );
  });

  it('splits Indic text into parts the server accepts', () => {
    const limit = 40;
    const text = Array.from({ length: 30 }, () => 'क्षत्रिय नक्षत्र').join(' ');
    const { parts } = splitThread(text, (part) => countMastodon(part) <= limit, {
      auto: true,
      numbering: true,
    });
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(statusLength(part)).toBeLessThanOrEqual(limit);
  });
});
