import { describe, expect, it, vi } from 'vitest';
import { forbidModulesInPages, type StartupBudget } from '../../build/forbid-modules-in-pages';

function chunk(fileName: string, moduleIds: string[], extra: Record<string, unknown> = {}) {
  return {
    type: 'chunk',
    fileName,
    code: 'x'.repeat(100),
    moduleIds,
    imports: [],
    dynamicImports: [],
    facadeModuleId: null,
    name: fileName,
    ...extra,
  };
}

/** Code that gzip cannot shrink much, so its size is felt. */
const incompressible = (length: number) =>
  Array.from({ length }, (_, i) => ((i * 7919) % 65_521).toString(36)).join('');

function run(bundle: Record<string, unknown>, budgets: Record<string, StartupBudget> = {}) {
  const plugin = forbidModulesInPages(
    ['masto', '@atproto'],
    ['utils/publish/job-store.ts'],
    budgets,
    ['utils/text/limits.ts'],
    { popup: ['webextension-polyfill/dist/browser-polyfill.js'] },
  );
  const error = vi.fn((message: string) => {
    throw new Error(message);
  });
  const hook = plugin.generateBundle as (this: unknown, options: unknown, bundle: unknown) => void;
  return () => hook.call({ error }, {}, bundle);
}

/** A popup whose entry imports one chunk at start-up and loads a large one later. */
const popupWithLaterChunk = () => ({
  'popup.js': chunk('popup.js', ['/p/entrypoints/popup/index.html'], {
    facadeModuleId: '/p/entrypoints/popup/index.html',
    imports: ['shared.js'],
    dynamicImports: ['later.js'],
  }),
  'shared.js': chunk('shared.js', ['/p/utils/x.ts'], { code: incompressible(3_000) }),
  // Loaded after the first frame: neither start-up JavaScript nor a start-up file.
  'later.js': chunk('later.js', ['/p/components/Later.tsx'], { code: incompressible(30_000) }),
});

describe('forbidModulesInPages', () => {
  it('fails when a chunk the popup loads contains a network SDK, even through a dynamic import', () => {
    const bundle = {
      'popup.js': chunk('popup.js', ['/p/entrypoints/popup/index.html'], {
        facadeModuleId: '/p/entrypoints/popup/index.html',
        imports: ['shared.js'],
      }),
      'shared.js': chunk('shared.js', ['/p/utils/x.ts'], { dynamicImports: ['lazy.js'] }),
      'lazy.js': chunk('lazy.js', ['/p/node_modules/masto/dist/index.js']),
    };
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(run(bundle)).toThrow(
      'popup.js loads lazy.js, which includes /p/node_modules/masto/dist/index.js',
    );
  });

  it('fails when a page bundles the outbox writer, which only the background may use', () => {
    const bundle = {
      'sent-posts.js': chunk('sent-posts.js', ['/p/utils/publish/job-store.ts'], {
        facadeModuleId: '/p/entrypoints/sent-posts/index.html',
      }),
    };
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(run(bundle)).toThrow(
      'sent-posts.js loads sent-posts.js, which includes /p/utils/publish/job-store.ts',
    );
  });

  it('lets the background hold the SDKs and reports the popup size', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const bundle = {
      'background.js': chunk('background.js', ['/p/node_modules/@atproto/api/dist/index.js']),
      'popup.js': chunk('popup.js', ['/p/entrypoints/popup/index.html'], {
        facadeModuleId: '/p/entrypoints/popup/index.html',
      }),
    };
    expect(run(bundle)).not.toThrow();
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(
        /^\[crosswind\] popup JS at start-up: 0\.1 kB, 0\.0 kB gzipped \(1 files, no network SDK\)$/,
      ),
    );
  });

  it('fails when the popup’s start-up JavaScript grows past its budget, counting its imports', () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const bundle = popupWithLaterChunk();
    expect(run(bundle, { popup: { gzip: 1024 } })).toThrow(
      /^popup loads \d+\.\d kB .* over its budget of 1\.0 kB/,
    );
    expect(run(bundle, { popup: { gzip: 100 * 1024 } })).not.toThrow();
  });

  it('fails when the popup’s first frame comes in more files than it allows', () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const bundle = popupWithLaterChunk();
    expect(run(bundle, { popup: { gzip: 100 * 1024, files: 1 } })).toThrow(
      'popup loads 2 JavaScript files at start-up (popup.js, shared.js), over its budget of 1',
    );
    expect(run(bundle, { popup: { gzip: 100 * 1024, files: 2 } })).not.toThrow();
  });

  it('fails when a page loads a counter at start-up, and lets it load one later', () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const popup = (links: Record<string, string[]>) =>
      chunk('popup.js', ['/p/entrypoints/popup/index.html'], {
        facadeModuleId: '/p/entrypoints/popup/index.html',
        ...links,
      });
    const counter = chunk('counter.js', [
      '/p/utils/networks/bluesky/measure.ts',
      '/p/utils/text/limits.ts',
    ]);
    expect(run({ 'popup.js': popup({ imports: ['counter.js'] }), 'counter.js': counter })).toThrow(
      'popup.js loads /p/utils/text/limits.ts at start-up (in counter.js)',
    );
    expect(
      run({ 'popup.js': popup({ dynamicImports: ['counter.js'] }), 'counter.js': counter }),
    ).not.toThrow();
  });

  it('fails when the popup loads what only it must load later, which other pages may load at once', () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const polyfill = chunk('polyfill.js', [
      '/p/node_modules/webextension-polyfill/dist/browser-polyfill.js',
    ]);
    const page = (name: string, links: Record<string, string[]>) =>
      chunk(`${name}.js`, [`/p/entrypoints/${name}/index.html`], {
        facadeModuleId: `/p/entrypoints/${name}/index.html`,
        ...links,
      });
    expect(
      run({ 'popup.js': page('popup', { imports: ['polyfill.js'] }), 'polyfill.js': polyfill }),
    ).toThrow(
      'popup.js loads /p/node_modules/webextension-polyfill/dist/browser-polyfill.js at start-up',
    );
    expect(
      run({
        'popup.js': page('popup', { dynamicImports: ['polyfill.js'] }),
        'options.js': page('options', { imports: ['polyfill.js'] }),
        'polyfill.js': polyfill,
      }),
    ).not.toThrow();
  });
});
