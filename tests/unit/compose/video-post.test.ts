import { describe, expect, it } from 'vitest';
import { newDraft } from '@/utils/compose/draft';
import { planTarget } from '@/utils/compose/plan';
import { loadMeasures } from '@/utils/networks/measures';
import type { Account } from '@/utils/networks/types';

const measures = await loadMeasures();

const peertube: Account = {
  id: 'peertube:tube.example:1',
  network: 'peertube',
  server: 'https://tube.example',
  remoteId: '1',
  handle: 'alice',
  displayName: 'Alice',
  limits: { maxCharacters: 10_000, maxMediaAttachments: 0 },
  state: 'connected',
  connectedAt: 0,
  limitsCheckedAt: 0,
};

describe('a PeerTube account in the composer', () => {
  it('says before Post that PeerTube needs a video, for a text-only post', () => {
    const plan = planTarget(
      { ...newDraft([peertube.id], 'en'), text: 'Hello' },
      peertube,
      measures,
    );
    expect(plan.needsMedia).toBe('PeerTube needs a video');
    expect(plan.problem).toBe(
      'PeerTube needs a video: attach one, or leave out @alice@tube.example (PeerTube).',
    );
  });

  it('has nothing to say once a clip is attached, and maps the warning to its words', () => {
    const video = {
      id: 'v',
      name: 'a.webm',
      alt: '',
      type: 'video/webm',
      bytes: 10,
      durationMs: 1000,
      width: 2,
      height: 2,
    };
    const plan = planTarget(
      { ...newDraft([peertube.id], 'en'), text: 'Hello there', contentWarning: 'Loud', video },
      peertube,
      measures,
    );
    expect(plan.needsMedia).toBeUndefined();
    expect(plan.content).toMatchObject({ spoilerText: 'Loud', sensitive: true });
  });
});
