import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';

/** What the page-side probe records, on the page's own clock (navigation start is 0). */
interface Probe {
  readyAt?: number;
  /** The scripts the document named when it became ready (later ones are loaded lazily). */
  scriptsAtReady: string[];
  keystrokes: number[];
}

/**
 * Installed before any page script runs: notes when `readySelector` first matches, and, for each
 * key pressed, the time from the key event to the frame after it.
 */
export async function installProbe(page: Page, readySelector: string): Promise<void> {
  await page.addInitScript((selector) => {
    const probe: Probe = { keystrokes: [], scriptsAtReady: [] };
    (globalThis as unknown as { benchProbe: Probe }).benchProbe = probe;
    const check = (observer?: MutationObserver) => {
      if (probe.readyAt === undefined && document.querySelector(selector)) {
        probe.readyAt = performance.now();
        // A lazy import adds its own modulepreload links later; those are not start-up scripts.
        probe.scriptsAtReady = [
          ...[...document.querySelectorAll<HTMLScriptElement>('script[src]')].map((s) => s.src),
          ...[...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map(
            (link) => link.href,
          ),
        ];
        observer?.disconnect();
      }
    };
    new MutationObserver((_records, observer) => check(observer)).observe(document, {
      childList: true,
      subtree: true,
    });
    document.addEventListener(
      'keydown',
      (event) => {
        const start = event.timeStamp;
        // The frame after the key: its rAF callback runs before paint, the task after it once painted.
        requestAnimationFrame(() =>
          setTimeout(() => probe.keystrokes.push(performance.now() - start), 0),
        );
      },
      true,
    );
  }, readySelector);
}

async function probeOf(page: Page): Promise<Probe> {
  return page.evaluate(() => (globalThis as unknown as { benchProbe: Probe }).benchProbe);
}

export async function readyTime(page: Page): Promise<number> {
  const { readyAt } = await probeOf(page);
  if (readyAt === undefined) throw new Error(`${page.url()} never became ready`);
  return readyAt;
}

/**
 * Gzipped bytes of every script the page had loaded by the time it was ready: its module scripts,
 * their preloaded imports, and any other script the browser fetched before then.
 */
export async function startupBytes(page: Page, distDir: string): Promise<number> {
  const readyAt = await readyTime(page);
  const { scriptsAtReady } = await probeOf(page);
  const files = await page.evaluate(
    ({ ready, named }) => {
      const urls = [
        ...named,
        ...performance
          .getEntriesByType('resource')
          .filter((entry) => entry.startTime <= ready)
          .map((entry) => entry.name),
      ];
      return urls.filter((url) => url.endsWith('.js')).map((url) => new URL(url).pathname);
    },
    { ready: readyAt, named: scriptsAtReady },
  );
  if (files.length === 0) throw new Error(`${page.url()} loaded no script?`);
  let total = 0;
  for (const file of new Set(files)) {
    total += gzipSync(await readFile(path.join(distDir, file))).length;
  }
  return total;
}

/** Types `text` into the focused field a key at a time; returns each key's time to the next frame. */
export async function keystrokeTimes(page: Page, text: string): Promise<number[]> {
  await page.evaluate(() => {
    (globalThis as unknown as { benchProbe: Probe }).benchProbe.keystrokes = [];
  });
  await page.keyboard.type(text, { delay: 60 });
  await page.waitForTimeout(200);
  return (await probeOf(page)).keystrokes;
}

export function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}
