import { defineConfig } from 'wxt';
import { forbidModulesInPages } from './tests/build/forbid-modules-in-pages';

/** Firefox needs a fixed id so that identity.getRedirectURL() stays stable across installs. */
const FIREFOX_ID = 'crosswind@crosswind.invalid';

/** `wxt build --mode e2e`: the build the end-to-end tests load (see host_permissions). */
const E2E_MODE = 'e2e';

const WEB_SITES = ['http://*/*', 'https://*/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser, manifestVersion, mode }) => ({
    name: 'Crosswind',
    description: 'Write once, post to Mastodon, Bluesky and the rest of the open social web.',
    // alarms: retries and scheduled posts outlive the worker; notifications: results when the popup
    // is closed. activeTab + scripting read the page only when the user invokes Crosswind on it.
    permissions: [
      'storage',
      'identity',
      'alarms',
      'notifications',
      'activeTab',
      'scripting',
      'contextMenus',
    ],
    // Asked for one site at a time, when the user wants a link card for a page they are not on.
    ...(manifestVersion === 3
      ? { optional_host_permissions: WEB_SITES }
      : { optional_permissions: WEB_SITES }),
    // The e2e build only: automation cannot click the toolbar, which is what grants activeTab,
    // so the local test pages get the access that click would give. Never in a real build.
    ...(mode === E2E_MODE && { host_permissions: ['http://127.0.0.1/*'] }),
    // The tooltip is the name alone; while posts are in flight the badge code sets a longer one.
    action: { default_title: 'Crosswind' },
    commands: {
      // Manifest V2 (Firefox) names the toolbar button's command differently.
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Ctrl+Shift+Y', mac: 'Command+Shift+Y' },
        description: 'Open the Crosswind composer',
      },
      'share-page': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Share this page with Crosswind',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: FIREFOX_ID,
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({
    plugins: [forbidModulesInPages(['masto', '@atproto', 'nostr-tools'])],
  }),
});
