import { describe, expect, it } from 'vitest';
import { cleanText, MAX_URL_LENGTH, safeHttpUrl, TEXT_CAPS } from '@/utils/capture/sanitize';
import { countGraphemes } from '@/utils/text/graphemes';
import { expectLinearGrowth } from '../support/scaling';

const TAG = /<[a-zA-Z/!?]/;
const oneLine = (raw: string) => cleanText(raw, { maxLength: TEXT_CAPS.title }).text;
const multiLine = (raw: string) =>
  cleanText(raw, { maxLength: TEXT_CAPS.selection, multiline: true }).text;

describe('TEXT_CAPS', () => {
  it('caps each kind of captured text', () => {
    expect(TEXT_CAPS).toEqual({ title: 300, description: 1000, selection: 2000, alt: 1500 });
  });
});

describe('cleanText: markup', () => {
  it.each<[string, string, string]>([
    ['script element and its code', 'Hello <script>alert(1)</script>world', 'Hello world'],
    ['script alone', '<script>alert(1)</script>', ''],
    ['uppercase script', '<SCRIPT type="module">alert(1)</SCRIPT >News', 'News'],
    ['style element', '<style>p{color:red}</style>Styled', 'Styled'],
    ['unclosed script keeps the rest as text', '<script>alert(1)', 'alert(1)'],
    ['inline tags', 'Hello <b>bold</b> and <a href="/x">link</a>', 'Hello bold and link'],
    ['event handler tag', '<img src=x onerror=alert(1)>Picture', 'Picture'],
    ['svg onload', '<svg/onload=alert(1)>Logo', 'Logo'],
    ['comment', 'Visible<!-- hidden <b>x</b> -->', 'Visible'],
    ['doctype and processing instruction', '<!DOCTYPE html><?xml version="1.0"?>Text', 'Text'],
    ['escaped markup from a CMS', '&lt;p&gt;Summary&lt;/p&gt;', 'Summary'],
    ['escaped script', '&lt;script&gt;alert(1)&lt;/script&gt;Safe', 'Safe'],
    ['blocks become spaces on one line', '<p>One</p><p>Two</p><br>Three', 'One Two Three'],
    ['tag rebuilt by stripping', '<<b>script>alert(1)<</b>/script>', 'script>alert(1)/script>'],
    ['unclosed tag opener', 'Broken <b title="x', 'Broken b title="x'],
    ['less-than in prose', '5 < 6 and 7 > 3', '5 < 6 and 7 > 3'],
    ['heart', 'I <3 you', 'I <3 you'],
    ['lone angle brackets', '<<< >>>', '<<< >>>'],
  ])('%s', (_name, raw, expected) => {
    const text = oneLine(raw);
    expect(text).toBe(expected);
    expect(text).not.toMatch(TAG);
  });

  it('never leaves a tag, whatever the nesting', () => {
    const nasty = [
      '<<<b>b>b>script>',
      '<scr<script>ipt>alert(1)</scr</script>ipt>',
      '&lt;<b>img src=x onerror=alert(1)&gt;',
      '<a<b<c>>>',
      '<</>/>',
      '<!<!-- -->-->',
    ];
    for (const raw of nasty) expect(oneLine(raw)).not.toMatch(TAG);
  });
});

