import { startSandbox } from '../sandbox/servers';

/** Starts the real PDS and the Mastodon API server once for the whole run; the returned function stops them. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const sandbox = await startSandbox({ autoApprove: false });
  process.env.CW_MASTODON_URL = sandbox.mastodon.url;
  process.env.CW_PDS_URL = sandbox.pds.url;
  process.env.CW_PLC_URL = sandbox.pds.plcUrl;
  return () => sandbox.close();
}
