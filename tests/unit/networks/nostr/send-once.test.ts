import { describe, expect, it } from 'vitest';
import { generateSecretKey, getPublicKey, verifyEvent } from 'nostr-tools/pure';
import { buildDeletion } from '../../../../utils/networks/nostr/deletion';
import { localKeySigner } from '../../../../utils/networks/nostr/local-key';
import { buildNote } from '../../../../utils/networks/nostr/note';
import { publishToRelays } from '../../../../utils/networks/nostr/publish';
import { summarize } from '../../../../utils/networks/nostr/relay-results';
import { sendNote, type NoteRecord } from '../../../../utils/networks/nostr/send-once';
import type { NostrSigner } from '../../../../utils/networks/nostr/signer';
import type { SignedEvent } from '../../../../utils/networks/nostr/types';
import { nodeWebSocket, relay } from './servers';

const publish =
  (timeoutMs = 1500) =>
  (event: Parameters<typeof publishToRelays>[0], relays: string[]) =>
    publishToRelays(event, relays, { websocketImplementation: nodeWebSocket, timeoutMs });

/** A local signer that counts how often it was asked to sign. */
function countingSigner() {
  const key = generateSecretKey();
  const inner = localKeySigner(key);
  let signatures = 0;
  const signer: NostrSigner = {
    ...inner,
    signEvent: (template) => {
      signatures += 1;
      return inner.signEvent(template);
    },
  };
  return { signer, pubkey: getPublicKey(key), signatures: () => signatures };
}

/** A job store as the outbox keeps it: the record survives a stopped worker. */
function store() {
  let saved: NoteRecord = {};
  const log: string[] = [];
  return {
    get: () => structuredClone(saved),
    save: async (record: NoteRecord) => {
      log.push(record.outcomes ? 'saved outcomes' : 'saved event');
      saved = structuredClone(record);
    },
    log,
  };
}

const now = () => Math.floor(Date.now() / 1000);