describe('cleanText: entities', () => {
  it.each<[string, string, string]>([
    ['amp', 'Tom &amp; Jerry', 'Tom & Jerry'],
    ['quotes', '&quot;Hi&quot; &#39;there&#39; &apos;you&apos;', `"Hi" 'there' 'you'`],
    ['decimal and hex', '&#8217; &#x2014; &#X1F600;', '’ — 😀'],
    ['numeric without semicolon', 'it&#39s', "it's"],
    ['nbsp collapses with spaces', 'a&nbsp;&nbsp; b', 'a b'],
    ['typography names', 'A &ndash; B &hellip; &ldquo;C&rdquo; caf&eacute;', 'A – B … “C” café'],
    ['Windows-1252 numbers', 'It&#146;s &#150; ok', 'It’s – ok'],
    ['decodes once: &amp;lt;', '&amp;lt;b&amp;gt;', '&lt;b&gt;'],
    ['decodes once: &amp;amp;', 'A &amp;amp; B', 'A &amp; B'],
    ['unknown name kept', 'a &bogus; b', 'a &bogus; b'],
    ['name without semicolon kept', '?a=1&copy=2', '?a=1&copy=2'],
    ['out of range number', 'x&#1114112;y&#0;z&#xD800;', 'x\uFFFDy\uFFFDz\uFFFD'],
    ['bare ampersand', 'R&D & more', 'R&D & more'],
    // HTML5's full table and the spec's attribute rules, which the HTML 4 subset missed.
    ['HTML5 names', '&alpha;&Omega; &NotEqualTilde; &check;', '\u03B1\u03A9 \u2242\u0338 \u2713'],
    ['legacy name before a space', '&copy 2024', '\u00A9 2024'],
    ['many leading zeros', '&#0000000065;', 'A'],
    ['number past the range', '&#99999999999;', '\uFFFD'],
  ])('%s', (_name, raw, expected) => {
    expect(oneLine(raw)).toBe(expected);
  });
});

describe('cleanText: spoofing and control characters', () => {
  it.each<[string, string, string]>([
    ['RLO override', 'invoice\u202Egpj.exe', 'invoicegpj.exe'],
    ['every embedding and override', '\u202Aa\u202Bb\u202Cc\u202Dd\u202Ee', 'abcde'],
    ['isolates', '\u2066x\u2067y\u2068z\u2069', 'xyz'],
    ['byte order mark', '\uFEFFTitle', 'Title'],
    ['C0 and C1 controls', 'a\u0000b\u0007c\u001Bd\u007Fe\u009Ff', 'abcdef'],
    ['tabs and form feeds are spaces', 'a\tb\u000Bc\u000Cd', 'a b c d'],
    ['lone surrogate', 'a\uD800b', 'a\uFFFDb'],
    ['Arabic kept', 'مرحبا بالعالم', 'مرحبا بالعالم'],
    ['Hebrew kept', 'שלום עולם', 'שלום עולם'],
    ['right-to-left mark kept', 'שלום\u200F!', 'שלום\u200F!'],
    ['mixed direction kept', 'Read: مرحبا (2024)', 'Read: مرحبا (2024)'],
    ['emoji joiners kept', '👨‍👩‍👧 family', '👨‍👩‍👧 family'],
    ['ideographic space kept', '日本\u3000語', '日本\u3000語'],
  ])('%s', (_name, raw, expected) => {
    expect(oneLine(raw)).toBe(expected);
  });
});

describe('cleanText: whitespace', () => {
  it.each<[string, string, string]>([
    [
      'single line collapses newlines',
      '  Line one\n\n  line\ttwo \r\n three  ',
      'Line one line two three',
    ],
    ['unicode spaces', 'a\u2003\u2009b\u202Fc', 'a b c'],
    ['line separator', 'a\u2028b', 'a b'],
  ])('%s', (_name, raw, expected) => {
    expect(oneLine(raw)).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['keeps single breaks', 'one\ntwo', 'one\ntwo'],
    ['CRLF and CR', 'one\r\ntwo\rthree', 'one\ntwo\nthree'],
    ['trims trailing spaces per line', 'one   \ntwo\t\n', 'one\ntwo'],
    ['collapses runs inside lines', 'a   b\t\tc', 'a b c'],
    ['keeps one blank line', 'para 1\n\npara 2', 'para 1\n\npara 2'],
    ['collapses many blank lines', 'para 1\n\n\n\n\npara 2', 'para 1\n\npara 2'],
    ['blank lines of spaces count as blank', 'a\n  \n \t \n\nb', 'a\n\nb'],
    ['trims leading and trailing blank lines', '\n\n  text\n\n\n', 'text'],
    ['block tags become breaks', '<p>One</p><p>Two<br>three</p>', 'One\n\nTwo\nthree'],
  ])('multiline: %s', (_name, raw, expected) => {
    expect(multiLine(raw)).toBe(expected);
  });
});

