import { describe, expect, it } from 'vitest';
import { newDraft, type Draft } from '@/utils/compose/draft';
import { planPost, planTarget } from '@/utils/compose/plan';
import { suggestLabel } from '@/utils/compose/warning-label';
import { NETWORK_INFO } from '@/utils/networks/info';
import type { Account, NetworkId } from '@/utils/networks/types';
import { testAccount } from '../test-accounts';
import { loadMeasures } from '@/utils/networks/measures';

const measures = await loadMeasures();

const account = (id: string, network: NetworkId, extra: Partial<Account> = {}): Account =>
  testAccount(id, network, {
    server: network === 'mastodon' ? 'https://social.example' : 'https://pds.example',
    limits: NETWORK_INFO[network].defaultLimits,
    ...extra,
  });

const m1 = account('m1', 'mastodon', { defaultVisibility: 'private' });
const m2 = account('m2', 'mastodon');
const b1 = account('b1', 'bluesky');

function draft(extra: Partial<Draft>): Draft {
  return { ...newDraft(['m1', 'm2', 'b1'], 'en'), ...extra };
}

describe('planPost', () => {
  it('gives each account the main text, its network’s version, or its own, in that order', () => {
    const plans = planPost(
      draft({
        text: 'main',
        variants: { 'network:mastodon': 'for Mastodon', 'account:m2': 'for m2' },
      }),
      [m1, m2, b1],
      measures,
    );
    expect(plans.map((plan) => [plan.account.id, plan.source, plan.content.parts])).toEqual([
      ['m1', 'network:mastodon', ['for Mastodon']],
      ['m2', 'account:m2', ['for m2']],
      ['b1', 'main', ['main']],
    ]);
  });

  it('skips accounts that are no longer connected', () => {
    expect(planPost(draft({ text: 'x', targetIds: ['gone', 'b1'] }), [b1], measures)).toHaveLength(
      1,
    );
  });

  it('counts the Mastodon warning with the text, as the server does', () => {
    const plan = planTarget(
      draft({ text: 'a'.repeat(490), contentWarning: 'twelve chars' }),
      m1,
      measures,
    );
    expect(plan.measure).toMatchObject({ used: 502, over: true });
    expect(plan.problem).toBe(
      'Too long for @m1@social.example (Mastodon): shorten it or post it as a thread.',
    );
    expect(plan.content).toMatchObject({ spoilerText: 'twelve chars', sensitive: true });
  });

  it('uses each Mastodon account’s default visibility unless one is chosen', () => {
    expect(planTarget(draft({ text: 'x' }), m1, measures).content.visibility).toBe('private');
    expect(planTarget(draft({ text: 'x' }), m2, measures).content.visibility).toBe('public');
    expect(
      planTarget(draft({ text: 'x', visibility: 'direct' }), m1, measures).content.visibility,
    ).toBe('direct');
    expect(planTarget(draft({ text: 'x' }), b1, measures).content.visibility).toBeUndefined();
  });

  it('carries a warning to Bluesky as a label, or as text when no label fits', () => {
    const labelled = planTarget(draft({ text: 'body', contentWarning: 'NSFW art' }), b1, measures);
    expect(labelled.content).toMatchObject({ parts: ['body'], labels: ['porn'] });
    const spoiler = planTarget(
      draft({ text: 'body', contentWarning: 'Dune spoilers' }),
      b1,
      measures,
    );
    expect(spoiler.content.parts).toEqual(['CW: Dune spoilers\n\nbody']);
    expect(spoiler.content.labels).toBeUndefined();
    const both = planTarget(
      draft({
        text: 'body',
        contentWarning: 'Dune spoilers',
        blueskyLabel: 'graphic-media',
        warningInBlueskyText: true,
      }),
      b1,
      measures,
    );
    expect(both.content).toMatchObject({
      parts: ['CW: Dune spoilers\n\nbody'],
      labels: ['graphic-media'],
    });
    expect(spoiler.content.spoilerText).toBeUndefined();
  });

  it('counts the warning put into the Bluesky text', () => {
    const plan = planTarget(
      draft({ text: 'a'.repeat(290), contentWarning: 'Dune spoilers' }),
      b1,
      measures,
    );
    expect(plan.measure.over).toBe(true);
  });

  it('splits into a thread only when asked, every part within the limit', () => {
    const text = Array.from({ length: 4 }, (_, i) => `Paragraph ${i} ${'word '.repeat(40)}`).join(
      '\n\n',
    );
    const single = planTarget(draft({ text }), b1, measures);
    expect(single).toMatchObject({ canThread: true, threaded: false });
    expect(single.parts).toHaveLength(1);
    const thread = planTarget(draft({ text, threadTargets: ['b1'] }), b1, measures);
    expect(thread.parts.length).toBeGreaterThan(1);
    expect(thread.parts.every((part) => !part.measure.over)).toBe(true);
    expect(thread.problem).toBeUndefined();
    expect(thread.content.parts).toEqual(thread.parts.map((part) => part.text));
  });

  it('splits at a --- line even without asking', () => {
    const plan = planTarget(draft({ text: 'first\n---\nsecond' }), m1, measures);
    expect(plan.content.parts).toEqual(['first', 'second']);
  });

  it('names what is missing', () => {
    expect(planTarget(draft({ text: '  ' }), m1, measures).problem).toBe(
      'Write something to post.',
    );
    expect(
      planTarget(draft({ text: 'x', variants: { 'network:bluesky': ' ' } }), b1, measures).problem,
    ).toBe('The separate text for @b1 (Bluesky) is empty.');
  });
});

