import { linkKey } from '../capture/link-card';
import type { NetworkCapabilities } from '../networks/capabilities';
import { accountLabel, capabilitiesOf, NETWORK_INFO } from '../networks/info';
import { withUsableLimits } from '../networks/limits-validation';
import type { Measures } from '../networks/measures';
import type { Account, LinkCard, SelfLabel, TargetContent, Visibility } from '../networks/types';
import { detectAtprotoLinks } from '../text/atproto-links';
import type { TextMeasure } from '../text/limits';
import { hasThreadMarker } from '../text/split-thread';
import {
  accountVariant,
  networkVariant,
  type Draft,
  type DraftImage,
  type VariantKey,
} from './draft';
import { measuredSplit, type PartPlan } from './measured-split';
import { suggestLabel, warningPrefix } from './warning-label';
import { translatedNames } from '../i18n/names';
import { formatNumber } from '../i18n/format';
import { t, tn } from '../i18n/messages';

/** Threads longer than this are almost surely a mistake (a pasted article), and slow to post. */
export const MAX_THREAD_PARTS = 25;

export type { PartPlan } from './measured-split';

/** Exactly what one account will get, as previewed in the popup and sent by the background. */
export interface TargetPlan {
  account: Account;
  /** Which text the account gets: the main one or a separate version. */
  source: 'main' | VariantKey;
  /** The account's whole text before splitting, with the warning on top where it goes there. */
  text: string;
  measure: TextMeasure;
  /** Too long for one post: "Post as a thread" is offered. */
  canThread: boolean;
  /** The user chose to split it automatically (lines of --- split it in any case). */
  threaded: boolean;
  parts: PartPlan[];
  /** Splitting stopped past MAX_THREAD_PARTS: `parts` holds one more, the text would need more still. */
  partsCut?: boolean;
  content: TargetContent;
  /** Why this account cannot get the post as it stands; unset when it can. */
  problem?: string;
  /** The network wants a photo on a top-level post and the draft has none ("Pixelfed needs a photo"). */
  needsMedia?: string;
}

/** The text an account gets and where it comes from: its own version, its network's, or the main. */
export function sourceFor(
  draft: Draft,
  account: Account,
): { source: TargetPlan['source']; text: string } {
  for (const key of [accountVariant(account.id), networkVariant(account.network)]) {
    const text = draft.variants[key];
    if (text !== undefined) return { source: key, text };
  }
  return { source: 'main', text: draft.text };
}

/** The self-label in force on networks that label rather than warn: the user's choice, or the suggested one. */
export function selfLabelOf(draft: Draft): SelfLabel | 'none' {
  if (!draft.contentWarning.trim()) return 'none';
  return draft.blueskyLabel ?? suggestLabel(draft.contentWarning);
}

/** Whether the warning also goes at the top of a self-labelled text: by default only when no label carries it. */
export function warningInLabelledText(draft: Draft): boolean {
  if (!draft.contentWarning.trim()) return false;
  return draft.warningInBlueskyText ?? selfLabelOf(draft) === 'none';
}

/** The audience an account posts to: the one chosen, else the account's own default. */
function visibilityFor(
  draft: Draft,
  account: Account,
  offered: Visibility[],
): Visibility | undefined {
  if (offered.length === 0) return undefined;
  const wanted = draft.visibility ?? account.defaultVisibility ?? 'public';
  // A chosen audience the server lacks is reported as a problem, never widened silently.
  return wanted;
}

