import { generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { decode, nsecEncode } from 'nostr-tools/nip19';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import {
  connectBlueskyViaUi,
  connectMastodonViaUi,
  createBlueskyUser,
  deleteEverywhere,
  historyItem,
  listPosts,
  pickAccounts,
  statusesContaining,
  stopWorker,
  useLocalDirectory,
} from './helpers';
import {
  connectBunkerViaUi,
  connectLocalKeyViaUi,
  notesWith,
  startNostrServers,
  useLocalLookupRelays,
  verifies,
} from './nostr-helpers';
import { makePhotos } from './photos';

const PASSPHRASE = 'correct horse battery staple';

/** The tags that place a note in a thread (NIP-10): `e` and `p`. */
function threading(tags: string[][]): string[][] {
  return tags.filter((tag) => tag[0] === 'e' || tag[0] === 'p');
}

/** A tag's entries as a map: `["imeta", "url …", "m …"]` → { url, m }. */
function imetaEntries(tag: string[]): Record<string, string> {
  return Object.fromEntries(
    tag
      .slice(1)
      .map((entry) => [entry.slice(0, entry.indexOf(' ')), entry.slice(entry.indexOf(' ') + 1)]),
  );
}

test('a local key connects; text, image and warning reach Nostr, Mastodon and Bluesky at once', async ({
  context,
  openOptions,
  openPopup,
  openHistory,
  servers,
}) => {
  const nostr = await startNostrServers();
  try {
    const secretKey = generateSecretKey();
    const pubkey = getPublicKey(secretKey);
    const relay = nostr.relays[0]!;
    const options = await openOptions();
    await useLocalLookupRelays(options, [relay.url]);
    await connectLocalKeyViaUi(options, nsecEncode(secretKey), PASSPHRASE, nostr.blossom.url);
    await connectMastodonViaUi(context, options, servers.mastodon);
    const user = await createBlueskyUser(servers.pds, 'nostr');
    await useLocalDirectory(options, servers.pds, servers.plc);
    await connectBlueskyViaUi(options, user.handle, user.appPassword);
    await expect(options.getByText('Connected', { exact: true })).toHaveCount(3);

    const marker = `ns${Date.now()}`;
    const popup = await openPopup();
    await pickAccounts(popup, 'Nostr', 'Mastodon', 'Bluesky');
    await popup.getByLabel('Post text').fill(`Harbour at dawn #Sunrise ${marker}`);
    const [photo] = await makePhotos([{ name: 'harbour.jpg', width: 1200, height: 900 }]);
    await popup.getByLabel('Add images').setInputFiles([photo!]);
    await popup.getByLabel('Alt text for harbour.jpg').fill('Boats in a harbour at dawn');
    await popup.getByRole('button', { name: 'Add content warning' }).click();
    await popup.getByLabel('Content warning').fill('Bright light');
    await popup.getByRole('button', { name: 'Post' }).click();
    const delivery = popup.getByRole('region', { name: 'Delivery' });
    await expect(delivery.getByText('Posted', { exact: true })).toHaveCount(3, { timeout: 30_000 });

    const [note, ...others] = notesWith(relay, marker);
    expect(others).toHaveLength(0);
    expect(verifies(note!)).toBe(true);
    expect(note!.pubkey).toBe(pubkey);
    expect(note!.tags).toContainEqual(['content-warning', 'Bright light']);
    expect(note!.tags).toContainEqual(['t', 'sunrise']);
    const imetas = note!.tags.filter((tag) => tag[0] === 'imeta');
    expect(imetas).toHaveLength(1);
    const imeta = imetaEntries(imetas[0]!);
    expect(imeta).toMatchObject({ m: 'image/jpeg', alt: 'Boats in a harbour at dawn' });
    expect(imeta.dim).toMatch(/^\d+x\d+$/);
    // The blob the note points at is on the Blossom server, under the hash the note names.
    const blob = nostr.blossom.blobs.get(imeta.x!);
    expect(blob?.type).toBe('image/jpeg');
    expect(imeta.url).toBe(`${nostr.blossom.url}/${imeta.x}.jpg`);
    expect(note!.content).toBe(`Harbour at dawn #Sunrise ${marker}\n${imeta.url}`);

    const statuses = await statusesContaining(servers.mastodon, marker);
    expect(statuses.map((status) => status.spoilerText)).toEqual(['Bright light']);
    const records = (await listPosts(servers.pds, user.did)).filter((record) =>
      record.value.text.includes(marker),
    );
    expect(records).toHaveLength(1);

    // The history names the relay that took it.
    const history = await openHistory();
    const item = history.getByRole('listitem').filter({ hasText: marker }).first();
    await expect(item.getByRole('list', { name: 'Relays' })).toHaveText(
      `${new URL(relay.url).host} accepted it`,
    );
  } finally {
    await nostr.close();
  }
});

test('a remote signer connects by bunker:// and signs a thread chained by NIP-10, then deletes it', async ({
  openOptions,
  openPopup,
  openHistory,
}) => {
  const nostr = await startNostrServers({ bunker: true });
  try {
    const relay = nostr.relays[0]!;
    const bunker = nostr.bunker!;
    const options = await openOptions();
    await useLocalLookupRelays(options, [relay.url]);
    await connectBunkerViaUi(options, bunker.uri, nostr.blossom.url);
    await expect(options.getByText('Connected', { exact: true })).toHaveCount(1);

    const marker = `nt${Date.now()}`;
    const popup = await openPopup();
    await pickAccounts(popup, 'Nostr');
    await popup
      .getByLabel('Post text')
      .fill(`First ${marker}\n---\nSecond ${marker}\n---\nThird ${marker}`);
    await popup.getByRole('button', { name: 'Post' }).click();
    await expect(
      popup.getByRole('region', { name: 'Delivery' }).getByText('Posted a thread of 3'),
    ).toBeVisible({ timeout: 30_000 });

    const [first, second, third] = notesWith(relay, marker);
    for (const note of [first, second, third]) {
      expect(verifies(note!)).toBe(true);
      // Signed with the user's key, which only the bunker holds.
      expect(note!.pubkey).toBe(bunker.userPubkey);
    }
    // The composer's language (the browser's) travels as NIP-32 labels on every part.
    expect(first!.tags).toEqual([
      ['L', 'ISO-639-1'],
      ['l', 'en', 'ISO-639-1'],
    ]);
    expect(threading(second!.tags)).toEqual([
      ['e', first!.id, relay.url, 'root', bunker.userPubkey],
      ['p', bunker.userPubkey],
    ]);
    expect(threading(third!.tags)).toEqual([
      ['e', first!.id, relay.url, 'root', bunker.userPubkey],
      ['e', second!.id, relay.url, 'reply', bunker.userPubkey],
      ['p', bunker.userPubkey],
    ]);

    const history = await openHistory();
    const item = historyItem(history, `First ${marker}`);
    await deleteEverywhere(item);
    await expect(item.getByRole('status')).toHaveText('Deleted from every account', {
      timeout: 30_000,
    });
    await expect(
      item.getByText(/Relays were asked to delete it; some may keep copies/),
    ).toBeVisible();
    const deletions = relay.received().filter((event) => event.kind === 5);
    expect(
      deletions
        .flatMap((event) => event.tags.filter((tag) => tag[0] === 'e').map((tag) => tag[1]))
        .sort(),
    ).toEqual([first!.id, second!.id, third!.id].sort());
    expect(deletions.every((event) => verifies(event))).toBe(true);
    expect(notesWith(relay, marker)).toHaveLength(0);
  } finally {
    await nostr.close();
  }
});

test('a signer app approves a nostrconnect:// code shown in the options page', async ({
  openOptions,
}) => {
  const nostr = await startNostrServers({ bunker: true });
  try {
    const relay = nostr.relays[0]!;
    const options = await openOptions();
    await useLocalLookupRelays(options, [relay.url]);
    await options.getByText('Or show a connection code for your signer app').click();
    await options.getByLabel('Relay your signer app listens on').fill(relay.url);
    await options.getByRole('button', { name: 'Show connection code' }).click();
    const code = options.getByLabel('Connection code (paste it into your signer app)');
    await expect(code).toHaveValue(/^nostrconnect:\/\//);
    expect(await seriousViolations(options)).toEqual([]);
    await nostr.bunker!.approve(await code.inputValue());
    await expect(options.getByText('Connected', { exact: true })).toHaveCount(1, {
      timeout: 20_000,
    });
  } finally {
    await nostr.close();
  }
});

test('a new key is shown to back up, connected only once saved, and signs the notes', async ({
  openOptions,
  openPopup,
}) => {
  const nostr = await startNostrServers();
  try {
    const relay = nostr.relays[0]!;
    const options = await openOptions();
    await useLocalLookupRelays(options, [relay.url]);
    await options.getByRole('radio', { name: 'Key kept by Crosswind' }).check();
    const form = options.getByRole('form', { name: 'Keep a key in Crosswind' });
    await form.getByRole('button', { name: 'Create a new key' }).click();
    const nsec = await form.getByLabel('Your secret key (keep it private)').inputValue();
    const decoded = decode(nsec);
    if (decoded.type !== 'nsec') throw new Error(`not an nsec: ${nsec}`);
    await form.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await form.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
    const connect = form.getByRole('button', { name: 'Connect Nostr account' });
    await expect(connect).toBeDisabled();
    await form.getByRole('checkbox', { name: 'I saved my secret key somewhere safe' }).check();
    await connect.click();
    await expect(form.getByRole('status')).toContainText('(Nostr)', { timeout: 20_000 });
    // The account's own panel (relays, media server) is there now, next to the forms.
    await expect(options.getByLabel('Relays to post to, one per line')).toHaveValue(relay.url);
    expect(await seriousViolations(options)).toEqual([]);

    const marker = `nsk${Date.now()}`;
    const popup = await openPopup();
    await pickAccounts(popup, 'Nostr');
    await popup.getByLabel('Post text').fill(`Hello from a new key ${marker}`);
    await popup.getByRole('button', { name: 'Post' }).click();
    await expect(
      popup.getByRole('region', { name: 'Delivery' }).getByText('Posted', { exact: true }),
    ).toBeVisible({ timeout: 20_000 });
    const [note] = notesWith(relay, marker);
    expect(note?.pubkey).toBe(getPublicKey(decoded.data));
    expect(verifies(note!)).toBe(true);
  } finally {
    await nostr.close();
  }
});

test('a worker stopped after the send and before the relay’s OK leaves exactly one event', async ({
  context,
  openOptions,
  openPopup,
  openHistory,
}) => {
  const nostr = await startNostrServers();
  try {
    const relay = nostr.relays[0]!;
    const options = await openOptions();
    await useLocalLookupRelays(options, [relay.url]);
    await connectLocalKeyViaUi(
      options,
      nsecEncode(generateSecretKey()),
      PASSPHRASE,
      nostr.blossom.url,
    );

    // The relay stores the note but its OK never comes back; the worker is stopped meanwhile.
    relay.faults.silence([1]);
    const marker = `nso${Date.now()}`;
    let popup = await openPopup();
    await pickAccounts(popup, 'Nostr');
    await popup.getByLabel('Post text').fill(`Only once ${marker}`);
    await popup.getByRole('button', { name: 'Post' }).click();
    await expect.poll(() => notesWith(relay, marker).length, { timeout: 15_000 }).toBe(1);
    await stopWorker(context, popup);
    await popup.close();
    relay.faults.reset();

    // A fresh worker resumes the post: it resends the recorded event, which the relay has.
    popup = await openPopup();
    const history = await openHistory();
    const item = history
      .getByRole('listitem')
      .filter({ hasText: `Only once ${marker}` })
      .first();
    await expect(item.getByText('Posted', { exact: true })).toBeVisible({ timeout: 30_000 });
    expect(notesWith(relay, marker)).toHaveLength(1);
    const sent = relay.received().filter((event) => event.content.includes(marker));
    expect(sent.length).toBe(2);
    expect(new Set(sent.map((event) => event.id)).size).toBe(1);
    await expect(item.getByRole('list', { name: 'Relays' })).toHaveText(
      `${new URL(relay.url).host} already had it`,
    );
  } finally {
    await nostr.close();
  }
});

test('with one of two relays down the note is posted, and the history names that relay', async ({
  openOptions,
  openPopup,
  openHistory,
}) => {
  const nostr = await startNostrServers({ relays: 2 });
  try {
    const [up, down] = nostr.relays as [(typeof nostr.relays)[0], (typeof nostr.relays)[0]];
    const options = await openOptions();
    await useLocalLookupRelays(options, [up.url]);
    await connectLocalKeyViaUi(
      options,
      nsecEncode(generateSecretKey()),
      PASSPHRASE,
      nostr.blossom.url,
    );
    // The second relay is added by hand in the account's settings.
    const panel = options.getByRole('group', { name: /^Nostr settings of npub1/ });
    const writeRelays = panel.getByLabel('Relays to post to, one per line');
    await expect(writeRelays).toHaveValue(up.url);
    await writeRelays.fill(`${up.url}\n${down.url}`);
    await panel.getByRole('button', { name: 'Save Nostr settings' }).click();
    await expect(panel.getByRole('status')).toHaveText('Saved.');
    down.faults.down();

    const marker = `nsd${Date.now()}`;
    const popup = await openPopup();
    await pickAccounts(popup, 'Nostr');
    await popup.getByLabel('Post text').fill(`Half the relays ${marker}`);
    await popup.getByRole('button', { name: 'Post' }).click();
    await expect(
      popup.getByRole('region', { name: 'Delivery' }).getByText('Posted', { exact: true }),
    ).toBeVisible({ timeout: 30_000 });
    expect(notesWith(up, marker)).toHaveLength(1);
    expect(notesWith(down, marker)).toHaveLength(0);

    const history = await openHistory();
    const item = history.getByRole('listitem').filter({ hasText: marker }).first();
    const relays = item.getByRole('list', { name: 'Relays' }).getByRole('listitem');
    await expect(relays).toHaveText([
      `${new URL(up.url).host} accepted it`,
      `${new URL(down.url).host} could not be reached`,
    ]);
  } finally {
    await nostr.close();
  }
});

test('the composer says which account has no media server, and asks to unlock a key after a restart', async ({
  context,
  openOptions,
  openPopup,
}) => {
  const nostr = await startNostrServers();
  try {
    const relay = nostr.relays[0]!;
    const options = await openOptions();
    await useLocalLookupRelays(options, [relay.url]);
    // No media server: none typed, and the user's relays list none.
    await connectLocalKeyViaUi(options, nsecEncode(generateSecretKey()), PASSPHRASE);
    const label =
      (await options
        .getByRole('list', { name: 'Connected accounts' })
        .getByRole('listitem')
        .first()
        .getAttribute('aria-label')) ?? '';
    expect(label).toMatch(/^npub1.+ \(Nostr\)$/);

    let popup = await openPopup();
    await pickAccounts(popup, 'Nostr');
    const marker = `nsl${Date.now()}`;
    await popup.getByLabel('Post text').fill(`Unlocked again ${marker}`);
    const [photo] = await makePhotos([{ name: 'dot.jpg', width: 40, height: 30 }]);
    await popup.getByLabel('Add images').setInputFiles([photo!]);
    await expect(
      popup.getByText(
        `${label} has no media server, so images can’t go there: remove the images or add a Blossom server in Accounts.`,
      ),
    ).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Post' })).toBeDisabled();
    await popup.getByRole('button', { name: 'Remove dot.jpg' }).click();
    await popup.close();

    // The browser restarts: its session storage (the unlocked key) is gone, and so is the worker.
    await options.evaluate(() => {
      const { chrome } = globalThis as unknown as {
        chrome: { storage: { session: { clear(): Promise<void> } } };
      };
      return chrome.storage.session.clear();
    });
    await stopWorker(context, options);
    popup = await openPopup();
    await expect(
      popup.getByText(`Unlock your Nostr key for ${label} in Crosswind’s settings to post.`),
    ).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Post' })).toBeDisabled();

    await options.reload();
    const unlock = options.getByRole('form', { name: `Unlock ${label}` });
    await unlock.getByLabel('Passphrase').fill(PASSPHRASE);
    await unlock.getByRole('button', { name: 'Unlock your Nostr key' }).click();
    await expect(options.getByText('Unlocked until the browser closes.')).toBeVisible({
      timeout: 20_000,
    });

    await popup.getByRole('button', { name: 'Post' }).click();
    await expect(
      popup.getByRole('region', { name: 'Delivery' }).getByText('Posted', { exact: true }),
    ).toBeVisible({ timeout: 20_000 });
    expect(notesWith(relay, marker)).toHaveLength(1);
  } finally {
    await nostr.close();
  }
});
