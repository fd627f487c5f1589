import { describe, expect, it } from 'vitest';
import { newDraft, normalizeDraft } from '@/utils/compose/draft';
import { planPost } from '@/utils/compose/plan';
import {
  defaultPostTime,
  fromLocalInput,
  scheduleModeFor,
  scheduleProblem,
  toLocalInput,
} from '@/utils/compose/schedule';
import { scheduleNotes } from '@/utils/compose/schedule-notes';
import { capabilitiesOf } from '@/utils/networks/info';
import type { NetworkId } from '@/utils/networks/types';
import { clockText } from '@/utils/time-text';
import { testAccount } from '../test-accounts';
import { loadMeasures } from '@/utils/networks/measures';

const measures = await loadMeasures();

const MINUTE = 60_000;
const now = new Date(2031, 2, 14, 13, 0, 20).getTime();

describe('scheduleModeFor', () => {
  it.each([
    ['mastodon', 1, 60, { by: 'server' }],
    ['mastodon', 1, 6, { by: 'server' }],
    // Mastodon wants 5 minutes; half a minute more covers uploads and clock drift.
    ['mastodon', 1, 5.4, { by: 'crosswind', why: 'too-soon' }],
    ['mastodon', 1, 2, { by: 'crosswind', why: 'too-soon' }],
    ['mastodon', 3, 60, { by: 'crosswind', why: 'thread' }],
    ['bluesky', 1, 60, { by: 'crosswind', why: 'network' }],
  ] as const)('%s, %i part(s), %f minutes ahead → %o', (network, parts, minutes, mode) => {
    expect(
      scheduleModeFor({ network: network as NetworkId, parts }, now + minutes * MINUTE, now),
    ).toEqual(mode);
  });
});

describe('a server that ignores scheduling', () => {
  it('gets Crosswind’s own scheduling, and the composer says why', () => {
    expect(
      scheduleModeFor(
        { network: 'mastodon', parts: 1, ignoresScheduling: true },
        now + 60 * MINUTE,
        now,
      ),
    ).toEqual({ by: 'crosswind', why: 'server-cannot' });
    const account = testAccount('m1', 'mastodon', { ignoresScheduling: true });
    // The account's capabilities say it too, so nothing else hands it to the server's scheduling.
    expect(capabilitiesOf(account).serverScheduling).toBeNull();
    expect(capabilitiesOf(testAccount('m2', 'mastodon')).serverScheduling).not.toBeNull();
    const [note] = scheduleNotes([{ account, parts: ['x'] }], now + 60 * MINUTE, now);
    expect(note).toMatch(
      /^Mastodon: your server cannot schedule posts \(it posted one at once\), so Crosswind posts it /,
    );
  });
});

describe('scheduleProblem', () => {
  it('wants a whole time, later than now', () => {
    expect(scheduleProblem(undefined, now)).toBe('Enter the date and time to post at.');
    expect(scheduleProblem(now - MINUTE, now)).toBe('That time has passed: pick a later one.');
    expect(scheduleProblem(now, now)).toBe('That time has passed: pick a later one.');
    expect(scheduleProblem(now + MINUTE, now)).toBeUndefined();
  });
});

describe('datetime-local values', () => {
  it('are local time to the minute, both ways', () => {
    expect(toLocalInput(now)).toBe('2031-03-14T13:00');
    expect(fromLocalInput('2031-03-14T13:05')).toBe(new Date(2031, 2, 14, 13, 5).getTime());
    expect(fromLocalInput(toLocalInput(now + 7 * MINUTE))).toBe(
      new Date(2031, 2, 14, 13, 7).getTime(),
    );
  });

  it('read an incomplete field as no time at all', () => {
    expect(fromLocalInput('')).toBeUndefined();
    expect(fromLocalInput('2031-03-14')).toBeUndefined();
  });

  it('start "Post later" on the first quarter hour at least an hour away', () => {
    expect(defaultPostTime(now)).toBe(new Date(2031, 2, 14, 14, 15).getTime());
  });
});

describe('scheduleNotes', () => {
  const m1 = testAccount('m1', 'mastodon', { handle: 'alice', server: 'https://social.example' });
  const m2 = testAccount('m2', 'mastodon', { handle: 'bob', server: 'https://other.example' });
  const b1 = testAccount('b1', 'bluesky', { handle: 'carol.test' });
  const notes = (text: string, ids: string[], at: number, threadTargets: string[] = []) =>
    scheduleNotes(
      planPost({ ...newDraft(ids, 'en'), text, threadTargets }, [m1, m2, b1], measures),
      at,
      now,
    );
  const at = now + 60 * MINUTE;
  const when = `at ${clockText(at)}`;

  it('says plainly who posts it and whether the browser must be running', () => {
    expect(notes('Hello', ['m1', 'm2', 'b1'], at)).toEqual([
      `Mastodon: your server posts it ${when}, even if your browser is closed.`,
      `Bluesky: Crosswind posts it ${when} if your browser is running, otherwise as soon as it starts again.`,
    ]);
  });

  it('says why a Mastodon post is sent by Crosswind: too soon, or a thread', () => {
    const soon = now + 3 * MINUTE;
    expect(notes('Hello', ['m1'], soon)).toEqual([
      `Mastodon: that is too soon for the server to schedule (it needs 5 minutes’ notice), so Crosswind posts it at ${clockText(soon)} if your browser is running, otherwise as soon as it starts again.`,
    ]);
    // One account gets a thread and the other does not: each is named.
    const long = 'A sentence that fills the post. '.repeat(20);
    expect(notes(long, ['m1', 'm2'], at, ['m1'])).toEqual([
      `@alice@social.example (Mastodon): a thread cannot be scheduled on the server (each part answers the one before), so Crosswind posts it ${when} if your browser is running, otherwise as soon as it starts again.`,
      expect.stringMatching(/^@bob@other\.example \(Mastodon\): /),
    ]);
  });

  it('names the day when it is not today', () => {
    const tomorrow = new Date(2031, 2, 15, 8, 30).getTime();
    expect(notes('Hello', ['b1'], tomorrow)[0]).toContain(
      `Crosswind posts it tomorrow at ${clockText(tomorrow)} if`,
    );
  });
});

describe('normalizeDraft', () => {
  it('keeps a post time, reads an ISO one, and leaves old drafts without one', () => {
    const at = new Date(2031, 2, 14, 15, 0).getTime();
    expect(normalizeDraft({ id: 'd', text: 'x', scheduledAt: at }).scheduledAt).toBe(at);
    const iso = { id: 'd', scheduledAt: new Date(at).toISOString() } as unknown as Parameters<
      typeof normalizeDraft
    >[0];
    expect(normalizeDraft(iso).scheduledAt).toBe(at);
    const broken = { id: 'd', scheduledAt: 'soon' } as unknown as Parameters<
      typeof normalizeDraft
    >[0];
    expect('scheduledAt' in normalizeDraft(broken)).toBe(false);
    const old = normalizeDraft({ id: 'd', text: 'from before', targetIds: ['a'], updatedAt: 5 });
    expect(old).toMatchObject({ text: 'from before', targetIds: ['a'] });
    expect('scheduledAt' in old).toBe(false);
  });
});
