import type { MessageKey } from '../i18n/messages';

/** The shapes a post prefilled from a page can take. */
export type PageTemplate = 'title-url' | 'url' | 'quote-url';

/** The templates in the order a settings select lists them, with their labels' keys. */
export const PAGE_TEMPLATES: ReadonlyArray<{ value: PageTemplate; label: MessageKey }> = [
  { value: 'title-url', label: 'preferences.templateTitleUrl' },
  { value: 'url', label: 'preferences.templateUrl' },
  { value: 'quote-url', label: 'preferences.templateQuoteUrl' },
];

/** The template used until the user picks one. */
export const DEFAULT_PAGE_TEMPLATE: PageTemplate = 'title-url';

/** Whether a stored or received value names a template, so a stale setting falls back cleanly. */
export function isPageTemplate(value: unknown): value is PageTemplate {
  return PAGE_TEMPLATES.some((template) => template.value === value);
}

/** How a page-prefilled post is worded. */
export interface ComposeFromPageOptions {
  template: PageTemplate;
  /** The quote as it should appear, already formatted (see quoteForPost). */
  quote?: string;
}

/** The text of a new post about a page; with no selection, quote-url falls back to title-url. */
export function composeFromPage(
  meta: { title: string; url: string },
  options: ComposeFromPageOptions,
): string {
  const title = meta.title.trim();
  const url = meta.url.trim();
  const quote = options.quote?.trim() ?? '';
  // Empty parts are dropped rather than leaving a stray blank line at the top of the post.
  switch (options.template) {
    case 'url':
      return url;
    case 'quote-url':
      if (quote) return [quote, url].filter(Boolean).join('\n\n');
      return [title, url].filter(Boolean).join('\n');
    default:
      return [title, url].filter(Boolean).join('\n');
  }
}
