import { describe, expect, it } from 'vitest';
import { altLength, altTextLimit, imagesWithoutAlt } from '@/utils/compose/alt-text';
import type { DraftImage } from '@/utils/compose/draft';
import { NETWORK_INFO } from '@/utils/networks/info';
import type { Account, NetworkId } from '@/utils/networks/types';

const account = (network: NetworkId, limit?: number): Account => ({
  id: `${network}-${limit}`,
  network,
  server: 'https://example.test',
  remoteId: '1',
  handle: 'me',
  displayName: 'Me',
  limits: { ...NETWORK_INFO[network].defaultLimits, altTextLimit: limit },
  state: 'connected',
  connectedAt: 0,
  limitsCheckedAt: 0,
});

const image = (name: string, alt: string): DraftImage => ({
  id: name,
  name,
  type: 'image/jpeg',
  width: 1,
  height: 1,
  bytes: 1,
  alt,
});

describe('alt text', () => {
  it('uses the smallest limit of the picked accounts, 1500 when none is picked', () => {
    expect(altTextLimit([])).toBe(1500);
    expect(altTextLimit([account('bluesky', 2000)])).toBe(2000);
    expect(altTextLimit([account('bluesky', 2000), account('mastodon', 1000)])).toBe(1000);
    // An account saved before limits were read falls back to its network's default.
    expect(altTextLimit([account('bluesky')])).toBe(2000);
  });

  it('counts code points, so an emoji is one and a family emoji is never undercounted', () => {
    expect(altLength('cat 🐈')).toBe(5);
    expect(altLength('👨‍👩‍👧')).toBe(5);
    // Only the trimmed text is sent.
    expect(altLength('  a cat \n')).toBe(5);
  });

  it('finds images without a description, blank ones included', () => {
    const images = [image('a.jpg', 'A cat'), image('b.jpg', '  \n'), image('c.jpg', '')];
    expect(imagesWithoutAlt(images).map((item) => item.name)).toEqual(['b.jpg', 'c.jpg']);
  });
});
