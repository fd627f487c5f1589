import { gzipSync } from 'node:zlib';
import type { Plugin, Rolldown } from 'vite';
type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

const PAGE_ENTRY = /[/\\](popup|options|sent-posts)[/\\]index\.html$/;

/** How much JavaScript a page may load before its first frame: gzipped bytes, and files. */
export interface StartupBudget {
  gzip: number;
  files?: number;
}

function chunksOf(bundle: OutputBundle): OutputChunk[] {
  return Object.values(bundle).filter((item): item is OutputChunk => item.type === 'chunk');
}

/** The chunks a page loads: its entry and its imports, transitively (dynamic ones too if asked). */
export function reachableChunks(
  entry: OutputChunk,
  bundle: OutputBundle,
  dynamic: boolean,
): OutputChunk[] {
  const seen = new Map<string, OutputChunk>();
  const visit = (chunk: OutputChunk) => {
    if (seen.has(chunk.fileName)) return;
    seen.set(chunk.fileName, chunk);
    for (const name of dynamic ? [...chunk.imports, ...chunk.dynamicImports] : chunk.imports) {
      const next = bundle[name];
      if (next?.type === 'chunk') visit(next);
    }
  };
  visit(entry);
  return [...seen.values()];
}

/**
 * Fails the build when a page bundle (popup, options, sent posts) pulls in a network SDK or a page
 * parser: those belong to the background worker only, for the popup's start-up time and so that
 * pages never hold clients.
 * `backgroundFiles` are project files that must stay in the background too (the outbox's writer:
 * only the background writes the outbox). Also prints what the popup loads at start-up, gzipped,
 * so growth is seen at every build, and fails it when a page's start-up JavaScript (gzipped, chunk
 * by chunk as the browser fetches them) grows past its entry in `startupBudgets`, or comes in more
 * files than it allows (the browser serves a page's files one after another).
 * `lazyFiles` are project files pages may only load later, by dynamic import (the networks'
 * counters, which the popup's first frame does without); `pageLazyFiles` adds files (or package
 * files) only one page must load later, by its name.
 */
export function forbidModulesInPages(
  packages: string[],
  backgroundFiles: string[] = [],
  startupBudgets: Partial<Record<string, StartupBudget>> = {},
  lazyFiles: string[] = [],
  pageLazyFiles: Partial<Record<string, string[]>> = {},
): Plugin {
  const inPackage = (id: string) =>
    packages.some((name) => id.includes(`/node_modules/${name}/`)) ||
    backgroundFiles.some((file) => id.endsWith(`/${file}`));
  return {
    name: 'crosswind:forbid-modules-in-pages',
    apply: 'build',
    generateBundle(_options, bundle) {
      const entries = chunksOf(bundle).filter((chunk) =>
        PAGE_ENTRY.test(chunk.facadeModuleId ?? ''),
      );
      for (const entry of entries) {
        for (const chunk of reachableChunks(entry, bundle, true)) {
          const offender = chunk.moduleIds.find(inPackage);
          if (offender) {
            this.error(
              `${entry.fileName} loads ${chunk.fileName}, which includes ${offender}: network SDKs, page parsers and the outbox's writer must stay in the background bundle.`,
            );
          }
        }
        const page = PAGE_ENTRY.exec(entry.facadeModuleId ?? '')?.[1] ?? entry.name;
        const lazy = [...lazyFiles, ...(pageLazyFiles[page] ?? [])];
        const files = reachableChunks(entry, bundle, false);
        for (const chunk of files) {
          const eager = chunk.moduleIds.find((id) => lazy.some((file) => id.endsWith(`/${file}`)));
          if (eager) {
            this.error(
              `${entry.fileName} loads ${eager} at start-up (in ${chunk.fileName}): it must be loaded after the first frame, by dynamic import.`,
            );
          }
        }
        const raw = files.reduce((sum, chunk) => sum + Buffer.byteLength(chunk.code), 0);
        const gzip = files.reduce((sum, chunk) => sum + gzipSync(chunk.code).length, 0);
        console.log(
          `[crosswind] ${page} JS at start-up: ${(raw / 1024).toFixed(1)} kB, ${(gzip / 1024).toFixed(1)} kB gzipped (${files.length} files, no network SDK)`,
        );
        const budget = startupBudgets[page];
        if (budget !== undefined && gzip > budget.gzip) {
          this.error(
            `${page} loads ${(gzip / 1024).toFixed(1)} kB of gzipped JavaScript at start-up, over its budget of ${(budget.gzip / 1024).toFixed(1)} kB: load what its first frame does not need later (dynamic import).`,
          );
        }
        if (budget?.files !== undefined && files.length > budget.files) {
          this.error(
            `${page} loads ${files.length} JavaScript files at start-up (${files.map((chunk) => chunk.fileName).join(', ')}), over its budget of ${budget.files}: each one more is fetched after the others.`,
          );
        }
      }
    },
  };
}
