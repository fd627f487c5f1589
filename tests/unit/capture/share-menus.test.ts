import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SHARE_PAGE_COMMAND, startShareMenus } from '@/entrypoints/background/menus';

const shareFromPage = vi.hoisted(() => vi.fn());
vi.mock('@/utils/capture/share-actions', () => ({ shareFromPage }));

type Listener = (...args: unknown[]) => unknown;

// fakeBrowser has no contextMenus or commands: these stand in for them, recording what is asked.
let created: unknown[];
let order: string[];
let clickListeners: Listener[];
let commandListeners: Listener[];

const tab = { id: 3, url: 'https://news.example/story', title: 'Story' };

function click(info: Record<string, unknown>, clickedTab: unknown) {
  for (const listener of clickListeners) listener(info, clickedTab);
}

function command(name: string, commandTab: unknown) {
  for (const listener of commandListeners) listener(name, commandTab);
}

beforeEach(() => {
  vi.resetAllMocks();
  shareFromPage.mockResolvedValue(undefined);
  created = [];
  order = [];
  clickListeners = [];
  commandListeners = [];
  vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockImplementation(async () => {
    order.push('removeAll');
  });
  vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation((properties) => {
    order.push('create');
    created.push(properties);
    return String(properties.id);
  });
  vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation((listener) => {
    clickListeners.push(listener as Listener);
  });
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((listener) => {
    commandListeners.push(listener as Listener);
  });
});

afterEach(() => vi.restoreAllMocks());

describe('startShareMenus', () => {
  it('creates the four menus on install, for web pages only, after clearing old ones', async () => {
    startShareMenus();
    expect(created).toEqual([]);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(() => expect(created).toHaveLength(5));
    const web = ['http://*/*', 'https://*/*'];
    expect(created).toEqual([
      {
        id: 'selection',
        title: 'Post selection',
        contexts: ['selection'],
        documentUrlPatterns: web,
      },
      { id: 'link', title: 'Share link', contexts: ['link'], documentUrlPatterns: web },
      { id: 'image', title: 'Share image', contexts: ['image'], documentUrlPatterns: web },
      { id: 'video', title: 'Share video', contexts: ['video'], documentUrlPatterns: web },
      { id: 'page', title: 'Share page', contexts: ['page'], documentUrlPatterns: web },
    ]);
    expect(order).toEqual(['removeAll', 'create', 'create', 'create', 'create', 'create']);
  });

  it('creates them again on an update, without duplicates', async () => {
    startShareMenus();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(() => expect(created).toHaveLength(5));
    await fakeBrowser.runtime.onInstalled.trigger({
      reason: 'update',
      previousVersion: '0.0.9',
      temporary: false,
    });
    await vi.waitFor(() => expect(created).toHaveLength(10));
    expect(order.filter((step) => step === 'removeAll')).toHaveLength(2);
    expect(order.indexOf('removeAll', 1)).toBe(6);
  });

  it.each(['selection', 'link', 'image', 'video', 'page'] as const)(
    'shares the %s clicked on, with the click and the tab',
    (kind) => {
      startShareMenus();
      const info = {
        menuItemId: kind,
        pageUrl: tab.url,
        selectionText: 'Words',
        linkUrl: 'https://other.example/',
        srcUrl: 'https://cdn.example/i.png',
      };
      click(info, tab);
      expect(shareFromPage).toHaveBeenCalledTimes(1);
      expect(shareFromPage).toHaveBeenCalledWith(kind, info, tab);
    },
  );

  it.each<[string, Record<string, unknown>, unknown]>([
    ['an unknown menu', { menuItemId: 'someone-else' }, tab],
    ['a numeric menu id', { menuItemId: 1 }, tab],
    ['a click without a tab', { menuItemId: 'page' }, undefined],
  ])('ignores %s', (_name, info, clickedTab) => {
    startShareMenus();
    click(info, clickedTab);
    expect(shareFromPage).not.toHaveBeenCalled();
  });

  it('reports a failed share instead of leaving it unhandled', async () => {
    const error = new Error('tab closed');
    shareFromPage.mockRejectedValue(error);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    startShareMenus();
    click({ menuItemId: 'page' }, tab);
    await vi.waitFor(() =>
      expect(logged).toHaveBeenCalledWith('Crosswind could not share from this page', error),
    );
  });

  it('shares the page on the shortcut', () => {
    startShareMenus();
    expect(SHARE_PAGE_COMMAND).toBe('share-page');
    command('share-page', tab);
    expect(shareFromPage).toHaveBeenCalledTimes(1);
    expect(shareFromPage).toHaveBeenCalledWith('page', {}, tab);
  });

  it.each<[string, string, unknown]>([
    ['another command', '_execute_action', tab],
    ['an unknown command', 'share-selection', tab],
    ['the shortcut without a tab', 'share-page', undefined],
  ])('does nothing on %s', (_name, name, commandTab) => {
    startShareMenus();
    command(name, commandTab);
    expect(shareFromPage).not.toHaveBeenCalled();
  });
});
