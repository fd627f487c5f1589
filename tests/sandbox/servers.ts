import { startMastodonServer, type MastodonServer } from '../servers/mastodon/index.ts';
import { startMisskeyServer, type MisskeyServer } from '../servers/misskey/index.ts';
import {
  startBlossomServer,
  startBunker,
  startNostrRelay,
  type BlossomTestServer,
  type NostrTestRelay,
  type TestBunker,
} from '../servers/nostr/index.ts';
import { startPeerTubeServer, type PeerTubeServer } from '../servers/peertube/index.ts';
import { startPds, type PdsSandbox } from '../servers/pds/index.ts';
import { startThreadsServer, type ThreadsServer } from '../servers/threads/index.ts';

/** Two real Nostr relays, a Blossom server for images and a NIP-46 remote signer. */
export interface NostrSandbox {
  relays: NostrTestRelay[];
  blossom: BlossomTestServer;
  bunker: TestBunker;
}

/**
 * The local stand-ins for the networks: a real PDS, the project's Mastodon, Misskey, PeerTube
 * and Threads API
 * servers, and real Nostr relays.
 */
export interface Sandbox {
  mastodon: MastodonServer;
  misskey: MisskeyServer;
  peertube: PeerTubeServer;
  pds: PdsSandbox;
  nostr: NostrSandbox;
  threads: ThreadsServer;
  close(): Promise<void>;
}

/** Starts the servers on 127.0.0.1; `autoApprove` skips the consent pages (for `npm start`). */
export async function startSandbox(options: { autoApprove: boolean }): Promise<Sandbox> {
  const [mastodon, misskey, peertube, pds, threads] = await Promise.all([
    startMastodonServer({
      autoApprove: options.autoApprove,
      // Uploads answer 202 and need polling, as on a busy real server.
      mediaProcessingPolls: 2,
      users: [
        { username: 'alice', displayName: 'Alice Sandbox' },
        { username: 'bob', displayName: 'Bob Sandbox' },
      ],
    }),
    startMisskeyServer({
      autoApprove: options.autoApprove,
      users: [
        { username: 'alice', name: 'Alice Sandbox' },
        { username: 'bob', name: 'Bob Sandbox' },
      ],
    }),
    // A new video stays "To transcode" for a few seconds, as on a real instance.
    startPeerTubeServer({
      transcodeMs: 5000,
      users: [{ username: 'alice', password: 'sandbox-password', displayName: 'Alice Sandbox' }],
    }),
    startPds(),
    // Containers stay IN_PROGRESS for one status read, so Crosswind's polling is exercised.
    startThreadsServer({ autoApprove: options.autoApprove, processingPolls: 1 }),
  ]);
  const relays = await Promise.all([startNostrRelay(), startNostrRelay()]);
  const nostr: NostrSandbox = {
    relays,
    blossom: await startBlossomServer(),
    bunker: await startBunker({ relays: [relays[0]!.url] }),
  };
  return {
    mastodon,
    misskey,
    peertube,
    pds,
    nostr,
    threads,
    close: async () => {
      await Promise.allSettled([
        mastodon.close(),
        misskey.close(),
        peertube.close(),
        pds.close(),
        threads.close(),
        ...nostr.relays.map((relay) => relay.close()),
        nostr.blossom.close(),
        nostr.bunker.close(),
      ]);
    },
  };
}
