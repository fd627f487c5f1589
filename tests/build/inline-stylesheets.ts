import type { Plugin, Rolldown } from 'vite';
import { reachableChunks } from './forbid-modules-in-pages';

/** Why a stylesheet cannot move into the page, or undefined when it can. */
function cannotInline(css: string): string | undefined {
  // A relative url() would resolve against the page instead of the stylesheet's folder.
  if (/url\((?!\s*['"]?data:)/i.test(css)) return 'it names a file by url()';
  if (/<\/style/i.test(css)) return 'it contains "</style"';
  return undefined;
}

/**
 * Puts a page's own stylesheets in its HTML as `<style>` elements (the popup's build only).
 *
 * A stylesheet the parser meets holds back the page's module until it has loaded: the browser
 * runs deferred and module scripts only once no such stylesheet is pending. Chromium serves an
 * extension's files one after another, and in traces of the popup opening its module had often
 * arrived and then waited several milliseconds for the stylesheet (issue 18). Inline, the styles
 * come with the HTML. Extension pages allow inline styles: their default content security policy
 * limits scripts only.
 *
 * Two steps around Vite's own: before Vite writes the page's link tags and the preload lists of
 * the chunks loaded later, the page's styles are taken out of what its chunks import (so no link
 * is written, and no later chunk fetches them again); once the page is written, they go in it.
 */
export function inlineStylesheets(): Plugin[] {
  /** Each page's entry file, with the styles that leave its chunks for its HTML. */
  const moved = new Map<string, string[]>();
  const takeOut: Plugin = {
    name: 'crosswind:page-styles-out',
    apply: 'build',
    generateBundle: {
      order: 'pre',
      handler(_options, bundle) {
        moved.clear();
        for (const entry of Object.values(bundle)) {
          if (entry.type !== 'chunk' || !entry.isEntry || !entry.facadeModuleId?.endsWith('.html'))
            continue;
          const styles: string[] = [];
          for (const chunk of reachableChunks(entry, bundle, false)) {
            const imported = chunk.viteMetadata?.importedCss ?? new Set<string>();
            for (const style of imported) {
              const sheet = bundle[style];
              if (sheet?.type !== 'asset') continue;
              const reason = cannotInline(String(sheet.source));
              if (reason) this.error(`${style} cannot be put inside its page: ${reason}`);
              if (!styles.includes(style)) styles.push(style);
              imported.delete(style);
            }
          }
          moved.set(entry.fileName, styles);
        }
      },
    },
  };
  const putIn: Plugin = {
    name: 'crosswind:page-styles-in',
    apply: 'build',
    generateBundle: {
      // After Vite's HTML plugin has written the pages.
      order: 'post',
      handler(_options, bundle) {
        for (const page of Object.values(bundle)) {
          if (page.type !== 'asset' || !page.fileName.endsWith('.html')) continue;
          const html = String(page.source);
          const entry = [...moved.keys()].find((fileName) => html.includes(`/${fileName}"`));
          const styles = entry ? moved.get(entry)! : [];
          if (styles.length === 0) continue;
          const css = styles.map((style) => String((bundle[style] as Rolldown.OutputAsset).source));
          const head = /<head>[\s\S]*?<\/head>/.exec(html);
          if (!head) this.error(`${page.fileName} has no head`);
          // Before the head's first script: the parser reads the styles while the scripts are on
          // their way, not after a script that stops it (popup-read.js) has arrived and run.
          const at =
            head.index + (/\s*<script\b/.exec(head[0])?.index ?? head[0].lastIndexOf('</head>'));
          const elements = css.map((sheet) => `\n    <style>${sheet}</style>`).join('');
          page.source = html.slice(0, at) + elements + html.slice(at);
        }
        const inPages = new Set([...moved.values()].flat());
        for (const style of inPages) {
          const named = Object.values(bundle).some(
            (item) =>
              item.fileName !== style &&
              (item.type === 'chunk' ? item.code : String(item.source)).includes(style),
          );
          // A file some other part of the build still names stays, at the cost of its bytes.
          if (!named) delete bundle[style];
        }
      },
    },
  };
  return [takeOut, putIn];
}
