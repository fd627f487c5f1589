import type { Plugin, Rolldown } from 'vite';
import type { Entrypoint, EntrypointGroup } from 'wxt';

/**
 * The popup's first frame in one JavaScript file.
 *
 * Chromium serves an extension's files to a page one after another: in a trace of the popup
 * opening, each file its first frame needed arrived 2–5 ms after the one before, and an empty
 * React popup split into ten files took 18 ms longer to show its text box than the same popup in
 * one (issue 18). Built with the other pages and the worker, the popup's first frame came in four
 * to ten files, since it shares React, the words and the storage code with them. So:
 * - `buildPopupAlone` gives the popup a build of its own (WXT's `entrypoints:grouped` hook). The
 *   cost is bytes in the package: the popup has its own copy of React.
 * - `popupInOneFile` (the popup's build only) keeps everything the first frame imports in the
 *   entry file, and puts Rolldown's helpers in it too, instead of a file of their own. What the
 *   popup loads later (the full composer) still comes in chunks of its own.
 * The production build fails if the first frame needs more than one file (`maxStartupFiles` of
 * forbid-modules-in-pages.ts).
 */
export function buildPopupAlone(groups: EntrypointGroup[]): void {
  for (const group of groups) {
    if (!Array.isArray(group) || group.length < 2) continue;
    const index = group.findIndex((entrypoint) => entrypoint.type === 'popup');
    if (index === -1) continue;
    groups.push(group.splice(index, 1));
    return;
  }
}

/** Whether a build is the popup's own (see buildPopupAlone). */
export const isPopupBuild = (entrypoints: readonly Entrypoint[]) =>
  entrypoints.length === 1 && entrypoints[0]!.type === 'popup';

type CodeSplittingGroup = NonNullable<
  Exclude<Rolldown.OutputOptions['codeSplitting'], boolean | undefined>['groups']
>[number];

const RUNTIME_FILE = /(^|\/)rolldown-runtime-[\w-]+\.js$/;

/**
 * `import{a as b,c}from"./rolldown-runtime-….js";`: the statement by which a minified chunk takes
 * Rolldown's helpers (the only form Rolldown prints for them).
 */
function runtimeImport(code: string, fileName: string): RegExpExecArray | null {
  const name = fileName.split('/').pop()!.replaceAll('.', '\\.');
  return new RegExp(`import\\{([^}]*)\\}from"\\./${name}";`).exec(code);
}

/** `a as b, c` → `[['a', 'b'], ['c', 'c']]`: the names in an import or export list. */
function namePairs(list: string): Array<[string, string]> {
  return list.split(',').map((specifier) => {
    const [name, alias] = specifier.trim().split(/\s+as\s+/);
    return [name!, alias ?? name!];
  });
}

/**
 * The helpers' module as an expression: its code in a function that returns its exports by name.
 * The helpers hold no state (they wrap CommonJS modules, build namespaces), so the copy in the
 * entry and the one the later chunks import behave the same.
 */
function runtimeAsExpression(runtime: string): string | undefined {
  const exports = /export\{([^}]*)\};?\s*$/.exec(runtime);
  if (!exports) return undefined;
  const returned = namePairs(exports[1]!)
    .map(([local, exported]) => `${exported}:${local}`)
    .join(',');
  return `(()=>{${runtime.slice(0, exports.index)};return{${returned}}})()`;
}

export function popupInOneFile(): Plugin {
  let firstFrame = new Set<string>();
  return {
    name: 'crosswind:popup-in-one-file',
    apply: 'build',
    // Before Vite's HTML plugin lists the entry's imports as modulepreload links.
    enforce: 'pre',
    config(config) {
      // Everything the popup's page imports statically, in one group: without it Rolldown left
      // modules the entry loads anyway in chunks of their own (rolldown/rolldown#10731).
      const group: CodeSplittingGroup = { name: 'popup', test: (id) => firstFrame.has(id) };
      config.build ??= {};
      config.build.rolldownOptions ??= {};
      const output = config.build.rolldownOptions.output;
      if (Array.isArray(output)) throw new Error('popupInOneFile expects one output');
      config.build.rolldownOptions.output = { ...output, codeSplitting: { groups: [group] } };
    },
    buildEnd() {
      const entries = [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry);
      const seen = new Set<string>();
      const queue = [...entries];
      for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
        if (seen.has(id)) continue;
        seen.add(id);
        queue.push(...(this.getModuleInfo(id)?.importedIds ?? []));
      }
      firstFrame = seen;
    },
    generateBundle(_options, bundle) {
      const runtime = Object.values(bundle).find(
        (item): item is Rolldown.OutputChunk =>
          item.type === 'chunk' && RUNTIME_FILE.test(item.fileName),
      );
      if (!runtime) return;
      const expression = runtimeAsExpression(runtime.code);
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry || !chunk.imports.includes(runtime.fileName))
          continue;
        const statement = runtimeImport(chunk.code, runtime.fileName);
        if (!statement || !expression) {
          this.error(`${chunk.fileName}: Rolldown's helpers are imported in an unexpected form`);
        }
        const pattern = namePairs(statement[1]!)
          .map(([imported, local]) => `${imported}:${local}`)
          .join(',');
        // Where the import was, so the helpers are there before any of the chunk's code runs.
        chunk.code = chunk.code.replace(statement[0], `const{${pattern}}=${expression};`);
        chunk.imports = chunk.imports.filter((file) => file !== runtime.fileName);
      }
    },
  };
}
