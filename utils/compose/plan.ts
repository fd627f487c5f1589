import { linkKey } from '../capture/link-card';
import type { NetworkCapabilities } from '../networks/capabilities';
import { accountLabel, capabilitiesOf, NETWORK_INFO } from '../networks/info';
import { withUsableLimits } from '../networks/limits-validation';
import type { Measures } from '../networks/measures';
import type { Account, LinkCard, TargetContent, Visibility } from '../networks/types';
import { detectAtprotoLinks } from '../text/atproto-links';
import type { TextMeasure } from '../text/limits';
import { hasThreadMarker } from '../text/split-thread';
import type { Draft, DraftImage, VariantKey } from './draft';
import { pickedAccounts, selfLabelOf, sourceFor, warningInLabelledText } from './draft-choices';
import { measuredSplit, type PartPlan } from './measured-split';
import { MAX_THREAD_PARTS, partCount } from './thread-size';
import { VISIBILITY_NAMES } from './visibility-names';
import { warningPrefix } from './warning-label';
import { videoPostNeeds } from './video-post';
import { formatNumber } from '../i18n/format';
import { t, tn } from '../i18n/messages';
import type { VideoPlan } from './video-plan';
import { planVideoFor } from './video-planner';

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
  /** What this account does with the draft's clip, or why it cannot take it. */
  video?: VideoPlan;
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
  // A warning tag (Nostr) travels like a warning text; only the network's counter tells them apart.
  const carriesWarning = caps.contentWarning === 'text' || caps.contentWarning === 'tag';
  const spoilerText = carriesWarning && warning ? warning : undefined;
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
  // Images or a clip alone make a post: every network so far accepts an empty text with media.
  const hasMedia = draft.images.length > 0 || draft.video !== undefined;
  const parts =
    split.parts.length === 0 && hasMedia
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
    ...(draft.video && { video: { ...draft.video, alt: draft.video.alt.trim() } }),
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
  if (caps.media.topLevelNeedsMedia && !hasMedia) {
    plan.needsMedia = t('plan.needsPhoto', { network: NETWORK_INFO[account.network].name });
  }
  const video =
    draft.video &&
    planVideoFor(draft.video, account, { text, ...(spoilerText && { warning: spoilerText }) });
  if (video) plan.video = video;
  const problem =
    (draft.video && draft.images.length > 0 ? t('video.notWithImages') : undefined) ??
    video?.problem ??
    problemOf(plan, caps, split.unsplittable);
  if (problem) plan.problem = problem;
  // Where the video is the post, a post without one has nothing to publish.
  const needsVideo = videoPostNeeds(draft, account);
  if (needsVideo) Object.assign(plan, needsVideo);
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
  if (
    !card ||
    caps.linkCards !== 'client' ||
    draft.images.length > 0 ||
    draft.video ||
    !firstPart
  ) {
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
  if (plan.account.nostr?.locked) return t('nostrUi.unlockFirst', { account: label });
  const images = plan.content.images ?? [];
  if (
    images.length > 0 &&
    caps.media.needsMediaServer &&
    !plan.account.nostr?.mediaServers.length
  ) {
    return t('nostrUi.noMediaServerFor', { account: label });
  }
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
