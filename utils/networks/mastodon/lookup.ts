import { createRestAPIClient, MastoHttpError, type mastodon } from 'masto';
import type { Account, OutgoingPost, PublishedPost } from '../types';
import { authorized } from './access';

/** How many of the account's latest statuses a lookup reads; a retry comes soon after the attempt. */
const LOOKBACK = 20;

/** The status's text as typed: Mastodon-API servers answer HTML, some also the source text. */
function plainText(status: mastodon.v1.Status): string {
  const html = status.text ?? status.content;
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a status is the one this post made: the same media, or the same reply and text. */
function isSentAs(status: mastodon.v1.Status, post: OutgoingPost): boolean {
  const parent = post.replyTo?.parent.id ?? null;
  if ((status.inReplyToId ?? null) !== parent) return false;
  const media = post.media?.map((item) => item.id) ?? [];
  // Uploaded media ids are unique to this attempt: the surest sign.
  if (media.length > 0)
    return media.every((id) => status.mediaAttachments.some((m) => m.id === id));
  return plainText(status) === post.text.replace(/\s+/g, ' ').trim();
}

/**
 * The status an earlier attempt of this post created, if it did: for servers that do not answer a
 * repeated Idempotency-Key with the first status, a retry looks among the account's latest
 * statuses before sending again.
 */
export async function findSentStatus(
  account: Account,
  post: OutgoingPost,
): Promise<PublishedPost | undefined> {
  const latest = (client: mastodon.rest.Client) =>
    client.v1.accounts.$select(account.remoteId).statuses.list({ limit: LOOKBACK });
  let statuses: mastodon.v1.Status[];
  try {
    statuses = await authorized(account, latest);
  } catch (error) {
    // Crosswind asks Mastodon-scoped servers only for `read:accounts`: their token may not read
    // statuses (403), but the account's public and unlisted posts can be read without one.
    if (!(error instanceof MastoHttpError) || error.statusCode !== 403) throw error;
    statuses = await latest(createRestAPIClient({ url: account.server, timeout: 30_000 }));
  }
  const found = statuses.find((status) => isSentAs(status, post));
  return found ? { id: found.id, url: found.url ?? found.uri } : undefined;
}
