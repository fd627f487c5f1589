import type { Rolldown } from 'vite';
import type { Entrypoint, EntrypointGroup } from 'wxt';
import { describe, expect, it, vi } from 'vitest';
import { buildPopupAlone, isPopupBuild, popupInOneFile } from '../../build/popup-alone';

const entry = (type: string, name: string) => ({ type, name }) as unknown as Entrypoint;

describe('buildPopupAlone', () => {
  it('moves the popup out of the pages’ shared build into a build of its own', () => {
    const popup = entry('popup', 'popup');
    const options = entry('options', 'options');
    const background = entry('background', 'background');
    const capture = entry('unlisted-script', 'capture');
    const groups: EntrypointGroup[] = [[background, popup, options], capture];
    buildPopupAlone(groups);
    expect(groups).toEqual([[background, options], capture, [popup]]);
    expect(isPopupBuild([popup])).toBe(true);
    expect(isPopupBuild([background, options])).toBe(false);
  });

  it('leaves a popup that is already alone, and groups without one, as they are', () => {
    const popup = entry('popup', 'popup');
    const groups: EntrypointGroup[] = [[popup], [entry('options', 'options')]];
    buildPopupAlone(groups);
    expect(groups).toEqual([[popup], [entry('options', 'options')]]);
  });
});

type Chunk = Pick<Rolldown.OutputChunk, 'type' | 'fileName' | 'code' | 'isEntry' | 'imports'>;

/** Runs the plugin's generateBundle on `bundle`, as Rolldown would. */
function generate(bundle: Record<string, Chunk>) {
  const plugin = popupInOneFile();
  const error = vi.fn((message: string) => {
    throw new Error(message);
  });
  const hook = plugin.generateBundle as (this: unknown, options: unknown, bundle: unknown) => void;
  hook.call({ error }, {}, bundle);
}

/** Evaluates a chunk's code as a module and returns its exports. */
async function evaluate(code: string): Promise<Record<string, unknown>> {
  return import(/* @vite-ignore */ `data:text/javascript,${encodeURIComponent(code)}`);
}

const RUNTIME = 'chunks/rolldown-runtime-AbC1_x.js';

/** A chunk that takes Rolldown's helpers from their own file. */
const chunk = (fileName: string, isEntry: boolean, code: string): Chunk => ({
  type: 'chunk',
  fileName,
  isEntry,
  imports: [RUNTIME],
  code,
});

/** Shaped like Rolldown's minified helpers: local names exported under others. */
const runtime = (): Chunk => ({
  ...chunk(
    RUNTIME,
    false,
    'var e=Object.defineProperty,n=(t)=>t+1,o=(t)=>t*2;export{n as r,o as t};',
  ),
  imports: [],
});

describe('popupInOneFile', () => {
  it('puts Rolldown’s helpers in the popup’s entry, so its first frame needs no other file', async () => {
    const popup = chunk(
      'chunks/popup-1.js',
      true,
      'const __vite__mapDeps=1;import{r as e,t}from"./rolldown-runtime-AbC1_x.js";export const result=[e(1),t(3)];',
    );
    // Loaded later: keeps taking the helpers from their own file.
    const later = chunk(
      'chunks/PopupApp-2.js',
      false,
      'import{r as e}from"./rolldown-runtime-AbC1_x.js";export const later=e(2);',
    );
    generate({ [popup.fileName]: popup, [later.fileName]: later, [RUNTIME]: runtime() });
    expect(popup.code).not.toContain('import');
    expect(popup.imports).toEqual([]);
    expect((await evaluate(popup.code)).result).toEqual([2, 6]);
    expect(later.imports).toEqual([RUNTIME]);
  });

  it('fails the build when the entry takes the helpers in a form it does not know', () => {
    const popup = chunk(
      'chunks/popup-1.js',
      true,
      'import*as h from"./rolldown-runtime-AbC1_x.js";export const result=h.r(1);',
    );
    expect(() => generate({ [popup.fileName]: popup, [RUNTIME]: runtime() })).toThrow(
      "chunks/popup-1.js: Rolldown's helpers are imported in an unexpected form",
    );
  });
});
