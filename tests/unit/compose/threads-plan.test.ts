import { describe, expect, it } from 'vitest';
import { newDraft, type Draft, type DraftImage } from '@/utils/compose/draft';
import { planPost } from '@/utils/compose/plan';
import { NETWORK_INFO } from '@/utils/networks/info';
import { loadMeasures } from '@/utils/networks/measures';
import type { Account, NetworkId } from '@/utils/networks/types';
import { testAccount } from '../test-accounts';

const account = (id: string, network: NetworkId): Account =>
  testAccount(id, network, { limits: NETWORK_INFO[network].defaultLimits });

const measures = await loadMeasures();
const threads = account('t1', 'threads');
const bluesky = account('b1', 'bluesky');
const misskey = account('k1', 'misskey');
const image: DraftImage = {
  id: 'img',
  alt: 'A dot',
  name: 'dot.png',
  type: 'image/png',
  width: 1,
  height: 1,
  bytes: 70,
};

function draft(targets: string[], extra: Partial<Draft>): Draft {
  return { ...newDraft(targets, 'en'), ...extra };
}

describe('planning a post for Threads', () => {
  it('counts by Threads’ rules: emoji by UTF-8 bytes, at most 5 links', () => {
    const [emoji] = planPost(draft(['t1'], { text: '😀'.repeat(125) }), [threads], measures);
    expect(emoji?.measure).toMatchObject({ used: 500, over: false });
    const [links] = planPost(
      draft(['t1'], { text: 'a.com b.com c.com d.com e.com f.com' }),
      [threads],
      measures,
    );
    expect(links?.measure.over).toBe(true);
    expect(links?.problem).toBeDefined();
  });

  it('says before Post that an image needs another account in the post to host it', () => {
    const [alone] = planPost(
      draft(['t1'], { text: 'photo', images: [image] }),
      [threads],
      measures,
    );
    expect(alone?.problem).toContain('Mastodon or Bluesky');
    const withMisskey = planPost(
      draft(['t1', 'k1'], { text: 'photo', images: [image] }),
      [threads, misskey],
      measures,
    );
    expect(withMisskey[0]?.problem).toContain('Mastodon or Bluesky');
  });

  it('takes the image when the post also goes to Bluesky', () => {
    const plans = planPost(
      draft(['t1', 'b1'], { text: 'photo', images: [image] }),
      [threads, bluesky],
      measures,
    );
    expect(plans.map((plan) => plan.problem)).toEqual([undefined, undefined]);
  });

  it('says before Post when the publishing quota, as last read, is used up', () => {
    const spent = {
      ...threads,
      limitsCheckedAt: Date.now(),
      quota: { used: 250, total: 250, periodSeconds: 86_400 },
    };
    const [plan] = planPost(draft(['t1'], { text: 'one more' }), [spent], measures);
    expect(plan?.problem).toContain('250');
    const [fine] = planPost(
      draft(['t1'], { text: 'one more' }),
      [{ ...spent, quota: { used: 249, total: 250, periodSeconds: 86_400 } }],
      measures,
    );
    expect(fine?.problem).toBeUndefined();
    // A reading from yesterday may have rolled over: Threads itself says so if it has not.
    const [stale] = planPost(
      draft(['t1'], { text: 'one more' }),
      [{ ...spent, limitsCheckedAt: Date.now() - 86_400_000 }],
      measures,
    );
    expect(stale?.problem).toBeUndefined();
  });

  it('takes an image shared from a web page alone: Threads fetches it from there', () => {
    const shared = { ...image, sourceUrl: 'https://photos.example/harbour.jpg' };
    const [plan] = planPost(
      draft(['t1'], { text: 'photo', images: [shared] }),
      [threads],
      measures,
    );
    expect(plan?.problem).toBeUndefined();
    expect(plan?.content.images).toEqual([
      { id: 'img', alt: 'A dot', name: 'dot.png', sourceUrl: 'https://photos.example/harbour.jpg' },
    ]);
  });
});
