// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import captureScript from '@/entrypoints/capture';

describe('the capture script injected into a page', () => {
  it('answers with the page as plain data and writes nothing to extension storage', async () => {
    document.head.innerHTML = '<title>Tiny gardens</title>';
    const seen: unknown[] = [];
    window.addEventListener('message', (event) => seen.push(event.data));

    const answer = await captureScript.main();

    expect(answer).toMatchObject({
      metadata: { title: 'Tiny gardens' },
      selection: '',
      selectionCut: false,
    });
    // Plain data: it survives the structured clone executeScript makes of it.
    expect(structuredClone(answer)).toEqual(answer);
    expect(await fakeBrowser.storage.local.get()).toEqual({});
    // Nothing tells the page that Crosswind ran there.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual([]);
  });
});
