import { afterEach, describe, expect, it, vi } from 'vitest';
import { ADAPTERS } from '@/utils/networks';
import { NETWORK_IDS, NETWORK_INFO } from '@/utils/networks/info';
import { MASTODON_DEFAULT_LIMITS } from '@/utils/networks/mastodon/info';

afterEach(() => vi.restoreAllMocks());

/** A fresh copy of the loader, so each test starts with nothing loaded. */
async function freshLoader() {
  vi.resetModules();
  const { NETWORK_INFO: info } = await import('@/utils/networks/info');
  const { loadMeasures } = await import('@/utils/networks/measures');
  return { info, loadMeasures };
}

describe('the networks’ counters', () => {
  it('are not part of what pages know about a network until loaded', () => {
    for (const id of NETWORK_IDS) {
      expect(NETWORK_INFO[id]).not.toHaveProperty('measure');
      expect(NETWORK_INFO[id].loadMeasure).toBeTypeOf('function');
    }
  });

  // First, before any test loads fresh copies of the modules.
  it('are the very ones the background posts with', async () => {
    for (const id of NETWORK_IDS) {
      expect(ADAPTERS[id].measure).toBe((await NETWORK_INFO[id].loadMeasure()).measure);
    }
  });

  it('count by each network’s own rules once loaded', async () => {
    const { loadMeasures } = await freshLoader();
    const measures = await loadMeasures();
    const link = `https://example.com/${'a'.repeat(60)}`;
    // Mastodon counts every link as 23 characters.
    expect(measures.mastodon(link, MASTODON_DEFAULT_LIMITS, {}).used).toBe(23);
    // Bluesky counts graphemes: a family emoji is one.
    expect(measures.bluesky('👨‍👩‍👧', NETWORK_INFO.bluesky.defaultLimits, {})).toMatchObject({
      used: 1,
      unit: 'graphemes',
    });
    // Pixelfed counts the caption's links in full and checks the warning on its own.
    const caption = measures.pixelfed(link, NETWORK_INFO.pixelfed.defaultLimits, {
      spoilerText: 'w'.repeat(141),
    });
    expect(caption).toMatchObject({ used: link.length, over: true });
    // A Misskey server that counts code points (as Misskey itself does) counts an emoji as one.
    const limits = { ...NETWORK_INFO.misskey.defaultLimits, countsCodePoints: true };
    expect(measures.misskey('😀', limits, {}).used).toBe(1);
  });

  it('load once for everyone who asks', async () => {
    const { info, loadMeasures } = await freshLoader();
    const load = vi.spyOn(info.mastodon, 'loadMeasure');
    const [first, second] = await Promise.all([loadMeasures(), loadMeasures()]);
    expect(second).toBe(first);
    expect(await loadMeasures()).toBe(first);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('are asked for again after a load failed', async () => {
    const { info, loadMeasures } = await freshLoader();
    vi.spyOn(info.bluesky, 'loadMeasure').mockRejectedValueOnce(
      new TypeError('Failed to fetch dynamically imported module'),
    );
    await expect(loadMeasures()).rejects.toThrow('Failed to fetch');
    const measures = await loadMeasures();
    expect(measures.bluesky('hello', info.bluesky.defaultLimits, {}).used).toBe(5);
  });
});