/** Adapts the draft to one account: its text, its warning, its thread and its settings. */
export function planTarget(draft: Draft, stored: Account, measures: Measures): TargetPlan {
  // Limits came from a server: whatever is stored, only checked numbers reach the counters.
  const account = withUsableLimits(stored);
  const warning = draft.contentWarning.trim();
  const { source, text: written } = sourceFor(draft, account);
  const caps = capabilitiesOf(account);
  const spoilerText = caps.contentWarning === 'text' && warning ? warning : undefined;
  const labelled = caps.contentWarning === 'self-label';
  const text =
    labelled && warningInLabelledText(draft) && written.trim()
      ? warningPrefix(warning) + written
      : written;
  const measure = measures[account.network];
  const threaded = draft.threadTargets.includes(account.id);
  const split = measuredSplit({
    account,
    measure,
    text,
    ...(spoilerText && { spoilerText }),
    threaded,
    numbering: draft.numbering,
    maxParts: MAX_THREAD_PARTS,
  });
  // Images alone make a post: every network so far accepts an empty text with media.
  const parts =
    split.parts.length === 0 && draft.images.length > 0
      ? [
          {
            text: '',
            measure: measure('', account.limits, spoilerText ? { spoilerText } : {}),
          },
        ]
      : split.parts;

  const label = labelled ? selfLabelOf(draft) : 'none';
  const visibility = visibilityFor(draft, account, caps.visibilities);
  const content: TargetContent = {
    parts: parts.map((part) => part.text),
    ...(spoilerText && { spoilerText, sensitive: true }),
    ...(label !== 'none' && { labels: [label] }),
    ...(visibility && { visibility }),
    ...(caps.language && draft.language && { language: draft.language }),
    ...(caps.localOnly && draft.localOnly && { localOnly: true }),
    ...(draft.images.length > 0 && {
      images: draft.images.map(({ id, alt, name, sourceUrl }) => ({
        id,
        alt: alt.trim(),
        name,
        ...(sourceUrl && { sourceUrl }),
      })),
    }),
  };
  const linkCard = cardFor(draft, caps, parts[0]?.text);
  if (linkCard) content.linkCard = linkCard;

  // An automatic split into several parts means the whole did not fit; only otherwise is the
  // whole counted, which for a pasted article costs more than a keystroke may.
  const splitForLength = threaded && parts.length > 1 && !hasThreadMarker(text);
  const plan: TargetPlan = {
    account,
    source,
    text,
    get measure() {
      return split.whole;
    },
    canThread: caps.threads !== 'none' && (splitForLength || split.whole.over),
    threaded,
    parts,
    ...(split.cut && { partsCut: true }),
    content,
  };
  // A thread's replies may be text only; its first post is the one that needs the photo.
  if (caps.media.topLevelNeedsMedia && draft.images.length === 0) {
    plan.needsMedia = t('plan.needsPhoto', { network: NETWORK_INFO[account.network].name });
  }
  const problem = problemOf(plan, caps, split.unsplittable);
  if (problem) plan.problem = problem;
  return plan;
}

/**
 * The draft's card, for an account whose network has the client build cards and whose first post
 * still links to it. Servers that build their own cards get only the link; images take the embed
 * a card would use.
 */
function cardFor(
  draft: Draft,
  caps: NetworkCapabilities,
  firstPart: string | undefined,
): LinkCard | undefined {
  const card = draft.linkCard;
  if (!card || caps.linkCards !== 'client' || draft.images.length > 0 || !firstPart) {
    return undefined;
  }
  // A card whose link the user has since deleted or changed would describe a page not linked.
  const wanted = linkKey(card.url);
  const linked = detectAtprotoLinks(firstPart).some((link) => linkKey(link.uri) === wanted);
  return wanted !== undefined && linked ? card : undefined;
}

/** Alt text is counted as Mastodon's validator does: in code points. */
function altLength(alt: string): number {
  return [...alt.trim()].length;
}

/** Mastodon's words for its visibilities, as its own composer shows them. */
export const VISIBILITY_NAMES = translatedNames<Visibility>({
  public: 'visibility.public',
  unlisted: 'visibility.unlisted',
  private: 'visibility.private',
  direct: 'visibility.direct',
});

