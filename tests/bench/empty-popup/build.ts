import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'vite';

/** Where the baseline extension is built: beside Crosswind's own builds, never shipped. */
export const EMPTY_POPUP_DIR = path.resolve('.output/bench-empty-popup');

/**
 * Builds the baseline for `bench:popup`: an extension whose popup is an empty React page, made
 * with the project's own React and a production Vite build like Crosswind's.
 */
export async function buildEmptyPopup(): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: path.resolve('tests/bench/empty-popup'),
    base: './',
    mode: 'production',
    build: { outDir: EMPTY_POPUP_DIR, emptyOutDir: true },
  });
  const manifest = {
    manifest_version: 3,
    name: 'Empty React popup',
    version: '1.0.0',
    action: { default_popup: 'index.html' },
    // A worker only so the benchmark can find the extension's id, as it does Crosswind's.
    background: { service_worker: 'worker.js' },
  };
  await writeFile(path.join(EMPTY_POPUP_DIR, 'manifest.json'), JSON.stringify(manifest, null, 2));
  await writeFile(path.join(EMPTY_POPUP_DIR, 'worker.js'), '// Intentionally empty.\n');
  return EMPTY_POPUP_DIR;
}