describe('cleanText: length', () => {
  it.each<[string, string, number, string]>([
    ['fits exactly', 'abcde', 5, 'abcde'],
    ['ASCII', 'abcdef', 5, 'abcd…'],
    ['trailing space before the ellipsis', 'abc defgh', 5, 'abc…'],
    ['ZWJ family is one grapheme', '👨‍👩‍👧‍👦'.repeat(6), 5, `${'👨‍👩‍👧‍👦'.repeat(4)}…`],
    ['skin tones', '👍🏽👍🏽👍🏽', 2, '👍🏽…'],
    ['flags', '🇫🇷🇩🇪🇯🇵', 2, '🇫🇷…'],
    ['combining accent', 'e\u0301e\u0301e\u0301', 2, 'e\u0301…'],
    ['keycaps', '1️⃣2️⃣3️⃣', 3, '1️⃣2️⃣3️⃣'],
    ['counts after cleaning', '<b>abc</b>', 3, 'abc'],
  ])('%s', (_name, raw, maxLength, expected) => {
    const result = cleanText(raw, { maxLength });
    expect(result.text).toBe(expected);
    expect(result.truncated).toBe(expected.endsWith('…'));
    expect(countGraphemes(result.text)).toBeLessThanOrEqual(maxLength);
  });

  it('caps a title at 300 graphemes, ellipsis included', () => {
    const result = cleanText('🎉'.repeat(400), { maxLength: TEXT_CAPS.title });
    expect(result.truncated).toBe(true);
    expect(countGraphemes(result.text)).toBe(300);
    expect(result.text.endsWith('🎉…')).toBe(true);
  });

  it('cuts Zalgo text between graphemes without segmenting all of it', () => {
    const zalgo = `e${'\u0301'.repeat(200)}`;
    const result = cleanText(zalgo.repeat(1000), { maxLength: TEXT_CAPS.selection });
    expect(result.truncated).toBe(true);
    const kept = result.text.slice(0, -1);
    expect(kept.length % zalgo.length).toBe(0);
    expect(kept.length).toBeGreaterThan(0);
  });

  it('marks a huge field truncated even when little text survives', () => {
    const raw = `Short${'<i></i>'.repeat(60_000)}tail`;
    expect(cleanText(raw, { maxLength: 50 })).toEqual({ text: 'Short…', truncated: true });
  });

  it('treats missing input as empty', () => {
    expect(cleanText(undefined, { maxLength: 10 })).toEqual({ text: '', truncated: false });
    expect(cleanText(null, { maxLength: 10 })).toEqual({ text: '', truncated: false });
  });

  it('takes time in proportion to hostile input, never more', () => {
    // An eighth of the sizes that once found quadratic paths, then the full sizes.
    expectLinearGrowth((scale) => {
      const hostile = [
        '<a'.repeat(12_500 * scale),
        '<!--'.repeat(7_500 * scale),
        '<script>'.repeat(3_750 * scale),
        '&amp;'.repeat(6_250 * scale),
        `${'<'.repeat(12_500 * scale)}a`,
        ' \n'.repeat(12_500 * scale),
        'word '.repeat(7_500 * scale),
        '👍🏽'.repeat(12_500 * scale),
        `e${'\u0301'.repeat(300)}`.repeat(100 * scale),
      ];
      return () => {
        for (const raw of hostile) {
          cleanText(raw, { maxLength: TEXT_CAPS.selection, multiline: true });
          cleanText(raw, { maxLength: TEXT_CAPS.title });
        }
      };
    });
  });
});

