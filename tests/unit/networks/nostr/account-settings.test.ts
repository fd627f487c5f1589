import { describe, expect, it } from 'vitest';
import { editedSettings } from '@/utils/networks/nostr/connect';
import { parseProfile } from '@/utils/networks/nostr/profile';
import { relaysFromText } from '@/utils/networks/nostr/relay-text';
import type { NostrAccountSettings } from '@/utils/networks/nostr/types';

const current: NostrAccountSettings = {
  signer: 'bunker',
  relays: { read: ['wss://read.example'], write: ['wss://old.example'] },
  mediaServers: [],
};

describe("a Nostr account's edited settings", () => {
  it('normalizes relays and media servers, each once, and keeps the rest', () => {
    const edited = editedSettings(current, {
      writeRelays: relaysFromText(
        'relay.example.com\n wss://Relay.Example.com/ , ws://127.0.0.1:7000',
      ),
      mediaServers: ['blossom.example/', 'https://blossom.example', ''],
    });
    expect(edited).toEqual({
      signer: 'bunker',
      relays: {
        read: ['wss://read.example'],
        write: ['wss://relay.example.com', 'ws://127.0.0.1:7000'],
      },
      mediaServers: ['https://blossom.example'],
    });
  });

  it('refuses a list without a relay to post to, and an address that is no media server', () => {
    expect(() =>
      editedSettings(current, { writeRelays: ['https://web.example'], mediaServers: [] }),
    ).toThrow('Name at least one relay');
    expect(() =>
      editedSettings(current, {
        writeRelays: ['wss://r.example'],
        mediaServers: ['ftp://files.example'],
      }),
    ).toThrow('not a media server address');
  });
});

describe('the kind-0 profile', () => {
  it('takes the display name (else the name) and the picture, as strings only', () => {
    expect(
      parseProfile({
        content: '{"name":"al","display_name":" Alice ","picture":"https://p.example/a.png"}',
      }),
    ).toEqual({
      name: 'Alice',
      picture: 'https://p.example/a.png',
    });
    expect(parseProfile({ content: '{"name":"al","display_name":42}' })).toEqual({ name: 'al' });
    expect(parseProfile({ content: 'not json' })).toEqual({});
    expect(parseProfile(undefined)).toEqual({});
  });
});
