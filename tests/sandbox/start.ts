/**
 * `npm start`: local test servers, Chromium with Crosswind loaded, and five sandbox accounts
 * connected through the extension's own pages, ready to post (a sixth, on PeerTube, filled in for
 * the person to finish). Everything stops when the browser window closes or on Ctrl+C.
 */
import { expect } from '@playwright/test';
import { existsSync } from 'node:fs';
import { extensionIdOf, EXTENSION_DIR, launchWithExtension } from '../e2e/extension';
import { generateSecretKey } from 'nostr-tools/pure';
import { nsecEncode } from 'nostr-tools/nip19';
import { connectLocalKeyViaUi, useLocalLookupRelays } from '../e2e/nostr-helpers';
import { SANDBOX_APP } from '../servers/threads/index.ts';
import { startSandbox } from './servers';

/** The sandbox Nostr key's passphrase: asked again after the browser restarts. */
const NOSTR_PASSPHRASE = 'sandbox-passphrase';

async function main(): Promise<void> {
  if (!existsSync(`${EXTENSION_DIR}/manifest.json`)) {
    throw new Error('No build found: run `npm run build` first (npm start does it for you).');
  }
  const started = Date.now();
  const sandbox = await startSandbox({ autoApprove: true });
  const stop = async () => {
    await sandbox.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  const bluesky = await sandbox.pds.createAccount({
    handle: 'alice.test',
    password: 'sandbox-password',
  });
  const appPassword = await sandbox.pds.createAppPassword(bluesky, 'crosswind');

  const headless = !process.env.DISPLAY && process.platform === 'linux';
  if (headless) {
    console.log(
      'No display found (DISPLAY is unset): running Chromium headless. Use `xvfb-run -a npm start` or a desktop session to see it.',
    );
  }
  const context = await launchWithExtension({ headless });
  context.on('close', () => void stop());
  const id = await extensionIdOf(context);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${id}/options.html`);
  await options.getByText('Advanced: Bluesky directory').click();
  await options.getByLabel('Handle resolver').fill(sandbox.pds.url);
  await options.getByLabel('PLC directory').fill(sandbox.pds.plcUrl);
  await options.getByRole('button', { name: 'Save directory settings' }).click();
  await options.getByLabel('Mastodon server').fill(sandbox.mastodon.url);
  await options.getByRole('button', { name: 'Connect Mastodon account' }).click();
  await expect(options.getByText('Connected', { exact: true })).toHaveCount(1);
  await options.getByLabel('Handle or email').fill(bluesky.handle);
  await options.getByLabel('App password').fill(appPassword);
  await options.getByRole('button', { name: 'Connect Bluesky account' }).click();
  await expect(options.getByText('Connected', { exact: true })).toHaveCount(2);
  // MiAuth: the sandbox server approves at once and sends the browser back to Crosswind.
  await options.getByLabel('Misskey server').fill(sandbox.misskey.url);
  await options.getByRole('button', { name: 'Connect Misskey account' }).click();
  await expect(options.getByText('Connected', { exact: true })).toHaveCount(3);
  // Nostr: a key kept by Crosswind, looked up on the local relays only (never the public ones).
  const nostrKey = nsecEncode(generateSecretKey());
  await useLocalLookupRelays(
    options,
    sandbox.nostr.relays.map((relay) => relay.url),
  );
  await connectLocalKeyViaUi(options, nostrKey, NOSTR_PASSPHRASE, sandbox.nostr.blossom.url);
  await expect(options.getByText('Connected', { exact: true })).toHaveCount(4);
  // Threads with the sandbox's Meta app: its dashboard gets this browser's redirect URL, as a
  // person would add it in step 3; the consent page approves at once.
  sandbox.threads.control.addRedirectUri(SANDBOX_APP.appId, `https://${id}.chromiumapp.org/`);
  await options.getByLabel('Threads App ID').fill(SANDBOX_APP.appId);
  await options.getByLabel('Threads App secret').fill(SANDBOX_APP.secret);
  await options.getByText('Advanced', { exact: true }).click();
  await options.getByLabel('API address (for testing)').fill(sandbox.threads.url);
  await options.getByRole('button', { name: 'Connect Threads account' }).click();
  await expect(options.getByText('Connected', { exact: true })).toHaveCount(5);
  // PeerTube is left for the person to connect: Crosswind asks the browser for access to the
  // server's site first (its upload needs headers PeerTube does not expose to other sites), and
  // only a person can answer that prompt.
  await options.getByLabel('PeerTube server').fill(sandbox.peertube.url);
  await options.getByLabel('Username').fill('alice');

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${id}/popup.html`);

  console.log(`
Crosswind sandbox ready in ${((Date.now() - started) / 1000).toFixed(1)} s
  Mastodon API server  ${sandbox.mastodon.url}   (@alice)
  Misskey API server   ${sandbox.misskey.url}   (@alice)
  PeerTube API server  ${sandbox.peertube.url}   (alice, password sandbox-password: type it on the options page and allow access)
  Threads API server   ${sandbox.threads.url}   (@alice; Meta app ${SANDBOX_APP.appId}, secret ${SANDBOX_APP.secret})
  Bluesky PDS          ${sandbox.pds.url}   (@${bluesky.handle}, app password ${appPassword})
  PLC directory        ${sandbox.pds.plcUrl}
  Nostr relays         ${sandbox.nostr.relays.map((relay) => relay.url).join('  ')}
  Nostr key            ${nostrKey} (passphrase "${NOSTR_PASSPHRASE}")
  Blossom server       ${sandbox.nostr.blossom.url}
  Nostr remote signer  ${sandbox.nostr.bunker.uri}
  Composer             chrome-extension://${id}/popup.html (also the toolbar button)
Close the browser or press Ctrl+C to stop everything.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
