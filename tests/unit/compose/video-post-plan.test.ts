import { beforeAll, describe, expect, it } from 'vitest';
import { newDraft, type Draft, type DraftVideo } from '@/utils/compose/draft';
import { planPost } from '@/utils/compose/plan';
import { loadVideoPlanner } from '@/utils/compose/video-planner';
import { NETWORK_INFO } from '@/utils/networks/info';
import { loadMeasures } from '@/utils/networks/measures';
import { testAccount } from '../test-accounts';

// Where the video is the post (PeerTube), the composer says before Post what the video will be
// called, and holds back a warning PeerTube's `isNSFWSummaryValid` would refuse.

const peertube = testAccount('tube', 'peertube', {
  server: 'https://tube.example',
  handle: 'alice',
  limits: NETWORK_INFO.peertube.defaultLimits,
});
const clip: DraftVideo = {
  id: 'v',
  name: 'harbour-at-dusk.webm',
  type: 'video/webm',
  bytes: 2_500_000,
  durationMs: 10_000,
  width: 640,
  height: 360,
  alt: '',
};
const measures = await loadMeasures();

function plan(extra: Partial<Draft>) {
  const draft = { ...newDraft([peertube.id], 'en'), video: clip, ...extra };
  return planPost(draft, [peertube], measures)[0]!;
}

describe('a PeerTube video’s title and warning, before Post', () => {
  beforeAll(() => loadVideoPlanner());

  it('names the video after the first line, as it will be sent', () => {
    const planned = plan({ text: 'Harbour at dusk\nThe boats come in.' });
    expect(planned.problem).toBeUndefined();
    expect(planned.video).toEqual({
      note: 'PeerTube: uploaded as “Harbour at dusk”',
      title: 'Harbour at dusk',
    });
  });

  it('says when a first line over 120 characters is cut for the title', () => {
    const first = `${'waves '.repeat(30)}end`;
    const planned = plan({ text: `${first}\nmore` });
    expect(planned.problem).toBeUndefined();
    expect([...planned.video!.title!].length).toBeLessThanOrEqual(120);
    expect(planned.video!.title!.endsWith('waves…')).toBe(true);
    expect(planned.video?.cautions).toEqual([
      'The first line has more than 120 characters: the title is cut there, and the whole line opens the description.',
    ]);
  });

  it('says when a first line under 3 characters is too short, and which title is used instead', () => {
    const planned = plan({ text: 'Hi\nThe boats come in.' });
    expect(planned.problem).toBeUndefined();
    expect(planned.video?.title).toBe('harbour-at-dusk');
    expect(planned.video?.note).toBe('PeerTube: uploaded as “harbour-at-dusk”');
    expect(planned.video?.cautions).toEqual([
      'The first line is shorter than 3 characters, too short for a title: the title above is used instead.',
    ]);
    // Two letters and an emoji presentation selector are two characters to PeerTube.
    expect(plan({ text: 'ab\uFE0F' }).video?.title).toBe('harbour-at-dusk');
  });

  it('holds Post back for a warning over the 250 characters of PeerTube’s summary', () => {
    const planned = plan({ text: 'Harbour', contentWarning: 'w'.repeat(251) });
    expect(planned.problem).toBe(
      'The content warning has 251 characters; PeerTube takes at most 250 as the video’s sensitive-content summary: shorten it or untick @alice@tube.example (PeerTube).',
    );
    // Counted as PeerTube counts: 250 emoji are 250 characters, not 500.
    expect(plan({ text: 'Harbour', contentWarning: '🌊'.repeat(250) }).problem).toBeUndefined();
  });

  it('says a warning under 3 characters marks the video sensitive without a summary', () => {
    const planned = plan({ text: 'Harbour', contentWarning: 'CW' });
    expect(planned.problem).toBeUndefined();
    expect(planned.video?.cautions).toEqual([
      'The content warning is shorter than 3 characters, too short for PeerTube’s summary: the video is marked sensitive without it.',
    ]);
  });
});
