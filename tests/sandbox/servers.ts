import { startMastodonServer, type MastodonServer } from '../servers/mastodon/index.ts';
import { startPds, type PdsSandbox } from '../servers/pds/index.ts';

/** The local stand-ins for the networks: a real PDS and the project's Mastodon API server. */
export interface Sandbox {
  mastodon: MastodonServer;
  pds: PdsSandbox;
  close(): Promise<void>;
}

/** Starts both servers on 127.0.0.1; `autoApprove` skips the Mastodon consent page (for `npm start`). */
export async function startSandbox(options: { autoApprove: boolean }): Promise<Sandbox> {
  const [mastodon, pds] = await Promise.all([
    startMastodonServer({
      autoApprove: options.autoApprove,
      // Uploads answer 202 and need polling, as on a busy real server.
      mediaProcessingPolls: 2,
      users: [
        { username: 'alice', displayName: 'Alice Sandbox' },
        { username: 'bob', displayName: 'Bob Sandbox' },
      ],
    }),
    startPds(),
  ]);
  return {
    mastodon,
    pds,
    close: async () => {
      await Promise.allSettled([mastodon.close(), pds.close()]);
    },
  };
}
