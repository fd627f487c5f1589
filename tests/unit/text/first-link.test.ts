import { describe, expect, it, vi } from 'vitest';
import { detectAtprotoLinks, firstAtprotoLink } from '@/utils/text/atproto-links';

const words = (length: number) => 'word '.repeat(Math.ceil(length / 5)).slice(0, length);

describe('firstAtprotoLink', () => {
  it('finds the link detectFacets finds first, wherever it is', () => {
    const link = 'https://example.com/a/long/path?query=1';
    const texts = [
      `${link} and more`,
      `${words(100)} ${link}. ${words(300_000)}`,
      `${words(30_000)} example.com ${words(10)}`,
      `${words(50_000)} ${link}`,
      words(70_000),
      '',
    ];
    for (const text of texts) expect(firstAtprotoLink(text)).toEqual(detectAtprotoLinks(text)[0]);
  });

  it('never takes a link cut where it stopped reading for the whole of it', () => {
    // The link runs across the first 2,048 characters read.
    for (const offset of [2030, 2040, 2046, 2047, 2048]) {
      const text = `${words(offset - 1)} https://example.com/${'x'.repeat(40)}), ${words(9000)}`;
      expect(firstAtprotoLink(text)).toEqual(detectAtprotoLinks(text)[0]);
    }
  });

  it('reads only the beginning of a long text whose first link is near the top', () => {
    const scan = vi.spyOn(String.prototype, 'matchAll');
    firstAtprotoLink(`See https://example.com first. ${words(200_000)}`);
    const scanned = scan.mock.contexts.map((text) => String(text).length);
    scan.mockRestore();
    expect(Math.max(...scanned)).toBeLessThan(10_000);
  });
});
