import { defineConfig } from 'wxt';
import { forbidModulesInPages } from './tests/build/forbid-modules-in-pages';

/** Firefox needs a fixed id so that identity.getRedirectURL() stays stable across installs. */
const FIREFOX_ID = 'crosswind@crosswind.invalid';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Crosswind',
    description: 'Write once, post to Mastodon, Bluesky and the rest of the open social web.',
    // alarms: retries and scheduled posts outlive the worker; notifications: results when the popup is closed.
    permissions: ['storage', 'identity', 'alarms', 'notifications'],
    action: { default_title: 'Crosswind: compose a post' },
    commands: {
      // Manifest V2 (Firefox) names the toolbar button's command differently.
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Ctrl+Shift+Y', mac: 'Command+Shift+Y' },
        description: 'Open the Crosswind composer',
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
    plugins: [forbidModulesInPages(['masto', '@atproto'])],
  }),
});
