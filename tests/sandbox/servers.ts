import { startMastodonServer, type MastodonServer } from '../servers/mastodon/index.ts';
import { startMisskeyServer, type MisskeyServer } from '../servers/misskey/index.ts';
import { startPds, type PdsSandbox } from '../servers/pds/index.ts';
import { startThreadsServer, type ThreadsServer } from '../servers/threads/index.ts';

/** The local stand-ins for the networks: a real PDS and the project's Mastodon, Misskey and Threads API servers. */
export interface Sandbox {
  mastodon: MastodonServer;
  misskey: MisskeyServer;
  pds: PdsSandbox;
  threads: ThreadsServer;
  close(): Promise<void>;
}

/** Starts the servers on 127.0.0.1; `autoApprove` skips the consent pages (for `npm start`). */
export async function startSandbox(options: { autoApprove: boolean }): Promise<Sandbox> {
  const [mastodon, misskey, pds, threads] = await Promise.all([
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
    startPds(),
    // Containers stay IN_PROGRESS for one status read, so Crosswind's polling is exercised.
    startThreadsServer({ autoApprove: options.autoApprove, processingPolls: 1 }),
  ]);
  return {
    mastodon,
    misskey,
    pds,
    threads,
    close: async () => {
      await Promise.allSettled([mastodon.close(), misskey.close(), pds.close(), threads.close()]);
    },
  };
}
