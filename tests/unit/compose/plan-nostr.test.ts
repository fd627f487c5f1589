import { describe, expect, it } from 'vitest';
import { newDraft, type Draft } from '@/utils/compose/draft';
import { planTarget } from '@/utils/compose/plan';
import { NETWORK_INFO } from '@/utils/networks/info';
import { loadMeasures } from '@/utils/networks/measures';
import type { NostrAccountSettings } from '@/utils/networks/nostr/types';
import type { Account } from '@/utils/networks/types';
import { testAccount } from '../test-accounts';

const settings: NostrAccountSettings = {
  signer: 'local-key',
  relays: { read: ['wss://relay.example'], write: ['wss://relay.example'] },
  mediaServers: ['https://blossom.example'],
};

const nostr = (extra: Partial<NostrAccountSettings> = {}): Account =>
  testAccount('nostr:abc', 'nostr', {
    handle: 'npub1abcd…wxyz',
    limits: NETWORK_INFO.nostr.defaultLimits,
    nostr: { ...settings, ...extra },
  });

const measures = await loadMeasures();

const photo = { id: 'img1', alt: 'a red door', name: 'door.jpg', type: 'image/jpeg' };

function draft(extra: Partial<Draft>): Draft {
  return { ...newDraft(['nostr:abc'], 'de'), ...extra };
}

describe('planning a Nostr note', () => {
  it('carries the warning and the language, and counts only the text', () => {
    const plan = planTarget(draft({ text: 'Hallo', contentWarning: 'Spoiler' }), nostr(), measures);
    expect(plan.content).toMatchObject({
      parts: ['Hallo'],
      spoilerText: 'Spoiler',
      language: 'de',
    });
    expect(plan.content.visibility).toBeUndefined();
    expect(plan.parts[0]?.measure.used).toBe(5);
    expect(plan.problem).toBeUndefined();
  });

  it('says before Post that an account without a media server cannot take the images', () => {
    const withImage = draft({ text: 'Look', images: [photo] as Draft['images'] });
    expect(planTarget(withImage, nostr(), measures).problem).toBeUndefined();
    expect(planTarget(withImage, nostr({ mediaServers: [] }), measures).problem).toBe(
      'npub1abcd…wxyz (Nostr) has no media server, so images can’t go there: remove the images or add a Blossom server in Accounts.',
    );
    // Text alone goes out without one.
    expect(
      planTarget(draft({ text: 'Look' }), nostr({ mediaServers: [] }), measures).problem,
    ).toBeUndefined();
  });

  it('holds Post with "Unlock your Nostr key" while the key waits for its passphrase', () => {
    expect(planTarget(draft({ text: 'Hi' }), nostr({ locked: true }), measures).problem).toBe(
      'Unlock your Nostr key for npub1abcd…wxyz (Nostr) in Crosswind’s settings to post.',
    );
  });
});
