import { t } from '@/utils/i18n/messages';
import { fetchImage } from '../capture/fetch-image';
import { toCrosswindError } from '../errors';
import { openImage } from '../media/prepare';
import type { ImageTarget } from '../media/targets';
import type { Account, LinkCard, NetworkAdapter, PreparedUpload } from '../networks/types';
import { updateTarget } from './job-store';
import type { TargetJob } from './types';

/**
 * Uploads the link card's thumbnail once per account and records it on the target, so a retry
 * posts the same blob. Only the first post carries a card, and never one with images, so a
 * target whose first post is out, or that has images, needs none.
 */
export async function ensureCardThumb(
  jobId: string,
  target: TargetJob,
  account: Account,
  adapter: NetworkAdapter,
): Promise<TargetJob> {
  const card = target.content.linkCard;
  const needed =
    card?.image &&
    target.cardThumb === undefined &&
    !target.content.images?.length &&
    !target.parts[0]?.result;
  if (!card || !needed) return target;
  await updateTarget(jobId, target.accountId, (item) => {
    item.status = 'uploading';
  });
  const prepared = await preparedThumb(card, adapter.imageRules(account));
  // Upload failures are the account's (auth, rate limit, server) and take the usual retry path.
  const thumb = prepared ? await adapter.uploadImage(account, prepared, {}) : null;
  const updated = await updateTarget(jobId, target.accountId, (item) => {
    item.cardThumb = thumb;
    item.status = 'posting';
  });
  return updated?.targets.find((item) => item.accountId === target.accountId) ?? target;
}

/** The page's image fitted to the account's rules, or null when it cannot be had. */
async function preparedThumb(card: LinkCard, rules: ImageTarget): Promise<PreparedUpload | null> {
  const name = t('linkCard.previewImage', { host: safeHost(card.url) });
  try {
    const blob = await fetchImage(card.image ?? '');
    const source = await openImage(Object.assign(blob, { name }));
    try {
      const prepared = await source.prepare(rules);
      return {
        blob: prepared.blob,
        alt: card.imageAlt ?? '',
        width: prepared.width,
        height: prepared.height,
      };
    } finally {
      source.close();
    }
  } catch (error) {
    // A page's image that is gone, too big or broken must not stop the post: the card goes
    // without it. Only what says "stop and wait" (auth, rate limit) or a cancel goes up.
    const known = toCrosswindError(error);
    if (known.kind === 'auth' || known.kind === 'rate-limit' || known.kind === 'cancelled') {
      throw known;
    }
    return null;
  }
}

function safeHost(url: string): string {
  return URL.canParse(url) ? new URL(url).host : t('linkCard.theLinkedPage');
}
