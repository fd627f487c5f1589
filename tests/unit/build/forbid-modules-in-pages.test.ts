import { describe, expect, it, vi } from 'vitest';
import { forbidModulesInPages } from '../../build/forbid-modules-in-pages';

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

function run(bundle: Record<string, unknown>) {
  const plugin = forbidModulesInPages(['masto', '@atproto'], ['utils/publish/job-store.ts']);
  const error = vi.fn((message: string) => {
    throw new Error(message);
  });
  const hook = plugin.generateBundle as (this: unknown, options: unknown, bundle: unknown) => void;
  return () => hook.call({ error }, {}, bundle);
}

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
});
