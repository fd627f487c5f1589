import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The Nostr pieces the composer may use on a page (hashtags, thread tags, relay lists, results)
// must not pull in nostr-tools, which stays in the background bundle. The build guard catches a
// page that imports it; this catches a "pure" module that quietly started to.

const ROOT = resolve(__dirname, '../../../../utils/networks/nostr');
const PAGE_SAFE = [
  'types.ts',
  'hashtags.ts',
  'imeta.ts',
  'thread.ts',
  'deletion.ts',
  'relay-url.ts',
  'relay-list.ts',
  'relay-results.ts',
  'media-servers.ts',
];

/** The extension's own runtime, in every page anyway (errors are worded through browser.i18n). */
const PLATFORM = new Set(['wxt/browser']);

/** Bare package names a module reaches through its relative imports (types alone load nothing). */
function packagesReached(file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>();
  if (seen.has(file)) return packages;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const [, specifier] of source.matchAll(/^import(?! type )[^'"]*['"]([^'"]+)['"]/gm)) {
    if (!specifier || PLATFORM.has(specifier)) continue;
    if (specifier.startsWith('.')) {
      const target = resolve(dirname(file), `${specifier}.ts`);
      for (const name of packagesReached(target, seen)) packages.add(name);
    } else {
      packages.add(specifier);
    }
  }
  return packages;
}

describe('SDK-free Nostr modules', () => {
  it.each(PAGE_SAFE)('%s imports no package', (name) => {
    expect([...packagesReached(resolve(ROOT, name))]).toEqual([]);
  });
});
