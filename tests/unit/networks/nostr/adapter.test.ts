import { beforeEach, describe, expect, it, vi } from 'vitest';
import { finalizeEvent, generateSecretKey, getPublicKey, verifyEvent } from 'nostr-tools/pure';
import { nsecEncode } from 'nostr-tools/nip19';
import { bytesToHex } from 'nostr-tools/utils';
import { listAccounts, upsertAccount } from '@/utils/accounts';
import { CrosswindError } from '@/utils/errors';
import { nostrAdapter } from '@/utils/networks/nostr/adapter';
import { forgetUnlocked } from '@/utils/networks/nostr/credentials';
import { publishToRelays } from '@/utils/networks/nostr/publish';
import { lookupRelaysStorage } from '@/utils/networks/nostr/settings';
import type { EventTemplate, NoteRecord } from '@/utils/networks/nostr/types';
import {
  checkpointFor,
  memorySlot,
  type CheckpointSlot,
  type PartCheckpoint,
} from '@/utils/networks/checkpoint';
import type { Account } from '@/utils/networks/types';
import { defineVaultItem } from '@/utils/vault';
import { blossom, nodeWebSocket, relay } from './servers';

// The adapter as the publisher drives it, against a real relay and Blossom server: the service
// worker's WebSocket is Node's `ws` here.

beforeEach(() => {
  vi.stubGlobal('WebSocket', nodeWebSocket);
  return () => vi.unstubAllGlobals();
});

/** Puts a signed event on the relays, as the user's other clients would have. */
async function publishAs(
  secretKey: Uint8Array,
  template: Omit<EventTemplate, 'created_at'>,
  relays: string[],
) {
  const event = finalizeEvent(
    { ...template, created_at: Math.floor(Date.now() / 1000) },
    secretKey,
  );
  await publishToRelays(event, relays);
}

/** Connects through the form sign-in, as the options page does, and keeps the account. */
async function connectLocalKey(secretKey: Uint8Array, lookup: string[], mediaServer?: string) {
  await lookupRelaysStorage.setValue(lookup);
  if (nostrAdapter.signIn.kind !== 'form') throw new Error('Nostr signs in with a form');
  const account = await nostrAdapter.signIn.connect({
    method: 'local-key',
    key: nsecEncode(secretKey),
    passphrase: 'a long passphrase',
    ...(mediaServer && { mediaServer }),
  });
  await upsertAccount(account);
  return account;
}

/** The part's checkpoint as the job keeps it, with every note saved, in order. */
function jobRecord(): CheckpointSlot & { saves: NoteRecord[]; readonly note?: NoteRecord } {
  const slot = memorySlot();
  const record = {
    saves: [] as NoteRecord[],
    get current() {
      return slot.current;
    },
    get note() {
      return checkpointFor(slot, 'nostr')?.note;
    },
    save: async (value: PartCheckpoint) => {
      if (value.network === 'nostr') record.saves.push(structuredClone(value.note));
      await slot.save(value);
    },
  };
  return record;
}

const options = (checkpoint: CheckpointSlot) => ({
  idempotencyKey: 'k',
  isRetry: false,
  checkpoint,
});

