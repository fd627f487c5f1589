import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { localItem, readLocalItems } from '@/utils/local-item';
import { nativeBrowser } from '@/utils/native-browser';

describe('localItem', () => {
  it('reads its fallback while unset or null, and what was written after', async () => {
    const item = localItem<string[]>('picked', []);
    expect(await item.getValue()).toEqual([]);
    await fakeBrowser.storage.local.set({ picked: null });
    expect(await item.getValue()).toEqual([]);
    await item.setValue(['a']);
    expect(await fakeBrowser.storage.local.get('picked')).toEqual({ picked: ['a'] });
    expect(await item.getValue()).toEqual(['a']);
  });

  it('removes the key when null is written, as WXT storage did', async () => {
    const item = localItem<string | null>('language', null);
    await item.setValue('de');
    await item.setValue(null);
    expect(await fakeBrowser.storage.local.get('language')).toEqual({});
  });

  it('shares its keys with WXT storage, so values stored before the switch are read', async () => {
    await storage.setItem('local:accounts', [{ id: 'a' }]);
    expect(await localItem<unknown[]>('accounts', []).getValue()).toEqual([{ id: 'a' }]);
  });

  it('tells watchers each change, the fallback on removal, and nothing for a write that changes nothing', async () => {
    const item = localItem<{ text: string; ids: string[] }>('draft', { text: '', ids: [] });
    await item.setValue({ text: 'a', ids: ['x'] });
    const seen: unknown[] = [];
    const unwatch = item.watch((value) => seen.push(value));
    await item.setValue({ text: 'a', ids: ['x'] });
    await item.setValue({ text: 'b', ids: ['x'] });
    await fakeBrowser.storage.local.remove('draft');
    unwatch();
    await item.setValue({ text: 'c', ids: [] });
    expect(seen).toEqual([
      { text: 'b', ids: ['x'] },
      { text: '', ids: [] },
    ]);
  });

  it('follows only its own key', async () => {
    const item = localItem<number>('count', 0);
    const watcher = vi.fn();
    const unwatch = item.watch(watcher);
    await fakeBrowser.storage.local.set({ other: 1 });
    unwatch();
    expect(watcher).not.toHaveBeenCalled();
  });
});

describe('readLocalItems', () => {
  it('reads several items in one storage call, each its fallback when unset', async () => {
    await fakeBrowser.storage.local.set({ one: 'stored' });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const values = await readLocalItems([localItem('one', 'none'), localItem<number[]>('two', [])]);
    expect(values).toEqual(['stored', []]);
    expect(get).toHaveBeenCalledTimes(1);
  });
});

describe('nativeBrowser', () => {
  it('is Firefox’s own `browser` where it exists, else Chrome’s `chrome`', () => {
    const firefox = { runtime: { id: 'crosswind' } };
    const chrome = { runtime: { id: 'crosswind' } };
    vi.stubGlobal('browser', firefox);
    vi.stubGlobal('chrome', chrome);
    expect(nativeBrowser()).toBe(firefox);
    // A page of a browser without `browser` (Chrome), or with one that is not the extension API.
    vi.stubGlobal('browser', undefined);
    expect(nativeBrowser()).toBe(chrome);
    vi.stubGlobal('browser', {});
    expect(nativeBrowser()).toBe(chrome);
    vi.stubGlobal('browser', fakeBrowser);
    vi.stubGlobal('chrome', fakeBrowser);
  });
});
