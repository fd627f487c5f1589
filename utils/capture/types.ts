/** What a page says about itself, cleaned and ready to prefill a post or a link card. */
export interface PageMetadata {
  /** The page's canonical http(s) address; empty when the page has none (file:, about:...). */
  url: string;
  /** Never empty when url is set: falls back to the address's host. */
  title: string;
  description?: string;
  /** An absolute http(s) image URL, for a link card. */
  image?: string;
  /** Only set along with image. */
  imageAlt?: string;
  siteName?: string;
}

/** One metadata-bearing element of a page's head, as both the DOM and the HTML readers see it. */
export type HeadEntry =
  /** `<meta>` keyed by its lowercased property or name; one entry per attribute if it has both. */
  | { kind: 'meta'; key: string; value: string }
  | { kind: 'title'; value: string }
  | { kind: 'canonical'; value: string }
  | { kind: 'base'; value: string };