describe('connecting a Nostr account', () => {
  it('reads the relay list, media servers and profile the user published, and keeps only the encrypted key', async () => {
    const lookup = await relay();
    const own = await relay();
    const secretKey = generateSecretKey();
    await publishAs(
      secretKey,
      {
        kind: 10002,
        content: '',
        tags: [
          ['r', own.url, 'write'],
          ['r', lookup.url, 'read'],
        ],
      },
      [lookup.url],
    );
    await publishAs(
      secretKey,
      { kind: 10063, content: '', tags: [['server', 'https://cdn.example.com/']] },
      [own.url],
    );
    await publishAs(
      secretKey,
      { kind: 0, content: JSON.stringify({ display_name: 'Alice' }), tags: [] },
      [own.url],
    );

    const account = await connectLocalKey(secretKey, [lookup.url]);
    expect(account).toMatchObject({
      id: `nostr:${getPublicKey(secretKey)}`,
      network: 'nostr',
      remoteId: getPublicKey(secretKey),
      displayName: 'Alice',
      nostr: {
        signer: 'local-key',
        relays: { write: [own.url], read: [lookup.url] },
        mediaServers: ['https://cdn.example.com'],
        locked: false,
      },
    });
    // The vault has the NIP-49 form only; the raw key is nowhere in it or in storage.local.
    const stored = await defineVaultItem<{ pubkey: string; secret: { ncryptsec: string } }>(
      'nostr-key',
    ).get(account.id);
    expect(stored?.secret.ncryptsec).toMatch(/^ncryptsec1/);
    expect(JSON.stringify(stored)).not.toContain(bytesToHex(secretKey));
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    expect(JSON.stringify(await fakeBrowser.storage.local.get())).not.toContain(
      bytesToHex(secretKey),
    );
  });

  it('posts to the look-up relays when the user has no relay list', async () => {
    const lookup = await relay();
    const account = await connectLocalKey(generateSecretKey(), [lookup.url]);
    expect(account.nostr?.relays).toEqual({ read: [lookup.url], write: [lookup.url] });
    expect(account.nostr?.mediaServers).toEqual([]);
  });
});

describe('publishing a note', () => {
  it('records the signed event before any relay has it, and returns it with the relays that took it', async () => {
    const server = await relay();
    const account = await connectLocalKey(generateSecretKey(), [server.url]);
    const record = jobRecord();
    const received: number[] = [];
    const original = record.save;
    record.save = async (value) => {
      received.push(server.received().length);
      await original(value);
    };
    const post = await nostrAdapter.publish(
      account,
      { text: 'hello #Nostr', spoilerText: 'spoilers', language: 'en' },
      options(record),
    );

    // First save: the signed event, while the relay had seen nothing yet.
    expect(received[0]).toBe(0);
    expect(record.saves[0]?.outcomes).toBeUndefined();
    const event = record.note!.event!;
    expect(verifyEvent({ ...event })).toBe(true);
    expect(event.tags).toEqual([
      ['t', 'nostr'],
      ['content-warning', 'spoilers'],
      ['L', 'ISO-639-1'],
      ['l', 'en', 'ISO-639-1'],
    ]);
    expect(post).toMatchObject({ id: event.id, relays: [server.url] });
    expect(post.url).toMatch(/^https:\/\/njump\.me\/nevent1/);
    expect(record.note?.outcomes).toEqual([{ relay: server.url, status: 'ok', message: '' }]);
  });

  it('a retry resends the recorded event, even with the key locked: never a second note', async () => {
    const server = await relay();
    const account = await connectLocalKey(generateSecretKey(), [server.url]);
    const record = jobRecord();
    server.faults.silence();
    // The relay stores the note but its OK never comes: the attempt ends with a timeout.
    await expect(
      nostrAdapter.publish(
        account,
        { text: 'once' },
        { ...options(record), signal: AbortSignal.timeout(60_000) },
      ),
    ).rejects.toThrow(CrosswindError);
    const first = record.note?.event;
    expect(first).toBeDefined();
    server.faults.reset();
    await forgetUnlocked(account.id);

    const post = await nostrAdapter.publish(account, { text: 'once' }, options(record));
    expect(post.id).toBe(first!.id);
    expect(server.events({ kinds: [1] })).toHaveLength(1);
    expect(server.received().map((event) => event.id)).toEqual([first!.id, first!.id]);
  }, 30_000);

  it('a thread part points at the first and previous parts with NIP-10 marked tags', async () => {
    const server = await relay();
    const account = await connectLocalKey(generateSecretKey(), [server.url]);
    const root = await nostrAdapter.publish(account, { text: 'one' }, options(jobRecord()));
    const second = await nostrAdapter.publish(
      account,
      { text: 'two', replyTo: { root, parent: root } },
      options(jobRecord()),
    );
    const third = jobRecord();
    await nostrAdapter.publish(
      account,
      { text: 'three', replyTo: { root, parent: second } },
      options(third),
    );
    expect(third.note?.event?.tags).toEqual([
      ['e', root.id, server.url, 'root', account.remoteId],
      ['e', second.id, server.url, 'reply', account.remoteId],
      ['p', account.remoteId],
    ]);
  });

  it('a locked key signs nothing, says "Unlock", and marks the account locked for the composer', async () => {
    const server = await relay();
    const account = await connectLocalKey(generateSecretKey(), [server.url]);
    await forgetUnlocked(account.id);
    const failure = nostrAdapter.publish(account, { text: 'locked' }, options(jobRecord()));
    await expect(failure).rejects.toMatchObject({
      kind: 'auth',
      message: expect.stringContaining('Unlock your Nostr key'),
    });
    expect((await listAccounts())[0]?.nostr?.locked).toBe(true);
    expect(server.received()).toHaveLength(0);
  });

  it('signs only for the key the vault entry was bound to', async () => {
    const server = await relay();
    const account = await connectLocalKey(generateSecretKey(), [server.url]);
    const changed: Account = { ...account, remoteId: getPublicKey(generateSecretKey()) };
    await expect(
      nostrAdapter.publish(changed, { text: 'x' }, options(jobRecord())),
    ).rejects.toMatchObject({ kind: 'auth' });
    expect(server.received()).toHaveLength(0);
  });

  it('names each relay when none took the note: retryable while one was unreachable', async () => {
    const server = await relay();
    const account = await connectLocalKey(generateSecretKey(), [server.url]);
    server.faults.down();
    const record = jobRecord();
    await expect(
      nostrAdapter.publish(account, { text: 'nobody' }, options(record)),
    ).rejects.toMatchObject({
      kind: 'network',
      retryable: true,
    });
    expect(record.note?.outcomes).toEqual([
      expect.objectContaining({ relay: server.url, status: 'unreachable' }),
    ]);
  });
});

