import { describe, expect, it } from 'vitest';
import { firstFrameChunk } from '../../build/first-frame-chunk';

/** A module graph as the build's plugin context shows it: each id and what it imports statically. */
function context(graph: Record<string, string[]>) {
  return {
    getModuleIds: () => Object.keys(graph)[Symbol.iterator](),
    getModuleInfo: (id: string) => ({ importedIds: graph[id] ?? [] }),
  };
}

describe('firstFrameChunk', () => {
  it('groups what the page’s first frame imports statically, but not its entry, packages, lazy or separate modules', () => {
    const chunk = firstFrameChunk(
      { html: 'entrypoints/popup/index.html', main: 'entrypoints/popup/main.tsx' },
      'popup-first-frame',
      (id) => id.endsWith('/early-read.ts'),
    );
    const graph = {
      '/p/entrypoints/popup/index.html': [
        '\0vite/modulepreload-polyfill.js',
        '/p/entrypoints/popup/main.tsx',
      ],
      '\0vite/modulepreload-polyfill.js': [],
      '/p/entrypoints/popup/main.tsx': [
        '/p/entrypoints/popup/early-read.ts',
        '/p/node_modules/react/index.js',
        '/p/entrypoints/popup/Popup.tsx',
      ],
      '/p/entrypoints/popup/early-read.ts': ['/p/utils/storage.ts'],
      '/p/utils/storage.ts': [],
      '/p/node_modules/react/index.js': [],
      '/p/entrypoints/popup/Popup.tsx': ['/p/utils/i18n/messages.ts'],
      '/p/utils/i18n/messages.ts': [],
      // Only imported dynamically (not in importedIds): loaded after the first frame.
      '/p/entrypoints/popup/PopupApp.tsx': ['/p/utils/i18n/messages.ts'],
      '/p/entrypoints/options/main.tsx': ['/p/utils/i18n/messages.ts'],
    };
    const hook = chunk.plugin.buildEnd as (this: unknown) => void;
    hook.call(context(graph));
    const grouped = Object.keys(graph).filter((id) => chunk.group.test(id));
    expect(grouped).toEqual([
      '\0vite/modulepreload-polyfill.js',
      '/p/entrypoints/popup/Popup.tsx',
      '/p/utils/i18n/messages.ts',
    ]);
    expect(chunk.group.name).toBe('popup-first-frame');
  });
});
