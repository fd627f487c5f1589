import { describe, expect, it } from 'vitest';
import { npubEncode, nprofileEncode } from 'nostr-tools/nip19';
import { findHashtags } from '../../../../utils/networks/nostr/hashtags';
import { parseImeta } from '../../../../utils/networks/nostr/imeta';
import { findMentions, linkBareMentions } from '../../../../utils/networks/nostr/mentions';
import { buildNote, noteContent } from '../../../../utils/networks/nostr/note';
import type { MediaAttachment } from '../../../../utils/networks/nostr/types';

const ALICE = 'a'.repeat(63) + '1';
const BOB = 'b'.repeat(63) + '2';
const CREATED = 1_760_000_000;

const photo: MediaAttachment = {
  url: 'https://blossom.example/' + 'c'.repeat(64) + '.jpg',
  mimeType: 'image/jpeg',
  sha256: 'c'.repeat(64),
  size: 123_456,
  width: 2000,
  height: 1500,
  alt: 'A heron\non one leg',
};

describe('findHashtags', () => {
  it.each([
    ['#Nostr and #nostr and #NOSTR', ['nostr']],
    ['Trip to #Zürich #日本 #café_au_lait', ['zürich', '日本', 'café_au_lait']],
    ['not a tag: #1 or issue#4 or a&#39;b', []],
    ['(#inside) parentheses, #end.', ['inside', 'end']],
    ['https://example.com/page#section and https://example.com/#top', []],
    ['#2024goals', ['2024goals']],
  ])('%s', (text, expected) => {
    expect(findHashtags(text)).toEqual(expected);
  });
});

describe('mentions (NIP-27)', () => {
  const npub = npubEncode(ALICE);
  const nprofile = nprofileEncode({ pubkey: BOB, relays: ['wss://relay.bob.example'] });

  it('prefixes bare npub and nprofile codes with nostr:, dropping an @', () => {
    expect(linkBareMentions(`hi @${npub} and ${nprofile}!`)).toBe(
      `hi nostr:${npub} and nostr:${nprofile}!`,
    );
  });

  it('leaves codes that are already URIs, inside links, or not valid bech32', () => {
    const broken = npub.slice(0, -1) + (npub.endsWith('q') ? 'p' : 'q');
    const text = `nostr:${npub} https://njump.me/${npub} ${broken}`;
    expect(linkBareMentions(text)).toBe(text);
  });

  it('finds each mentioned person once, with nprofile relay hints', () => {
    expect(findMentions(`nostr:${npub} nostr:${nprofile} nostr:${npub}`)).toEqual([
      { pubkey: ALICE, relays: [] },
      { pubkey: BOB, relays: ['wss://relay.bob.example'] },
    ]);
  });
});

describe('buildNote', () => {
  it('makes a kind-1 note with the text as content and nothing else for plain text', () => {
    expect(buildNote({ text: '  Hello, Nostr  ', createdAt: CREATED })).toEqual({
      kind: 1,
      content: 'Hello, Nostr',
      tags: [],
      created_at: CREATED,
    });
  });

  it('tags hashtags, mentions, the content warning and the language', () => {
    const npub = npubEncode(ALICE);
    const nprofile = nprofileEncode({ pubkey: BOB, relays: ['wss://relay.bob.example'] });
    const note = buildNote({
      text: `Spoilers for #Dune with @${npub} and nostr:${nprofile} https://example.com/review`,
      contentWarning: ' film spoilers ',
      language: 'EN',
      createdAt: CREATED,
    });
    expect(note.content).toBe(
      `Spoilers for #Dune with nostr:${npub} and nostr:${nprofile} https://example.com/review`,
    );
    expect(note.tags).toEqual([
      ['p', ALICE],
      ['p', BOB, 'wss://relay.bob.example'],
      ['t', 'dune'],
      ['content-warning', 'film spoilers'],
      ['L', 'ISO-639-1'],
      ['l', 'en', 'ISO-639-1'],
    ]);
  });

  it('writes a content warning without a reason as a bare tag', () => {
    const note = buildNote({ text: 'hm', contentWarning: '', createdAt: CREATED });
    expect(note.tags).toEqual([['content-warning']]);
  });

  it('skips a language that is not a two-letter code', () => {
    expect(buildNote({ text: 'x', language: 'english', createdAt: CREATED }).tags).toEqual([]);
  });

  it('adds each image URL to the content once and describes it with imeta', () => {
    const note = buildNote({ text: 'A heron', media: [photo], createdAt: CREATED });
    expect(note.content).toBe(`A heron\n${photo.url}`);
    expect(note.tags).toEqual([
      [
        'imeta',
        `url ${photo.url}`,
        'm image/jpeg',
        `x ${'c'.repeat(64)}`,
        'size 123456',
        'dim 2000x1500',
        'alt A heron on one leg',
      ],
    ]);
    expect(parseImeta(note.tags[0]!)).toMatchObject({ url: photo.url, dim: '2000x1500' });
    expect(noteContent(`see ${photo.url}`, [photo])).toBe(`see ${photo.url}`);
    expect(noteContent('', [photo])).toBe(photo.url);
  });

  it('does not tag a hashtag that only appears in an image URL', () => {
    const odd = { ...photo, url: 'https://blossom.example/x.jpg#frag' };
    expect(buildNote({ text: 'pic', media: [odd], createdAt: CREATED }).tags[0]?.[0]).toBe('imeta');
  });

  it('puts the NIP-10 reply tags first and does not repeat a p tag for a mentioned author', () => {
    const note = buildNote({
      text: `part two, cc nostr:${npubEncode(ALICE)}`,
      replyTo: {
        root: { id: '1'.repeat(64), pubkey: ALICE, relay: 'wss://r.example' },
        parent: { id: '1'.repeat(64), pubkey: ALICE, relay: 'wss://r.example' },
      },
      createdAt: CREATED,
    });
    expect(note.tags).toEqual([
      ['e', '1'.repeat(64), 'wss://r.example', 'root', ALICE],
      ['p', ALICE],
    ]);
  });
});
