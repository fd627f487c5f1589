import {
  extractHashtags,
  extractMentions,
  extractUrls,
  removeOverlapping,
  rewriteEntities,
  type Entity,
} from './extractor';
import { escapeHtml } from './http';
import { isBlank } from './multipart';
import type { AccountRecord } from './types';

/** What formatting found in a text: the local accounts it mentions and its hashtags. */
export interface FormattedText {
  html: string;
  mentions: AccountRecord[];
  tags: string[];
}

const URL_PREFIX = /^(https?:\/\/(www\.)?|xmpp:)/;

/** TextFormatter.shortened_link: the scheme hidden, the rest cut to 30 characters. */
function shortenedLink(url: string): string {
  const prefix = URL_PREFIX.exec(url)?.[0] ?? '';
  const rest = url.slice(prefix.length);
  const display = rest.slice(0, 30);
  const suffix = rest.slice(30);
  const cutoff = rest.length > 30;
  return (
    `<a href="${escapeHtml(url)}" target="_blank" rel="nofollow noopener" translate="no">` +
    `<span class="invisible">${escapeHtml(prefix)}</span>` +
    `<span class="${cutoff ? 'ellipsis' : ''}">${escapeHtml(display)}</span>` +
    `<span class="invisible">${escapeHtml(suffix)}</span></a>`
  );
}

/** ActionView's simple_format, then `.delete("\n")` as TextFormatter does for statuses. */
function simpleFormat(markup: string): string {
  const paragraphs = markup.replace(/\r\n?/g, '\n').split(/\n\n+/);
  // Ruby's String#split drops trailing empty fields.
  while (paragraphs.length > 0 && paragraphs[paragraphs.length - 1] === '') paragraphs.pop();
  if (paragraphs.length === 0) return '<p></p>';
  return paragraphs
    .map((paragraph) => `<p>${paragraph.replace(/([^\n]\n)(?=[^\n])/g, '$1<br />')}</p>`)
    .join('\n\n')
    .replace(/\n/g, '');
}

/**
 * TextFormatter#to_s for a local status: escaped text in paragraphs, URLs, hashtags and mentions of
 * local accounts as links, unknown mentions left as text.
 */
export function formatStatusText(
  text: string,
  baseUrl: string,
  findAccount: (username: string) => AccountRecord | undefined,
): FormattedText {
  const mentions: AccountRecord[] = [];
  const tags: string[] = [];
  if (isBlank(text)) return { html: '', mentions, tags };
  const entities = removeOverlapping([
    ...extractUrls(text),
    ...extractHashtags(text),
    ...extractMentions(text),
  ]);
  const markup = rewriteEntities(
    text,
    entities,
    (entity: Entity) => {
      if (entity.url !== undefined) return shortenedLink(entity.url);
      if (entity.hashtag !== undefined) {
        const name = entity.hashtag;
        if (!tags.includes(name.toLowerCase())) tags.push(name.toLowerCase());
        const href = `${baseUrl}/tags/${encodeURIComponent(name)}`;
        return `<a href="${escapeHtml(href)}" class="mention hashtag" rel="tag">#<span>${escapeHtml(name)}</span></a>`;
      }
      const screenName = entity.screenName ?? '';
      const [username = '', domain] = screenName.split('@');
      const account = domain === undefined ? findAccount(username) : undefined;
      if (!account) return `@${escapeHtml(screenName)}`;
      if (!mentions.includes(account)) mentions.push(account);
      return (
        `<span class="h-card" translate="no"><a href="${escapeHtml(`${baseUrl}/@${account.username}`)}" ` +
        `class="u-url mention">@<span>${escapeHtml(account.username)}</span></a></span>`
      );
    },
    escapeHtml,
  );
  return { html: simpleFormat(markup), mentions, tags };
}

/** Plain text as a paragraph, for notes and other simple fields. */
export function formatPlain(text: string): string {
  return isBlank(text) ? '' : simpleFormat(escapeHtml(text));
}
