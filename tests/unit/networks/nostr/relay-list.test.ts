import { describe, expect, it } from 'vitest';
import {
  buildRelayList,
  newestEvent,
  parseRelayList,
} from '../../../../utils/networks/nostr/relay-list';
import {
  normalizeMediaServer,
  parseMediaServerList,
} from '../../../../utils/networks/nostr/media-servers';
import { normalizeRelayUrl, uniqueRelays } from '../../../../utils/networks/nostr/relay-url';

describe('normalizeRelayUrl', () => {
  it.each([
    ['relay.example.com', 'wss://relay.example.com'],
    ['wss://Relay.Example.com/', 'wss://relay.example.com'],
    ['  wss://relay.example.com/nostr/ ', 'wss://relay.example.com/nostr'],
    ['ws://127.0.0.1:7000', 'ws://127.0.0.1:7000'],
    ['wss://relay.example.com:443', 'wss://relay.example.com'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeRelayUrl(input)).toBe(expected);
  });

  it.each(['https://relay.example.com', '', 'wss://user:pw@relay.example', 'not a url at all'])(
    'refuses %j',
    (input) => {
      expect(normalizeRelayUrl(input)).toBeUndefined();
    },
  );

  it('lists each relay once', () => {
    expect(uniqueRelays(['wss://a.example/', 'a.example', 'nope://x', 'wss://b.example'])).toEqual([
      'wss://a.example',
      'wss://b.example',
    ]);
  });
});

describe('NIP-65 relay lists', () => {
  const event = {
    kind: 10002,
    created_at: 1_760_000_000,
    tags: [
      ['r', 'wss://both.example/'],
      ['r', 'wss://write.example', 'write'],
      ['r', 'wss://read.example', 'read'],
      ['r', 'https://not-a-relay.example'],
      ['p', 'wss://ignored.example'],
      ['r'],
    ],
  };

  it('reads unmarked relays as read and write, marked ones as one of them', () => {
    expect(parseRelayList(event)).toEqual({
      read: ['wss://both.example', 'wss://read.example'],
      write: ['wss://both.example', 'wss://write.example'],
      createdAt: 1_760_000_000,
    });
  });

  it('reads nothing from another kind', () => {
    expect(parseRelayList({ ...event, kind: 3 })).toEqual({ read: [], write: [] });
  });

  it('writes an edited list back, round-tripping', () => {
    const list = parseRelayList(event);
    const built = buildRelayList(list, 1_760_000_100);
    expect(built).toEqual({
      kind: 10002,
      content: '',
      created_at: 1_760_000_100,
      tags: [
        ['r', 'wss://both.example'],
        ['r', 'wss://write.example', 'write'],
        ['r', 'wss://read.example', 'read'],
      ],
    });
    expect(parseRelayList(built)).toMatchObject({ read: list.read, write: list.write });
  });

  it('keeps the newest copy, the lowest id on a tie', () => {
    const a = { id: 'b', created_at: 5 };
    const b = { id: 'a', created_at: 5 };
    const c = { id: 'c', created_at: 4 };
    expect(newestEvent([c, a, b])).toBe(b);
    expect(newestEvent([])).toBeUndefined();
  });
});

describe('BUD-03 media server lists', () => {
  it('reads server tags in order, each once, http(s) only', () => {
    expect(
      parseMediaServerList({
        kind: 10063,
        tags: [
          ['server', 'https://cdn.one.example/'],
          ['server', 'cdn.two.example'],
          ['server', 'https://cdn.one.example'],
          ['server', 'ftp://nope.example'],
          ['relay', 'https://nope.example'],
        ],
      }),
    ).toEqual(['https://cdn.one.example', 'https://cdn.two.example']);
  });

  it('normalizes typed addresses', () => {
    expect(normalizeMediaServer('blossom.example')).toBe('https://blossom.example');
    expect(normalizeMediaServer('http://127.0.0.1:3000/')).toBe('http://127.0.0.1:3000');
    expect(normalizeMediaServer('https://x.example/?a=1')).toBeUndefined();
  });
});