/** An attached image as the draft records it. */
function image(n: number, alt = '') {
  return {
    id: `img-${n}`,
    name: `photo${n}.jpg`,
    type: 'image/jpeg',
    width: 40,
    height: 30,
    bytes: 100,
    alt,
  };
}

describe('planPost with images', () => {
  it('sends images with their alt text, and posts images without text', () => {
    const plan = planTarget(draft({ text: '', images: [image(1, ' A cat ')] }), b1, measures);
    expect(plan.problem).toBeUndefined();
    expect(plan.content.parts).toEqual(['']);
    expect(plan.content.images).toEqual([{ id: 'img-1', alt: 'A cat', name: 'photo1.jpg' }]);
  });

  it('refuses more images than the server takes, rather than posting part of them', () => {
    const small = account('m3', 'mastodon', {
      limits: { ...NETWORK_INFO.mastodon.defaultLimits, maxMediaAttachments: 2 },
    });
    const plan = planTarget(
      draft({ text: 'x', images: [image(1), image(2), image(3)] }),
      small,
      measures,
    );
    expect(plan.problem).toBe('@m3@social.example (Mastodon) takes at most 2 images: remove 1.');
  });

  it('refuses alt text over the server’s limit, counted in code points', () => {
    const fits = planTarget(
      draft({ text: 'x', images: [image(1, '👍'.repeat(1500))] }),
      m1,
      measures,
    );
    expect(fits.problem).toBeUndefined();
    const over = planTarget(
      draft({ text: 'x', images: [image(1, 'a'.repeat(1501))] }),
      m1,
      measures,
    );
    expect(over.problem).toBe(
      'The alt text of photo1.jpg is over @m1@social.example (Mastodon)’s limit of 1,500 characters.',
    );
  });
});

describe('planPost with a link card', () => {
  const card = {
    url: 'https://news.example/story/',
    title: 'A story',
    description: 'What happened.',
    image: 'https://news.example/story.jpg',
  };

  it('gives the card to Bluesky only: Mastodon builds its own from the link', () => {
    const [mastodon, bluesky] = planPost(
      draft({ text: 'Read this https://news.example/story/', linkCard: card }),
      [m1, b1],
      measures,
    );
    expect(bluesky?.content.linkCard).toEqual(card);
    expect(mastodon?.content.linkCard).toBeUndefined();
  });

  it.each([
    ['without the trailing slash', 'Read this https://news.example/story'],
    ['with www. and a full stop after it', 'Read this https://www.news.example/story/.'],
    ['over http', 'Read this http://news.example/story/'],
  ])('recognizes the link typed %s', (_, text) => {
    expect(planTarget(draft({ text, linkCard: card }), b1, measures).content.linkCard).toEqual(
      card,
    );
  });

  it('recognizes a bare domain, as Bluesky links it', () => {
    const bare = { ...card, url: 'https://www.nytimes.com/story/' };
    const plan = planTarget(draft({ text: 'See nytimes.com/story', linkCard: bare }), b1, measures);
    expect(plan.content.linkCard).toEqual(bare);
  });

  it('recognizes a long link that Bluesky shows shortened', () => {
    const url = 'https://news.example/2024/05/a-very-long-slug-that-bluesky-shortens?ref=home';
    const plan = planTarget(
      draft({ text: `Look ${url}`, linkCard: { ...card, url } }),
      b1,
      measures,
    );
    expect(plan.content.linkCard?.url).toBe(url);
  });

  it('leaves the card out when images are attached', () => {
    const plan = planTarget(
      draft({ text: 'https://news.example/story/', linkCard: card, images: [image(1)] }),
      b1,
      measures,
    );
    expect(plan.content.images).toHaveLength(1);
    expect(plan.content.linkCard).toBeUndefined();
  });

  it('leaves the card out once its link is no longer in the first post', () => {
    const deleted = planTarget(draft({ text: 'Never mind', linkCard: card }), b1, measures);
    expect(deleted.content.linkCard).toBeUndefined();
    const other = planTarget(
      draft({ text: 'https://news.example/other', linkCard: card }),
      b1,
      measures,
    );
    expect(other.content.linkCard).toBeUndefined();
    const laterPart = planTarget(
      draft({ text: 'First\n---\nhttps://news.example/story/', linkCard: card }),
      b1,
      measures,
    );
    expect(laterPart.content.parts).toHaveLength(2);
    expect(laterPart.content.linkCard).toBeUndefined();
  });
});

describe('suggestLabel', () => {
  it.each([
    ['', 'none'],
    ['Spoilers for Dune', 'none'],
    ['NSFW', 'porn'],
    ['nudity (art)', 'nudity'],
    ['lewd', 'sexual'],
    ['Blood and gore', 'graphic-media'],
    ['mentions self-harm', 'graphic-media'],
  ] as const)('%s → %s', (warning, label) => {
    expect(suggestLabel(warning)).toBe(label);
  });
});
