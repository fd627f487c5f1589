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

/** What the content script read from the page the user invoked Crosswind on. */
export interface PageCapture {
  metadata: PageMetadata;
  /** The selected text with its line breaks, cleaned and capped; empty when nothing is selected. */
  selection: string;
  /** True when the selection was longer than the cap and was cut. */
  selectionCut: boolean;
  capturedAt: number;
}

/** A post offered from a page, a selection, a link or an image, ready for the composer. */
export interface PageShare {
  id: string;
  /** The text to start the post with, or to add to a post being written. */
  text: string;
  /** Where it came from, for "From <title>" in the composer. */
  source: { title: string; url: string };
  /** Metadata for a link card about `source.url`; absent when the page had none. */
  card?: PageMetadata;
  /** Says the selection was cut at the cap, so the user knows the quote is not whole. */
  note?: string;
  /** A menu or the shortcut made it and opened the composer for it; the toolbar made it otherwise. */
  via: 'menu' | 'toolbar';
  /** Set once the composer used or dismissed it, so it is offered only once. */
  settled?: boolean;
  /**
   * A clip shared from the page, stored by the background (it cannot read a video's length or
   * size): the composer reads it and attaches it, then drops this.
   */
  video?: { id: string; name: string };
  createdAt: number;
}
