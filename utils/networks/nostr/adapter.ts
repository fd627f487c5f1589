import { CrosswindError } from '../../errors';
import { words } from '../../i18n/wording';
import type { Account, NetworkAdapter, OutgoingPost, PublishedPost, UploadedMedia } from '../types';
import { checkpointFor, memorySlot } from '../checkpoint';
import { accountSigner, closeAccountSigner, settingsOf } from './account-signer';
import { attachmentFrom, uploadBlob } from './blossom';
import { connectNostr } from './connect';
import { nostrVault } from './credentials';
import { buildDeletion } from './deletion';
import { noMediaServer } from './errors';
import { nostrInfo } from './info';
import { noteWebUrl } from './links';
import { measure } from './measure';
import { buildNote } from './note';
import { publishToRelays } from './publish';
import { summarize } from './relay-results';
import { uniqueRelays } from './relay-url';
import { sendNote } from './send-once';
import type { EventRef, MediaAttachment, NoteRecord, RelayOutcome, SignedEvent } from './types';
import type { ReplyTarget } from './thread';

/** Blossom servers take large files; 4096 px keeps a photo sharp on any screen. */
const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const MAX_EDGE = 4096;

/** A part the network holds: its id, a link that finds it, and the relays that have it. */
function publishedOf(event: SignedEvent, outcomes: RelayOutcome[]): PublishedPost {
  const accepted = summarize(outcomes).accepted;
  return { id: event.id, url: noteWebUrl(event, accepted), relays: accepted };
}

function refOf(post: PublishedPost, pubkey: string): EventRef {
  return { id: post.id, pubkey, relay: post.relays?.[0] ?? '' };
}

/** NIP-10 for a thread part: the thread's first note and the part before, both the user's own. */
function replyTargetOf(post: OutgoingPost, pubkey: string): ReplyTarget | undefined {
  if (!post.replyTo) return undefined;
  return { root: refOf(post.replyTo.root, pubkey), parent: refOf(post.replyTo.parent, pubkey) };
}

function attachmentOf(media: UploadedMedia): MediaAttachment {
  if (!media.url || !media.mimeType) {
    // Every Nostr upload records its address; media without one cannot be linked from a note.
    throw new CrosswindError('validation', words('nostrUi.uploadIncomplete'));
  }
  return {
    url: media.url,
    mimeType: media.mimeType,
    sha256: media.id,
    ...(media.size !== undefined && { size: media.size }),
    width: media.width,
    height: media.height,
    alt: media.alt,
  };
}

/** Nostr: kind-1 notes signed once, recorded, and sent to every write relay in parallel. */
export const nostrAdapter: NetworkAdapter = {
  id: 'nostr',
  signIn: { kind: 'form', connect: (fields) => connectNostr(fields) },
  measure,

  // The note's own id is its idempotency: this key is only the job's bookkeeping.
  newIdempotencyKey: () => crypto.randomUUID(),

  async publish(account, post, options) {
    const settings = settingsOf(account);
    // Kept in memory when the caller gave no job to keep it in (tests, one-offs).
    const slot = options.checkpoint ?? memorySlot();
    const replyTo = replyTargetOf(post, account.remoteId);
    const record: NoteRecord = await sendNote({
      record: checkpointFor(slot, 'nostr')?.note ?? {},
      build: () =>
        buildNote({
          text: post.text,
          ...(post.spoilerText !== undefined && { contentWarning: post.spoilerText }),
          ...(post.language && { language: post.language }),
          ...(replyTo && { replyTo }),
          ...(post.media?.length && { media: post.media.map(attachmentOf) }),
          createdAt: Math.floor(Date.now() / 1000),
        }),
      signer: accountSigner(account),
      pubkey: account.remoteId,
      relays: settings.relays.write,
      publish: (event, relays) => publishToRelays(event, relays),
      save: (note) => slot.save({ network: 'nostr', note }),
    });
    const { event, outcomes } = record;
    if (!event || !outcomes) throw new CrosswindError('server', words('nostrUi.notRecorded'));
    return publishedOf(event, outcomes);
  },

  // Nostr clients animate GIFs, so one that fits is sent as it is.
  imageRules: () => ({
    maxBytes: MAX_IMAGE_BYTES,
    maxEdge: MAX_EDGE,
    acceptsWebp: true,
    keepGif: true,
  }),

  async uploadImage(account, image) {
    const server = settingsOf(account).mediaServers[0];
    if (!server) throw noMediaServer();
    const mimeType = image.blob.type || 'image/jpeg';
    const descriptor = await uploadBlob({
      server,
      bytes: new Uint8Array(await image.blob.arrayBuffer()),
      mimeType,
      signer: accountSigner(account),
      pubkey: account.remoteId,
    });
    const attachment = attachmentFrom(descriptor, { ...image, mimeType });
    return {
      id: attachment.sha256,
      alt: image.alt,
      width: image.width,
      height: image.height,
      url: attachment.url,
      mimeType,
      ...(attachment.size !== undefined && { size: attachment.size }),
    };
  },

  async remove(account, post) {
    const settings = settingsOf(account);
    // Every relay that took the note, and the relays the account writes to now.
    const relays = uniqueRelays([...(post.relays ?? []), ...settings.relays.write]);
    const template = buildDeletion(
      [{ id: post.id, pubkey: account.remoteId, kind: 1 }],
      Math.floor(Date.now() / 1000),
    );
    // A deletion may be signed again on a retry: two requests to delete the same note do no harm.
    await sendNote({
      record: {},
      build: () => template,
      signer: accountSigner(account),
      pubkey: account.remoteId,
      relays,
      publish: (event, to) => publishToRelays(event, to),
      save: async () => {},
    });
    return 'deleted';
  },

  // Nothing to read from a server: only whether the key or the signer session is still there.
  async refresh(account) {
    const stored =
      settingsOf(account).signer === 'bunker'
        ? await nostrVault.bunker(account)
        : await nostrVault.localKey(account);
    if (!stored) {
      throw new CrosswindError(
        'auth',
        words('nostrUi.reconnectNeeded', { account: account.handle }),
      );
    }
    return {
      handle: account.handle,
      displayName: account.displayName,
      ...(account.avatarUrl && { avatarUrl: account.avatarUrl }),
      ...(account.webUrl && { webUrl: account.webUrl }),
      limits: nostrInfo.defaultLimits,
    };
  },

  async disconnect(account: Account) {
    await closeAccountSigner(account.id);
    await nostrVault.forget(account.id);
  },
};
