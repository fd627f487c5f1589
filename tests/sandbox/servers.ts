import { startMastodonServer, type MastodonServer } from '../servers/mastodon/index.ts';
import { startMisskeyServer, type MisskeyServer } from '../servers/misskey/index.ts';
import { startPeerTubeServer, type PeerTubeServer } from '../servers/peertube/index.ts';
import { startPds, type PdsSandbox } from '../servers/pds/index.ts';

/** The local stand-ins for the networks: a real PDS and the project's Mastodon, Misskey and PeerTube API servers. */
export interface Sandbox {
  mastodon: MastodonServer;
  misskey: MisskeyServer;
  peertube: PeerTubeServer;
  pds: PdsSandbox;
  close(): Promise<void>;
}

/** Starts the servers on 127.0.0.1; `autoApprove` skips the consent pages (for `npm start`). */
export async function startSandbox(options: { autoApprove: boolean }): Promise<Sandbox> {
  const [mastodon, misskey, peertube, pds] = await Promise.all([
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
  ]);
  return {
    mastodon,
    misskey,
    peertube,
    pds,
    close: async () => {
      await Promise.allSettled([mastodon.close(), misskey.close(), peertube.close(), pds.close()]);
    },
  };
}
