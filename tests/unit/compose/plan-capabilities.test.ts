import { describe, expect, it } from 'vitest';
import { newDraft, type Draft } from '@/utils/compose/draft';
import { planTarget } from '@/utils/compose/plan';
import { scheduleModeFor } from '@/utils/compose/schedule';
import { NETWORK_INFO } from '@/utils/networks/info';
import type { Account, NetworkId } from '@/utils/networks/types';
import { targetLabel, targetNetwork } from '@/utils/publish/target-label';
import { testAccount } from '../test-accounts';
import { loadMeasures } from '@/utils/networks/measures';

const measures = await loadMeasures();

const account = (id: string, network: NetworkId, extra: Partial<Account> = {}): Account =>
  testAccount(id, network, {
    server: 'https://pics.example',
    limits: NETWORK_INFO[network].defaultLimits,
    ...extra,
  });

const photo = { id: 'img1', alt: 'a red door', name: 'door.jpg', type: 'image/jpeg' };

function draft(extra: Partial<Draft>): Draft {
  return { ...newDraft(['p1'], 'en'), ...extra };
}

describe('capabilities drive the plan', () => {
  const pixelfed = account('p1', 'pixelfed', { software: { name: 'pixelfed' } });

  it('says "Pixelfed needs a photo" for a text-only post, before anything is sent', () => {
    const plan = planTarget(draft({ text: 'Just words' }), pixelfed, measures);
    expect(plan.needsMedia).toBe('Pixelfed needs a photo');
    expect(plan.problem).toBe(
      'Pixelfed needs a photo: add one, or leave out @p1@pics.example (Pixelfed).',
    );
  });

  it('takes a photo post, and a thread whose replies are text only', () => {
    const text = ['First part', 'Second part'].join('\n---\n');
    const plan = planTarget(
      draft({ text, images: [photo] as Draft['images'] }),
      pixelfed,
      measures,
    );
    expect(plan.problem).toBeUndefined();
    expect(plan.parts.map((part) => part.text)).toEqual(['First part', 'Second part']);
  });

  it('refuses an audience the server does not have instead of widening it', () => {
    const plan = planTarget(
      draft({ text: 'x', visibility: 'direct', images: [photo] as Draft['images'] }),
      pixelfed,
      measures,
    );
    expect(plan.problem).toBe(
      '@p1@pics.example (Pixelfed) cannot post to “Mentioned people only”: choose another visibility.',
    );
  });

  it('counts a Pixelfed caption in code points, links in full, with its own warning limit', () => {
    const link = `https://example.com/${'a'.repeat(40)}`;
    const plan = planTarget(
      draft({ text: link, contentWarning: 'w'.repeat(141), images: [photo] as Draft['images'] }),
      pixelfed,
      measures,
    );
    expect(plan.measure).toMatchObject({ used: 60, over: true });
    expect(plan.measure.detail).toBe('content warning at most 140 characters: 141 used');
    expect(plan.content).toMatchObject({ spoilerText: 'w'.repeat(141), sensitive: true });
  });

  it('counts a GoToSocial account in code points with the warning, links in full', () => {
    const gts = account('g1', 'mastodon', {
      limits: { maxCharacters: 50, maxMediaAttachments: 6, countsCodePoints: true },
    });
    const link = `https://example.com/${'a'.repeat(40)}`;
    expect(
      planTarget(draft({ text: link, contentWarning: 'cw' }), gts, measures).measure,
    ).toMatchObject({
      used: 62,
      over: true,
    });
  });

  it('lets Crosswind post later where the server cannot schedule', () => {
    const at = Date.now() + 3_600_000;
    expect(scheduleModeFor({ network: 'mastodon', parts: 1 }, at, Date.now())).toEqual({
      by: 'server',
    });
    expect(
      scheduleModeFor(
        { network: 'mastodon', parts: 1, capabilities: { serverScheduling: null } },
        at,
        Date.now(),
      ),
    ).toEqual({ by: 'crosswind', why: 'network' });
    expect(scheduleModeFor({ network: 'pixelfed', parts: 1 }, at, Date.now())).toEqual({
      by: 'crosswind',
      why: 'network',
    });
  });
});

describe('target labels of removed accounts', () => {
  it('names the network and the server from the account id', () => {
    expect(targetLabel('pixelfed:pics.example:7', [])).toBe(
      'Pixelfed account on pics.example (removed)',
    );
    expect(targetNetwork('pixelfed:pics.example:7', [])).toBe('pixelfed');
    expect(targetLabel('bluesky:did:plc:abc', [])).toBe('Bluesky account (removed)');
    expect(targetLabel('friendica:x:1', [])).toBe('friendica:x:1');
    expect(targetNetwork('toString:x:1', [])).toBeUndefined();
  });
});
