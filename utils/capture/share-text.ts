import { composeFromPage, type PageTemplate } from './template';
import { quoteForPost } from './selection';
import type { PageMetadata } from './types';
import { formatNumber } from '../i18n/format';
import { t } from '../i18n/messages';

/**
 * The text a page share starts with. A selection is always quoted first; the template then
 * decides whether the page's title comes with its link.
 */
export function pageShareText(
  meta: Pick<PageMetadata, 'title' | 'url'>,
  template: PageTemplate,
  selection = '',
): string {
  const quote = quoteForPost(selection);
  if (!quote) return composeFromPage(meta, { template });
  const page = template === 'title-url' ? composeFromPage(meta, { template }) : meta.url.trim();
  return [quote, page].filter(Boolean).join('\n\n');
}

/** A shared link: its visible text on one line, then the address. */
export function linkShareText(url: string, linkText: string): string {
  const label = linkText.trim();
  return label && label !== url ? `${label}\n${url}` : url;
}

/** What the composer says when a selection was cut to fit. */
export function selectionCutNote(): string {
  return t('capture.selectionCut', { max: formatNumber(2000) });
}