describe('images and deletion', () => {
  it('uploads to the first media server and returns what the note needs for imeta', async () => {
    const server = await relay();
    const media = await blossom();
    const account = await connectLocalKey(generateSecretKey(), [server.url], media.url);
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]);
    const uploaded = await nostrAdapter.uploadImage(
      account,
      { blob: new Blob([bytes], { type: 'image/jpeg' }), alt: 'a dot', width: 1, height: 1 },
      {},
    );
    expect(uploaded).toMatchObject({ alt: 'a dot', mimeType: 'image/jpeg', size: 6 });
    expect(uploaded.url).toBe(`${media.url}/${uploaded.id}.jpg`);
    expect(media.blobs.has(uploaded.id)).toBe(true);

    const record = jobRecord();
    await nostrAdapter.publish(account, { text: 'pic', media: [uploaded] }, options(record));
    expect(record.note?.event?.tags).toContainEqual([
      'imeta',
      `url ${uploaded.url}`,
      'm image/jpeg',
      `x ${uploaded.id}`,
      'size 6',
      'dim 1x1',
      'alt a dot',
    ]);
  });

  it('without a media server, says so instead of uploading', async () => {
    const server = await relay();
    const account = await connectLocalKey(generateSecretKey(), [server.url]);
    await expect(
      nostrAdapter.uploadImage(
        account,
        { blob: new Blob([new Uint8Array([1])]), alt: '', width: 1, height: 1 },
        {},
      ),
    ).rejects.toMatchObject({
      kind: 'validation',
      message: expect.stringContaining('no media server'),
    });
  });

  it('deletes with a NIP-09 request to the relays that took the note', async () => {
    const server = await relay();
    const account = await connectLocalKey(generateSecretKey(), [server.url]);
    const post = await nostrAdapter.publish(account, { text: 'gone soon' }, options(jobRecord()));
    expect(await nostrAdapter.remove(account, post)).toBe('deleted');
    const deletion = server.received().find((event) => event.kind === 5);
    expect(deletion?.tags).toEqual([
      ['e', post.id],
      ['k', '1'],
    ]);
    expect(server.events({ kinds: [1] })).toHaveLength(0);
  });
});