describe('sendNote: sign once, record, resend the same event', () => {
  it('records the signed event before the first relay sees it', async () => {
    const server = await relay();
    const account = countingSigner();
    const jobs = store();
    const seen: string[] = [];
    await sendNote({
      record: jobs.get(),
      build: () => buildNote({ text: 'first note', createdAt: now() }),
      signer: account.signer,
      pubkey: account.pubkey,
      relays: [server.url],
      publish: async (event, relays) => {
        seen.push(`published with ${jobs.log.length} saves`);
        return publish()(event, relays);
      },
      save: jobs.save,
    });
    expect(seen).toEqual(['published with 1 saves']);
    expect(jobs.log).toEqual(['saved event', 'saved outcomes']);
    expect(jobs.get().outcomes).toEqual([{ relay: server.url, status: 'ok', message: '' }]);
  });

  it('after an answer was lost, the retry sends the very same event: one note on the relay', async () => {
    const server = await relay();
    const account = countingSigner();
    const jobs = store();
    const input = {
      build: () => buildNote({ text: 'exactly once', createdAt: now() }),
      signer: account.signer,
      pubkey: account.pubkey,
      relays: [server.url],
      save: jobs.save,
    };
    // The relay stores the note but its OK never arrives (the worker stopped, the network blinked).
    server.faults.silence();
    await expect(
      sendNote({ ...input, record: jobs.get(), publish: publish(300) }),
    ).rejects.toMatchObject({
      kind: 'network',
      retryable: true,
    });
    const recorded = jobs.get().event!;
    server.faults.reset();

    // A fresh worker: only the record is left. Retrying must not build or sign anything new.
    const retried = await sendNote({ ...input, record: jobs.get(), publish: publish() });
    expect(retried.event).toEqual(recorded);
    expect(account.signatures()).toBe(1);
    expect(retried.outcomes).toEqual([
      { relay: server.url, status: 'ok', message: expect.stringMatching(/^duplicate:/) },
    ]);
    expect(server.events()).toEqual([recorded]);
    expect(server.received().map((event) => event.id)).toEqual([recorded.id, recorded.id]);
  });

  it('with one of two relays down it is posted, the down relay named, and only that one retried', async () => {
    const up = await relay();
    const down = await relay();
    down.faults.down();
    const account = countingSigner();
    const jobs = store();
    const input = {
      build: () => buildNote({ text: 'two relays', createdAt: now() }),
      signer: account.signer,
      pubkey: account.pubkey,
      relays: [up.url, down.url],
      publish: publish(),
      save: jobs.save,
    };
    const first = await sendNote({ ...input, record: jobs.get() });
    expect(summarize(first.outcomes)).toMatchObject({
      posted: true,
      accepted: [up.url],
      failed: [{ relay: down.url, status: 'unreachable' }],
    });

    down.faults.reset();
    const second = await sendNote({ ...input, record: jobs.get() });
    expect(summarize(second.outcomes)).toMatchObject({ accepted: [up.url, down.url], failed: [] });
    expect(up.received()).toHaveLength(1);
    expect(down.events()).toEqual([first.event]);
  });

  it('fails for good, naming each relay and its words, when every relay refuses', async () => {
    const server = await relay();
    server.faults.refuse('blocked: pay to post');
    const account = countingSigner();
    const jobs = store();
    await expect(
      sendNote({
        record: jobs.get(),
        build: () => buildNote({ text: 'nobody wants it', createdAt: now() }),
        signer: account.signer,
        pubkey: account.pubkey,
        relays: [server.url],
        publish: publish(),
        save: jobs.save,
      }),
    ).rejects.toMatchObject({
      kind: 'validation',
      retryable: false,
      message: `No relay accepted the note: ${new URL(server.url).host} refused it: “blocked: pay to post”.`,
    });
    // The signed event is kept: if the user fixes the relay, the same note goes out.
    expect(verifyEvent({ ...jobs.get().event! })).toBe(true);
  });

  it('posts a thread whose parts chain by NIP-10, then deletes it everywhere (NIP-09)', async () => {
    const server = await relay();
    const account = countingSigner();
    const parts = ['one', 'two', 'three'];
    const events: SignedEvent[] = [];
    for (const [index, text] of parts.entries()) {
      const root = events[0];
      const parent = events[index - 1];
      const { event } = await sendNote({
        record: {},
        build: () =>
          buildNote({
            text,
            createdAt: now(),
            ...(root &&
              parent && {
                replyTo: {
                  root: { id: root.id, pubkey: root.pubkey, relay: server.url },
                  parent: { id: parent.id, pubkey: parent.pubkey, relay: server.url },
                },
              }),
          }),
        signer: account.signer,
        pubkey: account.pubkey,
        relays: [server.url],
        publish: publish(),
        save: async () => {},
      });
      events.push(event);
    }
    const [first, second, third] = events;
    expect(second!.tags).toEqual([
      ['e', first!.id, server.url, 'root', account.pubkey],
      ['p', account.pubkey],
    ]);
    expect(third!.tags).toEqual([
      ['e', first!.id, server.url, 'root', account.pubkey],
      ['e', second!.id, server.url, 'reply', account.pubkey],
      ['p', account.pubkey],
    ]);
    expect(server.events({ kinds: [1] })).toHaveLength(3);

    await sendNote({
      record: {},
      build: () =>
        buildDeletion(
          events.map((event) => ({ ...event })),
          now(),
        ),
      signer: account.signer,
      pubkey: account.pubkey,
      relays: [server.url],
      publish: publish(),
      save: async () => {},
    });
    expect(server.events({ kinds: [1] })).toEqual([]);
    const [deletion] = server.events({ kinds: [5] });
    expect(deletion?.tags).toEqual([...events.map((event) => ['e', event.id]), ['k', '1']]);
  });
});
