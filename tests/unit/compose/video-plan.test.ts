import { beforeAll, describe, expect, it, vi } from 'vitest';
import { newDraft, type Draft, type DraftVideo } from '@/utils/compose/draft';
import { planPost } from '@/utils/compose/plan';
import { loadVideoPlanner } from '@/utils/compose/video-planner';
import { NETWORK_INFO } from '@/utils/networks/info';
import { loadMeasures } from '@/utils/networks/measures';
import type { Account, NetworkId } from '@/utils/networks/types';
import { testAccount } from '../test-accounts';

const account = (id: string, network: NetworkId, extra: Partial<Account> = {}): Account =>
  testAccount(id, network, {
    server: network === 'bluesky' ? 'https://pds.example' : 'https://social.example',
    handle: id,
    limits: NETWORK_INFO[network].defaultLimits,
    ...extra,
  });

const mastodon = account('alice', 'mastodon', {
  limits: { ...NETWORK_INFO.mastodon.defaultLimits, videoSizeLimit: 99 * 1024 * 1024 },
});
const bluesky = account('alice.test', 'bluesky');
const misskey = account('mi', 'misskey');

const clip: DraftVideo = {
  id: 'v',
  name: 'clip.mp4',
  type: 'video/mp4',
  bytes: 2_500_000,
  durationMs: 10_000,
  width: 640,
  height: 360,
  alt: '  A kite over the sea  ',
};

const measures = await loadMeasures();

function draft(extra: Partial<Draft>): Draft {
  return { ...newDraft(['alice', 'alice.test'], 'en'), text: 'Look', ...extra };
}

describe('a draft with a video', () => {
  beforeAll(() => loadVideoPlanner());

  it('gives each account the clip with its trimmed description, and says what it takes', () => {
    const [m, b] = planPost(draft({ video: clip }), [mastodon, bluesky], measures);
    expect(m?.content.video).toEqual({ ...clip, alt: 'A kite over the sea' });
    expect(m?.problem).toBeUndefined();
    expect(m?.video).toEqual({ note: 'Mastodon: server limit 104 MB' });
    expect(b?.video).toEqual({ note: 'Bluesky: up to 3 minutes and 100 MB' });
    expect(b?.problem).toBeUndefined();
  });

  it('refuses a clip over 3 minutes for Bluesky only, saying how to go on', () => {
    const long = { ...clip, durationMs: 200_000 };
    const [m, b] = planPost(draft({ video: long }), [mastodon, bluesky], measures);
    expect(m?.problem).toBeUndefined();
    expect(b?.problem).toBe(
      'Too long for Bluesky (3:20, at most 3 minutes): pick a shorter clip or untick @alice.test (Bluesky).',
    );
    expect(b?.video?.problem).toBe(b?.problem);
  });

  it('holds a clip to the size the Mastodon server reports', () => {
    const small = account('bob', 'mastodon', {
      limits: { ...NETWORK_INFO.mastodon.defaultLimits, videoSizeLimit: 2_000_000 },
    });
    const [plan] = planPost({ ...draft({ video: clip }), targetIds: ['bob'] }, [small], measures);
    expect(plan?.problem).toMatch(/^Too large for Mastodon \(2\.5 MB, at most 2 MB\)/);
  });

  it('refuses a clip for a network that takes none', () => {
    const [plan] = planPost({ ...draft({ video: clip }), targetIds: ['mi'] }, [misskey], measures);
    expect(plan?.problem).toMatch(/cannot take a video: remove it or untick the account\.$/);
  });

  it('makes a post of a clip alone, with no text', () => {
    const [plan] = planPost(draft({ text: '', video: clip }), [mastodon], measures);
    expect(plan?.content.parts).toEqual(['']);
    expect(plan?.problem).toBeUndefined();
  });

  it('counts a clip as the media Pixelfed needs', () => {
    const pixelfed = account('p', 'pixelfed');
    const [plan] = planPost({ ...draft({ video: clip }), targetIds: ['p'] }, [pixelfed], measures);
    expect(plan?.needsMedia).toBeUndefined();
    expect(plan?.problem).toBeUndefined();
  });

  it('sends no link card with a clip', () => {
    const card = { url: 'https://example.com/', title: 'Example', description: '' };
    const [plan] = planPost(
      { ...draft({ text: 'https://example.com/', video: clip, linkCard: card }) },
      [bluesky],
      measures,
    );
    expect(plan?.content.linkCard).toBeUndefined();
  });

  it('refuses a draft that holds both a clip and images', () => {
    const image = {
      id: 'i',
      name: 'a.png',
      type: 'image/png',
      width: 1,
      height: 1,
      bytes: 1,
      alt: '',
    };
    const [plan] = planPost(draft({ video: clip, images: [image] }), [mastodon], measures);
    expect(plan?.problem).toBe('A post carries a video or images, not both. Remove one of them.');
  });

  it('refuses a description over Bluesky’s 1000 for video', () => {
    const [plan] = planPost(
      draft({ video: { ...clip, alt: 'x'.repeat(1001) } }),
      [bluesky],
      measures,
    );
    expect(plan?.problem).toBe(
      'The video description is over the limit of 1000 characters for @alice.test (Bluesky).',
    );
  });
});

describe('before the video rules are loaded', () => {
  it('holds Post back while they load, then plans the clip', async () => {
    vi.resetModules();
    const planner = await import('@/utils/compose/video-planner');
    const plan = await import('@/utils/compose/plan');
    const [waiting] = plan.planPost(draft({ video: clip }), [bluesky], measures);
    expect(waiting?.problem).toBe('Reading the video…');
    await planner.loadVideoPlanner();
    const [ready] = plan.planPost(draft({ video: clip }), [bluesky], measures);
    expect(ready?.problem).toBeUndefined();
  });
});
