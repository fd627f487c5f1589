import { describe, expect, it } from 'vitest';
import { finalizeEvent, generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { WebSocket } from 'ws';
import { okFor, rawClient, startRelay } from './testing';

const now = () => Math.floor(Date.now() / 1000);

/** A signed event as plain JSON, the way it travels (finalizeEvent also marks it with a symbol). */
function note(secretKey: Uint8Array, content: string, kind = 1, tags: string[][] = []) {
  return plain(finalizeEvent({ kind, content, tags, created_at: now() }, secretKey));
}

function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

describe('Nostr test relay', () => {
  it('listens on 127.0.0.1 only', async () => {
    const relay = await startRelay();
    expect(relay.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
  });

  it('stores a signed event, answers OK true and serves it to REQ', async () => {
    const relay = await startRelay();
    const client = await rawClient(relay.url);
    const key = generateSecretKey();
    const event = note(key, 'hello relay');

    client.send(['EVENT', event]);
    expect(await client.next(okFor(event.id))).toEqual(['OK', event.id, true, '']);

    client.send(['REQ', 'sub', { authors: [getPublicKey(key)], kinds: [1] }]);
    expect(await client.next((reply) => reply[0] === 'EVENT')).toEqual(['EVENT', 'sub', event]);
    await client.next((reply) => reply[0] === 'EOSE' && reply[1] === 'sub');
    expect(relay.events()).toEqual([event]);
  });

  it('answers "duplicate:" with OK true for an event it already holds', async () => {
    const relay = await startRelay();
    const client = await rawClient(relay.url);
    const event = note(generateSecretKey(), 'twice');
    client.send(['EVENT', event]);
    await client.next(okFor(event.id));
    client.send(['EVENT', event]);
    const [, , ok, message] = await client.next(okFor(event.id));
    expect(ok).toBe(true);
    expect(message).toMatch(/^duplicate:/);
    expect(relay.events()).toHaveLength(1);
    expect(relay.received()).toHaveLength(2);
  });

  it('refuses an event whose signature does not match', async () => {
    const relay = await startRelay();
    const client = await rawClient(relay.url);
    const event = note(generateSecretKey(), 'original');
    const forged = { ...event, sig: note(generateSecretKey(), 'other').sig };
    client.send(['EVENT', forged]);
    const [, , ok, message] = await client.next(okFor(event.id));
    expect(ok).toBe(false);
    expect(message).toMatch(/^invalid:/);
    expect(relay.events()).toEqual([]);
  });

  it('refuses events with the message a test chose, then accepts them after reset', async () => {
    const relay = await startRelay();
    const client = await rawClient(relay.url);
    const event = note(generateSecretKey(), 'refused');
    relay.faults.refuse('blocked: paid relay, please subscribe');
    client.send(['EVENT', event]);
    expect(await client.next(okFor(event.id))).toEqual([
      'OK',
      event.id,
      false,
      'blocked: paid relay, please subscribe',
    ]);
    expect(relay.events()).toEqual([]);

    relay.faults.reset();
    client.send(['EVENT', event]);
    expect(await client.next(okFor(event.id))).toEqual(['OK', event.id, true, '']);
  });

  it('refuses only the kinds named, so other traffic still flows', async () => {
    const relay = await startRelay();
    const client = await rawClient(relay.url);
    const key = generateSecretKey();
    relay.faults.refuse('blocked: no notes here', [1]);
    const text = note(key, 'a note');
    const list = note(key, '', 10002, [['r', 'wss://relay.example']]);
    client.send(['EVENT', text]);
    client.send(['EVENT', list]);
    expect((await client.next(okFor(text.id)))[2]).toBe(false);
    expect((await client.next(okFor(list.id)))[2]).toBe(true);
  });

  it('keeps a silenced event without answering OK; the resend is a duplicate', async () => {
    const relay = await startRelay();
    const client = await rawClient(relay.url);
    const event = note(generateSecretKey(), 'answer lost');
    relay.faults.silence();
    client.send(['EVENT', event]);
    await expect(client.next(okFor(event.id), 300)).rejects.toThrow(/no matching reply/);
    expect(relay.events()).toEqual([event]);

    relay.faults.reset();
    client.send(['EVENT', event]);
    expect((await client.next(okFor(event.id)))[3]).toMatch(/^duplicate:/);
    expect(relay.events()).toHaveLength(1);
  });

  it('when down, drops open connections and refuses new ones until reset', async () => {
    const relay = await startRelay();
    const client = await rawClient(relay.url);
    expect(relay.connections()).toBe(1);
    relay.faults.down();
    await expect(rawClient(relay.url)).rejects.toThrow(/503/);
    expect(relay.connections()).toBe(0);
    const event = note(generateSecretKey(), 'after the outage');
    client.send(['EVENT', event]);
    await expect(client.next(okFor(event.id), 200)).rejects.toThrow();

    relay.faults.reset();
    const again = await rawClient(relay.url);
    again.send(['EVENT', event]);
    expect((await again.next(okFor(event.id)))[2]).toBe(true);
  });

  it('keeps only the newest relay list (kind 10002) of an author', async () => {
    const relay = await startRelay();
    const client = await rawClient(relay.url);
    const key = generateSecretKey();
    const older = plain(
      finalizeEvent(
        { kind: 10002, content: '', tags: [['r', 'wss://old.example']], created_at: now() - 60 },
        key,
      ),
    );
    const newer = plain(
      finalizeEvent(
        { kind: 10002, content: '', tags: [['r', 'wss://new.example']], created_at: now() },
        key,
      ),
    );
    client.send(['EVENT', newer]);
    await client.next(okFor(newer.id));
    client.send(['EVENT', older]);
    await client.next(okFor(older.id));
    expect(relay.events({ kinds: [10002] })).toEqual([newer]);
  });

  it("deletes an author's own event on a kind-5 request and keeps the request", async () => {
    const relay = await startRelay();
    const client = await rawClient(relay.url);
    const author = generateSecretKey();
    const stranger = generateSecretKey();
    const mine = note(author, 'mine');
    const theirs = note(stranger, 'theirs');
    for (const event of [mine, theirs]) {
      client.send(['EVENT', event]);
      await client.next(okFor(event.id));
    }
    const deletion = note(author, '', 5, [
      ['e', mine.id],
      ['e', theirs.id],
      ['k', '1'],
    ]);
    client.send(['EVENT', deletion]);
    expect((await client.next(okFor(deletion.id)))[2]).toBe(true);
    expect(relay.events({ kinds: [1] })).toEqual([theirs]);
    expect(relay.events({ kinds: [5] })).toEqual([deletion]);
  });

  it('delivers live events to a subscription filtered by #p', async () => {
    const relay = await startRelay();
    const listener = await rawClient(relay.url);
    const sender = await rawClient(relay.url);
    const target = getPublicKey(generateSecretKey());
    listener.send(['REQ', 'live', { kinds: [24133], '#p': [target], limit: 0 }]);
    await listener.next((reply) => reply[0] === 'EOSE');
    const ephemeral = note(generateSecretKey(), 'ping', 24133, [['p', target]]);
    sender.send(['EVENT', ephemeral]);
    expect(await listener.next((reply) => reply[0] === 'EVENT')).toEqual([
      'EVENT',
      'live',
      ephemeral,
    ]);
    // Ephemeral events are passed on, never stored.
    expect(relay.events()).toEqual([]);
  });

  it('closes cleanly with clients still connected', async () => {
    const relay = await startRelay();
    const socket = new WebSocket(relay.url);
    await new Promise((resolve) => socket.once('open', resolve));
    await relay.close();
    await expect(rawClient(relay.url)).rejects.toThrow();
  });
});
