import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { build, type Rollup } from 'vite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Bundles a module into a classic script that defines `globalThis[globalName]`, so a test can
 * inject it into any page with `addScriptTag({ content })` (no extension build, no server).
 */
export async function bundleForBrowser(
  entry: string,
  globalName: string,
  define: Record<string, string> = {},
): Promise<string> {
  const result = await build({
    configFile: false,
    root: ROOT,
    define,
    logLevel: 'silent',
    publicDir: false,
    build: {
      write: false,
      minify: false,
      emptyOutDir: false,
      lib: { entry: path.resolve(ROOT, entry), name: globalName, formats: ['iife'] },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunk = outputs
    .flatMap((output) => output.output)
    .find((item): item is Rollup.OutputChunk => item.type === 'chunk');
  if (!chunk) throw new Error(`Vite produced no script for ${entry}`);
  return chunk.code;
}

/** The image pipeline as the global `CrosswindMedia` (`prepareImage`). */
export async function bundlePrepare(): Promise<string> {
  const english = generateChromeMessages(
    await parseMessagesFile(path.resolve(ROOT, 'locales/en.yml')),
  );
  return bundleForBrowser('tests/media/prepare-entry.ts', 'CrosswindMedia', {
    CROSSWIND_ENGLISH_MESSAGES: JSON.stringify(english),
  });
}
