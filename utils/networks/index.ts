import { blueskyAdapter } from './bluesky/adapter';
import { mastodonAdapter } from './mastodon/adapter';
import { misskeyAdapter } from './misskey/adapter';
import { nostrAdapter } from './nostr/adapter';
import { peertubeAdapter } from './peertube/adapter';
import { pixelfedAdapter } from './pixelfed/adapter';
import { threadsAdapter } from './threads/adapter';
import type { NetworkAdapter, NetworkId } from './types';

/** Every network Crosswind posts to. Background only: adapters bring their SDKs with them. */
export const ADAPTERS: Record<NetworkId, NetworkAdapter> = {
  mastodon: mastodonAdapter,
  bluesky: blueskyAdapter,
  pixelfed: pixelfedAdapter,
  misskey: misskeyAdapter,
  nostr: nostrAdapter,
  peertube: peertubeAdapter,
  threads: threadsAdapter,
};
