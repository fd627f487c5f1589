import type { AttachedVideo, LinkCard, SelfLabel, Visibility } from '../networks/types';

/** Where a separate text applies: every account of a network, or one account. */
export type VariantKey = `network:${string}` | `account:${string}`;

/** Both networks take four images per post. */
export const MAX_IMAGES = 4;

/** An attached image as the draft records it; the file itself is in the image store (IndexedDB). */
export interface DraftImage {
  /** Key of the original file in the image store. */
  id: string;
  name: string;
  /** The real format, from the file's bytes (not its name). */
  type: string;
  width: number;
  height: number;
  bytes: number;
  /** Alt text, sent to every network (Mastodon `description`, Bluesky `alt`). */
  alt: string;
  /** An animated GIF: Bluesky only shows its first frame. */
  animated?: boolean;
  /**
   * The public address the image was shared from (right-click → Share image), for networks that
   * fetch images themselves (Threads); absent for a file from this computer.
   */
  sourceUrl?: string;
}

/** An attached video as the draft records it; the file itself is in the video store (IndexedDB). */
export type DraftVideo = AttachedVideo;

/** The post the user is writing, saved as it changes so closing the popup loses nothing (see draft-saver). */
export interface Draft {
  id: string;
  /** The text every account gets unless it has a separate version. */
  text: string;
  targetIds: string[];
  /** Separate versions, for a network or for one account; the account's own wins. */
  variants: Partial<Record<VariantKey, string>>;
  contentWarning: string;
  /** Bluesky has no text warning; unset means the label suggested by the warning. */
  blueskyLabel?: SelfLabel | 'none';
  /** Put the warning at the top of the Bluesky text; unset means "when no label is set". */
  warningInBlueskyText?: boolean;
  /** Unset means each Mastodon account's own default. */
  visibility?: Visibility;
  /** Keep the post on each account's own server where its network can (capability `localOnly`). */
  localOnly?: boolean;
  /** ISO 639-1 code sent as Mastodon `language` and Bluesky `langs`. */
  language: string;
  /** Accounts the user chose to get a thread when the text is too long for them. */
  threadTargets: string[];
  /** Add "1/3" to each part of a thread. */
  numbering: boolean;
  /** Up to four images, in the order they are posted; they go with the first post of a thread. */
  images: DraftImage[];
  /** One video instead of images: the networks take a clip or pictures in a post, never both. */
  video?: DraftVideo;
  /** The card shown for the first link of the text, when the user kept it. */
  linkCard?: LinkCard;
  /** Links whose card the user removed, so it is not offered again for them. */
  removedCards?: string[];
  /** "Post later": when to post (epoch milliseconds); unset means post now. */
  scheduledAt?: number;
  updatedAt: number;
}

/** The variant key of a whole network. */
export const networkVariant = (network: string): VariantKey => `network:${network}`;

/** The variant key of one account. */
export const accountVariant = (accountId: string): VariantKey => `account:${accountId}`;

/** The user's language as Mastodon and Bluesky want it: a two-letter ISO 639-1 code. */
export function browserLanguage(): string {
  const primary = (globalThis.navigator?.language ?? 'en').split('-')[0]?.toLowerCase();
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : 'en';
}

/** A blank draft for the given accounts. */
export function newDraft(targetIds: string[], language = browserLanguage()): Draft {
  return {
    id: crypto.randomUUID(),
    text: '',
    targetIds,
    variants: {},
    contentWarning: '',
    language,
    threadTargets: [],
    numbering: false,
    images: [],
    updatedAt: Date.now(),
  };
}

/** A stored post time as epoch milliseconds; an ISO string is read too, anything else dropped. */
function readTime(value: unknown): number | undefined {
  const at = typeof value === 'string' ? Date.parse(value) : value;
  return typeof at === 'number' && Number.isFinite(at) ? at : undefined;
}

/** Fills fields a draft saved by an older version lacks, so nothing typed then is lost. */
export function normalizeDraft(stored: Partial<Draft> & Pick<Draft, 'id'>): Draft {
  const base = newDraft(stored.targetIds ?? [], stored.language || browserLanguage());
  const { scheduledAt: storedTime, ...rest } = stored;
  const scheduledAt = readTime(storedTime);
  return {
    ...base,
    ...rest,
    id: stored.id,
    variants: stored.variants ?? {},
    contentWarning: stored.contentWarning ?? '',
    threadTargets: stored.threadTargets ?? [],
    numbering: stored.numbering ?? false,
    images: stored.images ?? [],
    language: stored.language || base.language,
    ...(scheduledAt !== undefined && { scheduledAt }),
  };
}

/** True when nothing has been written yet, so replacing the draft loses nothing. */
export function isBlankDraft(draft: Draft): boolean {
  return (
    !draft.text.trim() &&
    !draft.contentWarning.trim() &&
    draft.images.length === 0 &&
    !draft.video &&
    Object.values(draft.variants).every((text) => !text?.trim())
  );
}
