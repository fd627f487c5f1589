import type { Plugin } from 'vite';

/**
 * One chunk for the project modules a page's entry imports statically (what its first frame
 * runs), where the split by which other pages share each module would make many small ones: each
 * file is one more fetch the browser waits for before the first frame. Packages and `separate`
 * modules keep their own chunks; the page's HTML and its script stay its entry chunk. `plugin` finds the modules once the module graph is known;
 * `group` is the code-splitting group that takes them (`output.codeSplitting.groups`).
 */
export function firstFrameChunk(
  page: { html: string; main: string },
  name: string,
  separate: (id: string) => boolean,
) {
  const modules = new Set<string>();
  const plugin: Plugin = {
    name: 'crosswind:first-frame-chunk',
    apply: 'build',
    buildEnd() {
      modules.clear();
      const ids = [...this.getModuleIds()];
      const start = ids.find((id) => id.endsWith(`/${page.html}`));
      const main = ids.find((id) => id.endsWith(`/${page.main}`));
      const visit = (id: string) => {
        if (modules.has(id)) return;
        modules.add(id);
        for (const next of this.getModuleInfo(id)?.importedIds ?? []) {
          if (!next.includes('/node_modules/') && !separate(next)) {
            visit(next);
          }
        }
      };
      if (start) visit(start);
      // The page's own script stays its entry chunk, which the page's HTML names.
      for (const own of [start, main]) if (own) modules.delete(own);
    },
  };
  return { plugin, group: { name, test: (id: string) => modules.has(id) } };
}