describe('safeHttpUrl', () => {
  const base = 'https://example.com/dir/page.html?x=1';

  it.each<[string, string, string | undefined, string | undefined]>([
    [
      'absolute https',
      'https://example.com/a?b=1#section',
      undefined,
      'https://example.com/a?b=1#section',
    ],
    ['absolute http gets its path', 'http://example.com', undefined, 'http://example.com/'],
    ['trimmed', '  https://example.com/a  ', undefined, 'https://example.com/a'],
    ['uppercase scheme', 'HTTPS://Example.COM/A', undefined, 'https://example.com/A'],
    ['root-relative', '/path?q=1', base, 'https://example.com/path?q=1'],
    ['document-relative', 'img/card.png', base, 'https://example.com/dir/img/card.png'],
    ['dot segments', '../up.png', base, 'https://example.com/up.png'],
    [
      'protocol-relative on https',
      '//cdn.example.net/x.png',
      base,
      'https://cdn.example.net/x.png',
    ],
    [
      'protocol-relative on http',
      '//cdn.example.net/x.png',
      'http://example.com/',
      'http://cdn.example.net/x.png',
    ],
    ['protocol-relative without base', '//cdn.example.net/x.png', undefined, undefined],
    ['relative without base', 'img/card.png', undefined, undefined],
    ['unusable base, absolute URL', 'https://example.com/a', 'not a url', 'https://example.com/a'],
    ['non-http base, relative URL', 'x.png', 'about:blank', undefined],
    ['file base, relative URL', 'x.png', 'file:///home/me/page.html', undefined],
    ['javascript:', 'javascript:alert(1)', base, undefined],
    ['javascript: with case and spaces', '  JaVaScRiPt:alert(1)', base, undefined],
    ['javascript: split by a tab', 'java\tscript:alert(1)', base, undefined],
    ['javascript: with entity-like text', 'javascript&colon;alert(1)', undefined, undefined],
    ['data:', 'data:text/html,<script>alert(1)</script>', base, undefined],
    ['data: image', 'data:image/png;base64,iVBORw0KGgo=', base, undefined],
    ['blob:', 'blob:https://example.com/0b6c8d1e', base, undefined],
    ['file:', 'file:///etc/passwd', base, undefined],
    ['chrome:', 'chrome://settings', base, undefined],
    ['chrome-extension:', 'chrome-extension://abcdef/popup.html', base, undefined],
    ['about:', 'about:blank', base, undefined],
    ['ftp:', 'ftp://example.com/file', base, undefined],
    ['mailto:', 'mailto:me@example.com', base, undefined],
    ['credentials', 'https://user:pass@example.com/', base, undefined],
    ['username only', 'https://paypal.com@evil.example/', base, undefined],
    ['empty fragment stripped', 'https://example.com/a#', undefined, 'https://example.com/a'],
    ['real fragment kept', 'https://example.com/a#b', undefined, 'https://example.com/a#b'],
    ['empty', '', base, undefined],
    ['blank', '   ', base, undefined],
    ['garbage', 'http://', base, undefined],
    [
      'IDN host in ASCII form',
      'https://bücher.example/',
      undefined,
      'https://xn--bcher-kva.example/',
    ],
  ])('%s', (_name, raw, baseUrl, expected) => {
    expect(safeHttpUrl(raw, baseUrl)).toBe(expected);
  });

  it('caps the length at 2048', () => {
    const prefix = 'https://example.com/';
    const longest = prefix + 'a'.repeat(MAX_URL_LENGTH - prefix.length);
    expect(safeHttpUrl(longest)).toBe(longest);
    expect(safeHttpUrl(`${longest}a`)).toBeUndefined();
    expect(safeHttpUrl(`https://example.com/${'a'.repeat(100_000)}`)).toBeUndefined();
  });

  it('rejects non-strings', () => {
    expect(safeHttpUrl(undefined)).toBeUndefined();
    expect(safeHttpUrl(null)).toBeUndefined();
  });
});
