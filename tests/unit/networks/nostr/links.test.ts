import { describe, expect, it } from 'vitest';
import { decode } from 'nostr-tools/nip19';
import { noteWebUrl, profileWebUrl, shortNpub } from '../../../../utils/networks/nostr/links';

const PUBKEY = '3bf0c63fcb93463407af97a5e5ee64fa883d107ef9e558472c4eb9aaaefa459d';
const ID = 'e'.repeat(64);

describe('Nostr web links', () => {
  it('links a note through njump with its author, kind and at most two relay hints', () => {
    const url = noteWebUrl({ id: ID, pubkey: PUBKEY, kind: 1 }, [
      'wss://one.example',
      'wss://two.example',
      'wss://three.example',
    ]);
    expect(url).toMatch(/^https:\/\/njump\.me\/nevent1/);
    expect(decode(url.slice('https://njump.me/'.length))).toEqual({
      type: 'nevent',
      data: {
        id: ID,
        author: PUBKEY,
        kind: 1,
        relays: ['wss://one.example', 'wss://two.example'],
      },
    });
  });

  it('links a profile and shortens its npub for lists', () => {
    expect(profileWebUrl(PUBKEY)).toBe(
      'https://njump.me/npub180cvv07tjdrrgpa0j7j7tmnyl2yr6yr7l8j4s3evf6u64th6gkwsyjh6w6',
    );
    expect(shortNpub(PUBKEY)).toBe('npub180cv…h6w6');
  });
});
