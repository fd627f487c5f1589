import { afterEach, describe, expect, it, vi } from 'vitest';
import { newDraft, type Draft } from '@/utils/compose/draft';
import { measuredSplit } from '@/utils/compose/measured-split';
import { MAX_THREAD_PARTS, partCount, planTarget } from '@/utils/compose/plan';
import { accountLabel, NETWORK_INFO } from '@/utils/networks/info';
import type { Account, NetworkId } from '@/utils/networks/types';
import * as splitting from '@/utils/text/split-thread';
import { testAccount } from '../test-accounts';
import { loadMeasures } from '@/utils/networks/measures';

const measures = await loadMeasures();

const account = (id: string, network: NetworkId): Account =>
  testAccount(id, network, {
    server: network === 'mastodon' ? 'https://social.example' : 'https://pds.example',
    limits: NETWORK_INFO[network].defaultLimits,
  });

const b1 = account('b1', 'bluesky');
const b2 = account('b2', 'bluesky');
const m1 = account('m1', 'mastodon');

const sentence = 'A sentence about the open social web, with a #hashtag in it. ';

function draft(extra: Partial<Draft>): Draft {
  return { ...newDraft(['b1', 'b2', 'm1'], 'en'), ...extra };
}

afterEach(() => vi.restoreAllMocks());

describe('measuredSplit', () => {
  it('splits a text once for accounts that count it by the same rules and limits', () => {
    const split = vi.spyOn(splitting, 'splitThread');
    const text = `${sentence.repeat(12)}first run`;
    const request = { text, threaded: true, numbering: false, maxParts: MAX_THREAD_PARTS };
    const first = measuredSplit({ ...request, account: b1, measure: measures.bluesky });
    const second = measuredSplit({ ...request, account: b2, measure: measures.bluesky });
    expect(second).toBe(first);
    expect(split).toHaveBeenCalledTimes(1);
    // Another network's rules give another split.
    measuredSplit({ ...request, account: m1, measure: measures.mastodon });
    expect(split).toHaveBeenCalledTimes(2);
  });

  it('splits again when the text changes, and not when it comes back to a recent one', () => {
    const split = vi.spyOn(splitting, 'splitThread');
    const request = {
      threaded: true,
      numbering: true,
      maxParts: MAX_THREAD_PARTS,
      account: b1,
      measure: measures.bluesky,
    };
    const before = measuredSplit({ ...request, text: `${sentence.repeat(9)}before` });
    const after = measuredSplit({ ...request, text: `${sentence.repeat(9)}after` });
    expect(after).not.toBe(before);
    const calls = split.mock.calls.length;
    expect(measuredSplit({ ...request, text: `${sentence.repeat(9)}before` })).toBe(before);
    expect(split).toHaveBeenCalledTimes(calls);
  });

  it('stops splitting a text far too long for a thread just past the most parts allowed', () => {
    const fits = vi.fn((part: string) => part.length <= 300);
    const text = sentence.repeat(2_000);
    const capped = splitting.splitThread(text, fits, {
      auto: true,
      numbering: false,
      maxParts: MAX_THREAD_PARTS + 1,
    });
    expect(capped.parts).toHaveLength(MAX_THREAD_PARTS + 1);
    const cappedCalls = fits.mock.calls.length;
    fits.mockClear();
    const full = splitting.splitThread(text, fits, { auto: true, numbering: false });
    expect(full.parts.length).toBeGreaterThan(400);
    expect(full.parts.slice(0, MAX_THREAD_PARTS + 1)).toEqual(capped.parts);
    expect(cappedCalls * 10).toBeLessThan(fits.mock.calls.length);
  });

  it('counts the whole text only when it is read', () => {
    const measure = vi.fn(measures.bluesky);
    const text = `${sentence.repeat(20)}counted lazily`;
    const result = measuredSplit({
      account: b1,
      measure,
      text,
      threaded: true,
      numbering: false,
      maxParts: MAX_THREAD_PARTS,
    });
    expect(measure.mock.calls.some(([measured]) => measured === text)).toBe(false);
    expect(result.whole.over).toBe(true);
    expect(measure.mock.calls.some(([measured]) => measured === text)).toBe(true);
  });
});

describe('planTarget with a text too long for a thread', () => {
  it('says it would be more than the most parts, without splitting all of it', () => {
    const split = vi.spyOn(splitting, 'splitThread');
    const text = sentence.repeat(3_000);
    const plan = planTarget(draft({ text, threadTargets: ['b1'], numbering: true }), b1, measures);
    // Only its beginning was looked at.
    expect(split.mock.calls.map(([splitText]) => splitText.length < text.length / 4)).toEqual([
      true,
    ]);
    expect(plan.partsCut).toBe(true);
    expect(plan.parts).toHaveLength(MAX_THREAD_PARTS + 1);
    expect(partCount(plan)).toBe(`more than ${MAX_THREAD_PARTS}`);
    expect(plan.problem).toBe(
      `That would be more than ${MAX_THREAD_PARTS} posts on ${accountLabel(b1)}; at most ${MAX_THREAD_PARTS} can be a thread.`,
    );
    expect(plan.canThread).toBe(true);
  });

  it('still gives the exact count and numbering of a thread within the limit', () => {
    const text = sentence.repeat(20);
    const plan = planTarget(draft({ text, threadTargets: ['b1'], numbering: true }), b1, measures);
    expect(plan.partsCut).toBeUndefined();
    expect(plan.parts.length).toBeGreaterThan(1);
    expect(partCount(plan)).toBe(String(plan.parts.length));
    expect(plan.parts.at(-1)?.text).toMatch(
      new RegExp(`${plan.parts.length}/${plan.parts.length}$`),
    );
    expect(plan.problem).toBeUndefined();
  });
});
