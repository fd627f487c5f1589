import { describe, expect, it } from 'vitest';
import { finalizeEvent, generateSecretKey } from 'nostr-tools/pure';
import { publishToRelay, publishToRelays } from '../../../../utils/networks/nostr/publish';
import { wordingText } from '../../../../utils/i18n/wording';
import { summarize, describeOutcome } from '../../../../utils/networks/nostr/relay-results';
import { plainEvent } from '../../../../utils/networks/nostr/signer';
import { waitUntil } from '../../../servers/nostr/testing';
import { deadRelayUrl, nodeWebSocket, relay } from './servers';

const options = { websocketImplementation: nodeWebSocket, timeoutMs: 1500 };

function signedNote(content = 'hello relays') {
  return plainEvent(
    finalizeEvent(
      { kind: 1, content, tags: [], created_at: Math.floor(Date.now() / 1000) },
      generateSecretKey(),
    ),
  );
}

async function timed(targets: string[]): Promise<number> {
  const started = performance.now();
  await publishToRelays(signedNote(), targets, { ...options, timeoutMs: 400 });
  return performance.now() - started;
}

describe('publishToRelay against a real relay', () => {
  it('reports ok and the relay stores the event', async () => {
    const server = await relay();
    const event = signedNote();
    expect(await publishToRelay(event, server.url, options)).toEqual({
      relay: server.url,
      status: 'ok',
      message: '',
    });
    expect(server.events()).toEqual([event]);
  });

  it('counts "duplicate:" as ok', async () => {
    const server = await relay();
    const event = signedNote();
    await publishToRelay(event, server.url, options);
    const again = await publishToRelay(event, server.url, options);
    expect(again.status).toBe('ok');
    expect(again.message).toMatch(/^duplicate:/);
    expect(server.events()).toHaveLength(1);
  });

  it("reports a refusal with the relay's own message", async () => {
    const server = await relay();
    server.faults.refuse('blocked: this relay is for members only');
    expect(await publishToRelay(signedNote(), server.url, options)).toEqual({
      relay: server.url,
      status: 'refused',
      message: 'blocked: this relay is for members only',
    });
  });

  it('reports a relay that stopped answering as a timeout', async () => {
    const server = await relay();
    server.faults.silence();
    const outcome = await publishToRelay(signedNote(), server.url, { ...options, timeoutMs: 300 });
    expect(outcome).toEqual({ relay: server.url, status: 'timeout' });
  });

  it('reports a relay that drops the connection before answering as unreachable', async () => {
    const server = await relay();
    server.faults.silence();
    const pending = publishToRelay(signedNote(), server.url, options);
    await waitUntil(() => server.received().length === 1);
    server.faults.down();
    expect(await pending).toEqual({
      relay: server.url,
      status: 'unreachable',
      message: 'the relay closed the connection',
    });
  });

  it('reports a relay that is down or gone as unreachable', async () => {
    const down = await relay();
    down.faults.down();
    expect((await publishToRelay(signedNote(), down.url, options)).status).toBe('unreachable');
    const gone = await deadRelayUrl();
    expect((await publishToRelay(signedNote(), gone, options)).status).toBe('unreachable');
    expect((await publishToRelay(signedNote(), 'wss://', options)).status).toBe('unreachable');
  });
});

describe('publishToRelays', () => {
  it('sends to every relay at once, one outcome each in order; one down still posts', async () => {
    const first = await relay();
    const second = await relay();
    second.faults.down();
    const slow = await relay();
    slow.faults.silence();
    const event = signedNote('to three relays');
    const outcomes = await publishToRelays(event, [first.url, second.url, slow.url], {
      ...options,
      timeoutMs: 600,
    });
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['ok', 'unreachable', 'timeout']);
    const summary = summarize(outcomes);
    expect(summary.posted).toBe(true);
    expect(summary.failed.map((outcome) => wordingText(describeOutcome(outcome)))).toEqual([
      `${new URL(second.url).host} could not be reached`,
      `${new URL(slow.url).host} did not answer in time`,
    ]);
    expect(first.events()).toEqual([event]);
    // The silent relay kept it even though it never said so.
    expect(slow.events()).toEqual([event]);
  });

  it('waits for slow relays side by side, not one after another', async () => {
    const slow = await Promise.all([relay(), relay(), relay()]);
    for (const server of slow) server.faults.silence();
    const urls = slow.map((server) => server.url);
    const one = await timed(urls.slice(0, 1));
    const three = await timed(urls);
    // One after another would take three times as long as one relay alone.
    expect(three / one).toBeLessThan(2);
  });
});
