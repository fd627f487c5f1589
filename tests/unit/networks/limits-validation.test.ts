import { describe, expect, it } from 'vitest';
import { planTarget } from '@/utils/compose/plan';
import { newDraft } from '@/utils/compose/draft';
import { NETWORK_INFO } from '@/utils/networks/info';
import { checkLimits, withUsableLimits } from '@/utils/networks/limits-validation';
import { testAccount } from '../test-accounts';
import { loadMeasures } from '@/utils/networks/measures';

const measures = await loadMeasures();

const defaults = NETWORK_INFO.mastodon.defaultLimits;

describe('checkLimits', () => {
  it.each([
    [
      'characters_reserved_per_url',
      { charactersReservedPerUrl: -1000 },
      'charactersReservedPerUrl',
      23,
    ],
    [
      'characters_reserved_per_url',
      { charactersReservedPerUrl: 1e9 },
      'charactersReservedPerUrl',
      23,
    ],
    [
      'characters_reserved_per_url',
      { charactersReservedPerUrl: 2.5 },
      'charactersReservedPerUrl',
      23,
    ],
    ['max_characters', { maxCharacters: -1 }, 'maxCharacters', 500],
    ['max_characters', { maxCharacters: 1e12 }, 'maxCharacters', 500],
    ['max_characters', { maxCharacters: 'abc' }, 'maxCharacters', 500],
    ['max_characters', { maxCharacters: Number.NaN }, 'maxCharacters', 500],
    ['max_characters', { maxCharacters: null }, 'maxCharacters', 500],
    ['max_media_attachments', { maxMediaAttachments: '4' }, 'maxMediaAttachments', 4],
    ['description_limit', { altTextLimit: -5 }, 'altTextLimit', 1500],
  ] as const)(
    'replaces a nonsensical %s (%j) with the default',
    (field, reported, key, expected) => {
      const { limits, rejected } = checkLimits(reported, defaults);
      expect(limits[key]).toBe(expected);
      expect(rejected).toHaveLength(1);
      expect(rejected[0]).toContain(field);
    },
  );

  it('keeps every sane limit as the server gave it, and drops sizes that make no sense', () => {
    const { limits, rejected } = checkLimits(
      {
        maxCharacters: 5000,
        charactersReservedPerUrl: 0,
        maxMediaAttachments: 16,
        altTextLimit: 1500,
        imageSizeLimit: -1,
        imageMatrixLimit: 33_177_600,
        supportedMimeTypes: ['image/png', '<script>'],
      },
      defaults,
    );
    expect(limits).toEqual({
      maxCharacters: 5000,
      charactersReservedPerUrl: 0,
      maxMediaAttachments: 16,
      altTextLimit: 1500,
      imageMatrixLimit: 33_177_600,
    });
    expect(rejected).toEqual(['image_size_limit -1', 'supported_mime_types']);
  });

  it('names only plain, short words a server sent, never its markup or controls', () => {
    const { rejected } = checkLimits({ maxCharacters: '\u202Eevil <b>' }, defaults);
    expect(rejected).toEqual(['max_characters text']);
  });
});

describe('limits in the composer', () => {
  it('counts with defaults and says so for an account stored with absurd limits', () => {
    const account = testAccount('m', 'mastodon', {
      server: 'https://odd.example',
      limits: {
        maxCharacters: 'abc' as unknown as number,
        charactersReservedPerUrl: -1000,
        maxMediaAttachments: 4,
      },
    });
    const draft = { ...newDraft(['m']), text: 'See https://example.com/page' };
    const plan = planTarget(draft, account, measures);
    expect(plan.measure).toMatchObject({ used: 27, limit: 500, remaining: 473, over: false });
    expect(plan.account.limits.note).toBe(
      'odd.example reported limits Crosswind cannot use (max_characters "abc", characters_reserved_per_url -1000); Mastodon\'s usual limits are used instead.',
    );
  });

  it('keeps a note the server check already made, and adds none when all is well', () => {
    const noted = testAccount('m', 'mastodon', {
      limits: { maxCharacters: 500, maxMediaAttachments: 4, note: 'Checked at connect.' },
    });
    expect(withUsableLimits(noted).limits.note).toBe('Checked at connect.');
    expect(withUsableLimits(testAccount('b', 'bluesky')).limits.note).toBeUndefined();
  });
});
