import type { Plugin, Rolldown } from 'vite';
import { describe, expect, it, vi } from 'vitest';
import { inlineStylesheets } from '../../build/inline-stylesheets';

type Item = Rolldown.OutputChunk | Rolldown.OutputAsset;
type Bundle = Record<string, Item>;

const STYLE = 'assets/popup-A1.css';
const CSS = ':root{color-scheme:light dark}.popup{width:26rem}';

const chunk = (fields: Partial<Rolldown.OutputChunk>) =>
  ({ type: 'chunk', isEntry: false, imports: [], code: '', ...fields }) as Rolldown.OutputChunk;
const asset = (fileName: string, source: string) =>
  ({ type: 'asset', fileName, source }) as Rolldown.OutputAsset;

/** The popup's page as Vite leaves it: its entry imports the stylesheet, a later chunk the entry. */
function popupBundle(css = CSS): Bundle {
  const entry = chunk({
    fileName: 'chunks/popup-1.js',
    isEntry: true,
    facadeModuleId: '/repo/entrypoints/popup/index.html',
    viteMetadata: { importedCss: new Set([STYLE]), importedAssets: new Set(), __modules: {} },
  });
  const later = chunk({
    fileName: 'chunks/PopupApp-2.js',
    imports: ['chunks/popup-1.js'],
    viteMetadata: { importedCss: new Set(), importedAssets: new Set(), __modules: {} },
  });
  return { [entry.fileName]: entry, [later.fileName]: later, [STYLE]: asset(STYLE, css) };
}

const PAGE =
  '<html><head><title>Crosswind</title><script type="module" crossorigin src="/chunks/popup-1.js"></script></head><body></body></html>';

function hook(plugin: Plugin) {
  const generate = plugin.generateBundle as { handler: (...args: unknown[]) => void };
  const error = vi.fn((message: string) => {
    throw new Error(message);
  });
  return (bundle: Bundle) => generate.handler.call({ error }, {}, bundle);
}

/** Runs the plugins around what Vite does in between: write the page from what its chunks import. */
function build(bundle: Bundle, writeChunks?: (bundle: Bundle) => void) {
  const [takeOut, putIn] = inlineStylesheets();
  hook(takeOut!)(bundle);
  const entry = bundle['chunks/popup-1.js'] as Rolldown.OutputChunk;
  const links = [...entry.viteMetadata!.importedCss].map(
    (style) => `<link rel="stylesheet" crossorigin href="/${style}">`,
  );
  bundle['popup.html'] = asset('popup.html', PAGE.replace('</head>', `${links.join('')}</head>`));
  writeChunks?.(bundle);
  hook(putIn!)(bundle);
  return String((bundle['popup.html'] as Rolldown.OutputAsset).source);
}

describe('inlineStylesheets', () => {
  it('puts the page’s stylesheet in its head, before its scripts, and drops the file', () => {
    const bundle = popupBundle();
    const html = build(bundle);
    expect(html).not.toContain('<link');
    expect(html).toContain(
      `<title>Crosswind</title>\n    <style>${CSS}</style><script type="module"`,
    );
    expect(bundle[STYLE]).toBeUndefined();
  });

  it('puts the styles last in a head without scripts', () => {
    const bundle = popupBundle();
    const [takeOut, putIn] = inlineStylesheets();
    hook(takeOut!)(bundle);
    bundle['popup.html'] = asset(
      'popup.html',
      '<html><head><title>Crosswind</title></head><body><script type="module" src="/chunks/popup-1.js"></script></body></html>',
    );
    hook(putIn!)(bundle);
    expect(String((bundle['popup.html'] as Rolldown.OutputAsset).source)).toContain(
      `<title>Crosswind</title>\n    <style>${CSS}</style></head>`,
    );
  });

  it('keeps chunks loaded later from fetching the page’s styles again', () => {
    const bundle = popupBundle();
    build(bundle);
    for (const item of Object.values(bundle)) {
      if (item.type === 'chunk') expect([...item.viteMetadata!.importedCss]).toEqual([]);
    }
  });

  it('keeps a stylesheet in the package when something still names it', () => {
    const bundle = popupBundle();
    const html = build(bundle, (written) => {
      const later = written['chunks/PopupApp-2.js'] as Rolldown.OutputChunk;
      later.code = `const deps=["${STYLE}"];`;
    });
    expect(html).toContain(`<style>${CSS}</style>`);
    expect(bundle[STYLE]).toBeDefined();
  });

  it('fails the build for styles that would change meaning inside the page', () => {
    expect(() => build(popupBundle('.logo{background:url(./logo.png)}'))).toThrow(
      `${STYLE} cannot be put inside its page: it names a file by url()`,
    );
    expect(() => build(popupBundle('.x::after{content:"</style>"}'))).toThrow(
      'it contains "</style"',
    );
    // Data URLs resolve the same anywhere.
    expect(build(popupBundle('.x{background:url("data:image/png;base64,AA==")}'))).toContain(
      '<style>.x{background:url("data:image/png;base64,AA==")}</style>',
    );
  });

  it('leaves a page without styles of its own as Vite wrote it', () => {
    const bundle = popupBundle();
    const entry = bundle['chunks/popup-1.js'] as Rolldown.OutputChunk;
    entry.viteMetadata!.importedCss.clear();
    expect(build(bundle)).toBe(PAGE);
    expect(bundle[STYLE]).toBeDefined();
  });
});
