import type { ComponentType } from 'react';
import type { TextMeasure } from '../text/limits';
import type { Account, AccountLimits, ConnectFields, Visibility } from './types';

/**
 * What a network can carry, so the composer and the planner ask "does it take a warning?" rather
 * than "is it Mastodon?". Everything here is plain data, safe in any page.
 */
export interface NetworkCapabilities {
  /**
   * How a content warning travels: a text shown before the post (Mastodon's `spoiler_text`,
   * Misskey's `cw`), a moderation self-label (Bluesky), a tag (Nostr), or not at all.
   */
  contentWarning: 'text' | 'self-label' | 'tag' | 'none';
  /** The audiences a post can be given, in the network's own terms; empty when there is no choice. */
  visibilities: Visibility[];
  /** Whether the post can say which language it is in. */
  language: boolean;
  /** Who makes the preview of a link: Crosswind, the server itself, or nobody. */
  linkCards: 'client' | 'server' | 'none';
  media: {
    /** A top-level post must carry at least one image (Pixelfed); replies may be text only. */
    topLevelNeedsMedia: boolean;
    /** The network shows animated GIFs as stills. */
    stillGifs: boolean;
    /**
     * Images go to a media server the account names itself (Nostr's Blossom servers), not to
     * the network: without one, an account cannot take images.
     */
    needsMediaServer?: boolean;
    /**
     * The network takes images only by a public address it fetches itself (Threads): it gets the
     * address of the copy another account of the same post uploaded.
     */
    imagesByPublicUrl?: boolean;
    /** An uploaded image gets an address anyone can fetch once posted (Mastodon, Bluesky). */
    hostsPublicImages?: boolean;
  };
  /** How a text too long for one post goes out: as a chain of replies, or not at all. */
  threads: 'reply-chain' | 'none';
  /**
   * What makes a retry safe: a key the server remembers, a record key chosen by the client, or
   * looking for the post before sending it again.
   */
  idempotency: 'server-key' | 'record-key' | 'lookup-before-retry';
  /** Set when the server posts a single post later by itself; how far ahead it must be asked. */
  serverScheduling: { minLeadMs: number } | null;
  /** Whether a sent post can be deleted from Crosswind. */
  deletion: boolean;
  /**
   * The post can be kept on the account's own server, never federated (Misskey's `localOnly`);
   * absent means it cannot.
   */
  localOnly?: boolean;
  /** How the network takes a video; absent when it takes none. */
  video?: VideoCapability;
}

/**
 * A network's rules for video. Every network here takes one clip per post and no images beside
 * it, so a post carries a video or images, never both.
 */
export interface VideoCapability {
  /** The clip rides on a post (Mastodon media, Bluesky embed) or is the post itself (PeerTube). */
  carrier: 'attachment' | 'video-post';
  /** Containers the network takes, by MIME type; a server's `supported_mime_types` narrows them. */
  mimeTypes: readonly string[];
  /** The network's own limits; a server's reported ones (`AccountLimits.video*`) replace them. */
  limits: VideoLimits;
  /** Whether the limits are fixed by the network (Bluesky) or set by each server (Mastodon). */
  limitsFrom: 'network' | 'server';
  /** A description limit of its own for video, below the account's alt text limit (Bluesky). */
  altLimit?: number;
  /** Where the video is the post: how its title and its sensitive-content summary are bounded. */
  post?: VideoPostRules;
}

/** A video post's words (PeerTube: title 3–120 characters, `nsfwSummary` 3–250). */
export interface VideoPostRules {
  /** The title, from the post's first line. */
  title: { min: number; max: number };
  /** The content warning, sent as the video's sensitive-content summary. */
  warning: { min: number; max: number };
}

/** How big, long, fast and large a clip may be; an unset limit is not checked before upload. */
export interface VideoLimits {
  maxBytes?: number;
  maxDurationMs?: number;
  maxFrameRate?: number;
  /** Pixels per frame (width × height). */
  maxPixels?: number;
  /** Bytes the account may still upload (a quota), where the server says. */
  quotaLeft?: number;
}

/** What one server changes of its network's capabilities (read when the account is connected). */
export type AccountCapabilities = Partial<NetworkCapabilities>;

/** What a connect form gets from the options page. */
export interface ConnectFormProps {
  /** Set when the form is shown to reconnect this account. */
  account?: Account;
  /** Every connected account, for forms that also show their network's accounts' settings. */
  accounts: Account[];
}

/** Counts a text as the network's servers do, against the account's limits. */
export type MeasureText = (
  text: string,
  limits: AccountLimits,
  options: { spoilerText?: string },
) => TextMeasure;

/** What pages may know about a network without loading its SDK. */
export interface NetworkInfo<Id extends string = string> {
  id: Id;
  name: string;
  defaultLimits: AccountLimits;
  capabilities: NetworkCapabilities;
  /**
   * The network's counter (its rules, link and TLD tables, grapheme data), loaded apart: the
   * popup's first frame does without it and shows the counts once it has arrived.
   */
  loadMeasure(): Promise<{ measure: MeasureText }>;
  /** How an account is named to a person and a screen reader. */
  label(account: Pick<Account, 'handle' | 'server' | 'software'>): string;
  /** Account ids name the server after the network ("<network>:<host>:<id>"). */
  accountIdNamesServer: boolean;
  /**
   * How "Reconnect" works: a redirect sign-in starts again at once with what the account already
   * tells (its server); a form sign-in shows the form filled in for the person to finish.
   */
  reconnect: { kind: 'redirect'; fields(account: Account): ConnectFields } | { kind: 'form' };
  /** The connect form for the options page, loaded only when that page shows it. */
  loadConnectForm(): Promise<{ default: ComponentType<ConnectFormProps> }>;
}

/** Declares a network's page-safe facts, keeping its id as a literal type for the registry. */
export function defineNetwork<const Id extends string>(info: NetworkInfo<Id>): NetworkInfo<Id> {
  return info;
}
