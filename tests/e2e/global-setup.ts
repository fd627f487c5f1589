import { startSandbox } from '../sandbox/servers';
import { publishSandboxUrls } from '../servers/sandbox-env';

/** Starts the real PDS and the Mastodon, Misskey and Threads API servers once for the whole run; the returned function stops them. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const sandbox = await startSandbox({ autoApprove: false });
  publishSandboxUrls({
    mastodon: sandbox.mastodon.url,
    misskey: sandbox.misskey.url,
    threads: sandbox.threads.url,
    pds: sandbox.pds.url,
    plc: sandbox.pds.plcUrl,
  });
  return () => sandbox.close();
}
