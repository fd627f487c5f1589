import { formatList, formatNumber } from '../i18n/format';
import { formatClock, formatDurationLimit, formatMegabytes } from '../i18n/format-media';
import { t } from '../i18n/messages';
import {
  videoRefusals,
  videoRulesOf,
  type VideoRefusal,
  type VideoRules,
} from '../media/video-rules';
import type { VideoPostRules } from '../networks/capabilities';
import { accountLabel, NETWORK_INFO } from '../networks/info';
import type { Account, AttachedVideo } from '../networks/types';
import { validatorLength } from '../text/validator-length';
import { videoTitle } from './video-title';

/** What happens to the draft's clip on one account: a note to show, or why it cannot go. */
export interface VideoPlan {
  /** What the account takes ("Bluesky: up to 3 minutes and 100 MB"). */
  note?: string;
  /** Why the clip cannot go to this account, and what to do about it. */
  problem?: string;
  /** Where the video is the post (PeerTube): its title, exactly as it will be sent. */
  title?: string;
  /** What Post will do differently from what was written (a title cut short), said before Post. */
  cautions?: string[];
}

/** The words the clip goes with on this account: its text and its content warning. */
export interface VideoWords {
  text: string;
  warning?: string;
}

/** Plans the clip for one account from its network's rules and its server's limits. */
export function planVideo(
  video: AttachedVideo,
  account: Account,
  words: VideoWords = { text: '' },
): VideoPlan {
  const label = accountLabel(account);
  const network = NETWORK_INFO[account.network].name;
  const rules = videoRulesOf(account);
  if (!rules) return { problem: t('video.unsupported', { account: label }) };
  const refusal = videoRefusals(video, rules)[0];
  if (refusal) return { problem: refusalText(refusal, network, label) };
  const altLimit = Math.min(
    rules.altLimit ?? Number.POSITIVE_INFINITY,
    account.limits.altTextLimit ?? Number.POSITIVE_INFINITY,
  );
  // Counted as Mastodon counts a description (code points), never below Bluesky's graphemes.
  if (Number.isFinite(altLimit) && [...video.alt.trim()].length > altLimit) {
    return { problem: t('video.descriptionTooLong', { account: label, limit: altLimit }) };
  }
  if (rules.post) return planVideoPost(video, words, rules.post, network, label);
  const note = noteFor(rules, network);
  return note ? { note } : {};
}

/**
 * Where the video is the post: the title it will get from the first line, what happens to a line
 * too short or too long for one, and whether the warning fits as its sensitive-content summary.
 */
function planVideoPost(
  video: AttachedVideo,
  words: VideoWords,
  rules: VideoPostRules,
  network: string,
  account: string,
): VideoPlan {
  const warning = words.warning?.trim() ?? '';
  const warningLength = validatorLength(warning);
  if (warningLength > rules.warning.max) {
    return {
      problem: t('video.warningTooLong', {
        network,
        account,
        length: formatNumber(warningLength),
        max: formatNumber(rules.warning.max),
      }),
    };
  }
  const { title, from } = videoTitle(words.text, video.name, rules.title);
  const cautions: string[] = [];
  if (from === 'cut') cautions.push(t('video.titleCut', { max: formatNumber(rules.title.max) }));
  if (from === 'fallback') {
    cautions.push(t('video.titleShort', { min: formatNumber(rules.title.min) }));
  }
  if (warning && warningLength < rules.warning.min) {
    cautions.push(t('video.warningTooShort', { network, min: formatNumber(rules.warning.min) }));
  }
  return {
    note: t('video.postNote', { network, title }),
    title,
    ...(cautions.length > 0 && { cautions }),
  };
}

/** The limits the account will hold the clip to, in words. */
function noteFor(rules: VideoRules, network: string): string | undefined {
  const { maxBytes, maxDurationMs } = rules.limits;
  if (rules.limitsFrom === 'network') {
    if (maxBytes !== undefined && maxDurationMs !== undefined) {
      return t('video.noteNetwork', {
        network,
        duration: formatDurationLimit(maxDurationMs),
        size: formatMegabytes(maxBytes),
      });
    }
  }
  if (maxBytes !== undefined) {
    return t('video.noteServer', { network, size: formatMegabytes(maxBytes) });
  }
  return undefined;
}

/** Why the clip is refused, with the numbers, and the two ways out: another clip, or untick. */
function refusalText(refusal: VideoRefusal, network: string, account: string): string {
  switch (refusal.kind) {
    case 'duration':
      return t('video.tooLong', {
        network,
        account,
        duration: formatClock(refusal.durationMs),
        limit: formatDurationLimit(refusal.limit),
      });
    case 'size':
      return t('video.tooLarge', {
        network,
        account,
        size: formatMegabytes(refusal.bytes),
        limit: formatMegabytes(refusal.limit),
      });
    case 'quota':
      return t('video.overQuota', {
        account,
        size: formatMegabytes(refusal.bytes),
        left: formatMegabytes(refusal.limit),
      });
    case 'type':
      return t('video.wrongType', {
        account,
        type: refusal.type,
        accepted: formatList([...refusal.accepted]),
      });
    case 'frame-rate':
      return t('video.frameRate', {
        account,
        rate: formatNumber(refusal.frameRate),
        limit: formatNumber(refusal.limit),
      });
    case 'matrix':
      return t('video.matrix', {
        account,
        pixels: formatNumber(refusal.pixels),
        limit: formatNumber(refusal.limit),
      });
  }
}
