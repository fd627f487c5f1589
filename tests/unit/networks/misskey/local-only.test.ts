import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newDraft, type Draft } from '@/utils/compose/draft';
import { planTarget } from '@/utils/compose/plan';
import { capabilitiesOf, NETWORK_INFO } from '@/utils/networks/info';
import { MisskeyClient } from '@/utils/networks/misskey/client';
import { publishNote } from '@/utils/networks/misskey/publish';
import type { NetworkId } from '@/utils/networks/types';
import { draftStorage } from '@/utils/storage';
import { startMisskeyServer, type MisskeyServer } from '../../../servers/misskey';
import { miauthToken } from '../../../servers/misskey/testing';
import { testAccount } from '../../test-accounts';
import { loadMeasures } from '@/utils/networks/measures';

const measures = await loadMeasures();

// "Only on this server": asked once in the composer, kept with the draft, and sent as notes/create
// `localOnly` only to accounts whose network has the capability.

const account = (id: string, network: NetworkId) =>
  testAccount(id, network, { limits: NETWORK_INFO[network].defaultLimits });
const draft = (extra: Partial<Draft>): Draft => ({ ...newDraft(['m', 'x'], 'en'), ...extra });
const firstAttempt = () => ({ idempotencyKey: crypto.randomUUID(), isRetry: false });

describe('the localOnly capability', () => {
  it('is Misskey’s alone among the networks so far', () => {
    const offering = (Object.keys(NETWORK_INFO) as NetworkId[]).filter(
      (network) => capabilitiesOf(account('a', network)).localOnly,
    );
    expect(offering).toEqual(['misskey']);
  });

  it('carries the choice into the plan of an account that can keep a post local, and no other', () => {
    const local = draft({ text: 'Hello neighbours', localOnly: true });
    expect(planTarget(local, account('m', 'misskey'), measures).content.localOnly).toBe(true);
    expect(planTarget(local, account('x', 'mastodon'), measures).content).not.toHaveProperty(
      'localOnly',
    );
    expect(planTarget(local, account('b', 'bluesky'), measures).content).not.toHaveProperty(
      'localOnly',
    );
    const federated = draft({ text: 'Hello world' });
    expect(planTarget(federated, account('m', 'misskey'), measures).content).not.toHaveProperty(
      'localOnly',
    );
  });
});

describe('the composer', () => {
  beforeEach(() => vi.resetModules());

  it('saves the choice with the draft and forgets it when unticked', async () => {
    const { useComposer } = await import('@/utils/composer-store');
    await useComposer.getState().hydrate(['m']);
    useComposer.getState().setLocalOnly(true);
    await vi.waitFor(async () =>
      expect(await draftStorage.getValue()).toMatchObject({ localOnly: true }),
    );
    useComposer.getState().setLocalOnly(false);
    await vi.waitFor(async () =>
      expect(await draftStorage.getValue()).not.toHaveProperty('localOnly'),
    );
  });
});

describe('a local-only note on the server', () => {
  let server: MisskeyServer;
  let client: MisskeyClient;
  let userId: string;

  beforeEach(async () => {
    server = await startMisskeyServer();
    client = new MisskeyClient({ origin: server.url, token: await miauthToken(server) });
    userId = (await client.me()).id;
  });

  afterEach(() => server.close());

  it('is created with localOnly, and a note without the choice is federated', async () => {
    await publishNote(client, userId, { text: 'Local', localOnly: true }, firstAttempt());
    await publishNote(client, userId, { text: 'Everywhere' }, firstAttempt());
    expect(server.state.notes).toMatchObject([
      { text: 'Local', localOnly: true },
      { text: 'Everywhere', localOnly: false },
    ]);
  });
});
