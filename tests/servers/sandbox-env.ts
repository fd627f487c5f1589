/** The sandbox's servers, as the end-to-end tests' global setup publishes them. */
export interface SandboxUrls {
  mastodon: string;
  misskey: string;
  threads: string;
  pds: string;
  plc: string;
}

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the global setup did not start the servers`);
  return value;
}

/** Publishes the servers' addresses to the test processes (called by the global setup). */
export function publishSandboxUrls(urls: SandboxUrls): void {
  process.env.CW_MASTODON_URL = urls.mastodon;
  process.env.CW_MISSKEY_URL = urls.misskey;
  process.env.CW_THREADS_URL = urls.threads;
  process.env.CW_PDS_URL = urls.pds;
  process.env.CW_PLC_URL = urls.plc;
}

/** The servers the global setup started. */
export function sandboxUrls(): SandboxUrls {
  return {
    mastodon: env('CW_MASTODON_URL'),
    misskey: env('CW_MISSKEY_URL'),
    threads: env('CW_THREADS_URL'),
    pds: env('CW_PDS_URL'),
    plc: env('CW_PLC_URL'),
  };
}