function problemOf(
  plan: TargetPlan,
  caps: NetworkCapabilities,
  unsplittable: string | undefined,
): string | undefined {
  const label = accountLabel(plan.account);
  if (plan.needsMedia) {
    return t('plan.addPhotoOrLeaveOut', { needs: plan.needsMedia, account: label });
  }
  const visibility = plan.content.visibility;
  if (visibility && !caps.visibilities.includes(visibility)) {
    return t('plan.visibilityMissing', {
      account: label,
      visibility: VISIBILITY_NAMES[visibility],
    });
  }
  const images = plan.content.images ?? [];
  const { maxMediaAttachments, altTextLimit } = plan.account.limits;
  if (images.length > maxMediaAttachments) {
    const extra = images.length - maxMediaAttachments;
    return tn('plan.tooManyImages', maxMediaAttachments, {
      account: label,
      extra: formatNumber(extra),
    });
  }
  const longAlt = images.find((image) => altTextLimit && altLength(image.alt) > altTextLimit);
  if (longAlt && altTextLimit) {
    return t('plan.altTooLong', {
      image: longAlt.name ?? t('plan.anImage'),
      account: label,
      limit: formatNumber(altTextLimit),
    });
  }
  if (plan.parts.length === 0) {
    return plan.source === 'main'
      ? t('plan.writeSomething')
      : t('plan.separateEmpty', { account: label });
  }
  if (unsplittable) return t('plan.unsplittable', { piece: unsplittable, account: label });
  if (plan.parts.length > MAX_THREAD_PARTS) {
    return t('plan.threadTooLong', {
      parts: partCount(plan),
      account: label,
      max: formatNumber(MAX_THREAD_PARTS),
    });
  }
  if (plan.parts.some((part) => part.measure.over)) {
    return plan.threaded
      ? t('plan.partTooLong', { account: label })
      : t('plan.tooLong', { account: label });
  }
  return undefined;
}

/** How many posts a thread would be, in words: past the most a thread may have only "more" is known. */
export function partCount(plan: TargetPlan): string {
  return plan.partsCut
    ? t('plan.moreThan', { max: formatNumber(MAX_THREAD_PARTS) })
    : formatNumber(plan.parts.length);
}

/** How long a quota reading is trusted to block a post before Post. */
const QUOTA_TRUSTED_MS = 3_600_000;

/** Plans every picked account that is still connected to Crosswind. */
export function planPost(draft: Draft, accounts: Account[], measures: Measures): TargetPlan[] {
  const picked = pickedAccounts(draft, accounts);
  return picked.map((account) => {
    const plan = planTarget(draft, account, measures);
    if (
      !plan.problem &&
      draft.images.length > 0 &&
      !imagesReachable(account, picked, draft.images)
    ) {
      plan.problem = t('threads.imageNeedsHost', { account: accountLabel(account) });
    }
    // The quota as last read (Threads: 250 posts per 24 hours; every page open reads it again).
    // A reading over an hour old may have rolled over: the network's own refusal says it then.
    if (
      !plan.problem &&
      account.quota &&
      account.quota.used >= account.quota.total &&
      Date.now() - account.limitsCheckedAt < QUOTA_TRUSTED_MS
    ) {
      plan.problem = t('threads.quotaUsed', {
        account: accountLabel(account),
        total: account.quota.total,
      });
    }
    return plan;
  });
}

/** The picked accounts still connected to Crosswind, in the order they were picked. */
export function pickedAccounts(draft: Pick<Draft, 'targetIds'>, accounts: Account[]): Account[] {
  return draft.targetIds.flatMap((id) => {
    const account = accounts.find((item) => item.id === id);
    return account ? [account] : [];
  });
}

/**
 * False for an account whose network fetches images from a public address (Threads) when no
 * other picked account's copy will give the images one: Crosswind never uploads them elsewhere.
 */
function imagesReachable(account: Account, picked: Account[], images: DraftImage[]): boolean {
  if (!NETWORK_INFO[account.network].capabilities.media.imagesByPublicUrl) return true;
  // Images shared from a web page already have an address anyone can fetch.
  if (images.every((image) => image.sourceUrl)) return true;
  return picked.some(
    (other) =>
      other.id !== account.id && NETWORK_INFO[other.network].capabilities.media.hostsPublicImages,
  );
}
