import { describe, expect, it } from 'vitest';
import { replyTags } from '../../../../utils/networks/nostr/thread';

const ME = 'a'.repeat(64);
const FRIEND = 'f'.repeat(64);
const root = { id: '1'.repeat(64), pubkey: ME, relay: 'wss://relay.one' };
const second = { id: '2'.repeat(64), pubkey: ME, relay: 'wss://relay.one' };

describe('replyTags (NIP-10 marked tags)', () => {
  it('gives a direct reply to the root a single root-marked e tag', () => {
    expect(replyTags({ root, parent: root })).toEqual([
      ['e', root.id, 'wss://relay.one', 'root', ME],
      ['p', ME],
    ]);
  });

  it('gives deeper parts root then reply, each with its author', () => {
    expect(replyTags({ root, parent: second })).toEqual([
      ['e', root.id, 'wss://relay.one', 'root', ME],
      ['e', second.id, 'wss://relay.one', 'reply', ME],
      ['p', ME],
    ]);
  });

  it("inherits the parent's p tags and leaves an empty relay hint when none is known", () => {
    const parent = { id: '3'.repeat(64), pubkey: ME };
    expect(replyTags({ root, parent, parentParticipants: [FRIEND, ME] })).toEqual([
      ['e', root.id, 'wss://relay.one', 'root', ME],
      ['e', parent.id, '', 'reply', ME],
      ['p', ME],
      ['p', FRIEND],
    ]);
  });
});
