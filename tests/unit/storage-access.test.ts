import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keepStorageFromContentScripts } from '@/utils/storage';

type AccessLevelArea = { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };

describe('keepStorageFromContentScripts', () => {
  it('limits storage.local to the extension itself where the browser can', async () => {
    const local = fakeBrowser.storage.local as unknown as AccessLevelArea;
    const setAccessLevel = vi.fn(async () => undefined);
    local.setAccessLevel = setAccessLevel;
    try {
      expect(await keepStorageFromContentScripts()).toBe(true);
      expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
    } finally {
      delete local.setAccessLevel;
    }
  });

  it('says so where the browser has no such setting (Firefox)', async () => {
    expect(await keepStorageFromContentScripts()).toBe(false);
  });
});
