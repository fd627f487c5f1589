import { browser } from 'wxt/browser';
import { sanitizeCapture } from './capture-page';
import { cleanText, safeHttpUrl, TEXT_CAPS } from './sanitize';
import type { PageCapture } from './types';
import { t } from '../i18n/messages';

/** The tab fields Crosswind uses; activeTab fills url and title once the user invoked it there. */
export interface TabInfo {
  id?: number;
  url?: string;
  title?: string;
}

/** A page read, or why it could not be. */
export type TabCapture = { ok: true; capture: PageCapture } | { ok: false; reason: string };

/** The bundle WXT builds from entrypoints/capture.ts. */
const CAPTURE_SCRIPT = '/capture.js';

/** Why the page gave the composer nothing, in the user's language. */
const cannotCapture = () => t('capture.cannotRead');

/** Address and title from the tab alone, for pages the script cannot enter (a PDF, say). */
function fromTab(tab: TabInfo): PageCapture | undefined {
  const url = safeHttpUrl(tab.url);
  if (!url) return undefined;
  const title = cleanText(tab.title, { maxLength: TEXT_CAPS.title }).text || new URL(url).hostname;
  return { metadata: { url, title }, selection: '', selectionCut: false, capturedAt: Date.now() };
}

/** Runs the capture script in the tab the user invoked Crosswind on. */
export async function captureTab(tab: TabInfo): Promise<TabCapture> {
  if (tab.id === undefined) return { ok: false, reason: cannotCapture() };
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId: tab.id },
      files: [CAPTURE_SCRIPT],
    });
    const capture = sanitizeCapture(result?.result);
    if (capture?.metadata.url) return { ok: true, capture };
  } catch {
    // Browser pages, the web store and the PDF viewer refuse scripts; the tab may still help.
  }
  const fallback = fromTab(tab);
  return fallback ? { ok: true, capture: fallback } : { ok: false, reason: cannotCapture() };
}

/** Runs a small lookup in the tab; any failure means "not found", never an error for the user. */
async function lookUp<A extends string>(
  tabId: number | undefined,
  func: (arg: A) => string | null,
  arg: A,
): Promise<string> {
  if (tabId === undefined) return '';
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId },
      func,
      args: [arg],
    });
    return typeof result?.result === 'string' ? result.result : '';
  } catch {
    return '';
  }
}

// Injected as source text: these must not use anything from outside their own bodies.
function altOfImage(src: string): string | null {
  for (const image of Array.from(document.images)) {
    if (image.currentSrc === src || image.src === src) return image.alt;
  }
  return null;
}
function textOfLink(href: string): string | null {
  for (const link of Array.from(document.links)) {
    if (link.href === href) return (link as HTMLElement).innerText;
  }
  return null;
}

/** The `alt` the page gave the image at `src`, cleaned. */
export async function imageAltInTab(tabId: number | undefined, src: string): Promise<string> {
  const alt = await lookUp(tabId, altOfImage, src);
  return cleanText(alt, { maxLength: TEXT_CAPS.alt }).text;
}

/** The visible text of the link to `href`, cleaned to one line. */
export async function linkTextInTab(tabId: number | undefined, href: string): Promise<string> {
  const text = await lookUp(tabId, textOfLink, href);
  return cleanText(text, { maxLength: TEXT_CAPS.title }).text;
}
