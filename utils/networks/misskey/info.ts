import { defineNetwork } from '../capabilities';
import { serverAccountLabel } from '../mastodon/software';
import { MISSKEY_DEFAULT_LIMITS } from './defaults';

/** Misskey and its forks (Sharkey, Firefish, Iceshrimp, Catodon…), through Misskey's own API. */
export const misskeyInfo = defineNetwork({
  id: 'misskey',
  name: 'Misskey',
  defaultLimits: MISSKEY_DEFAULT_LIMITS,
  capabilities: {
    // `cw`: the note's text (and files) hidden behind the warning.
    contentWarning: 'text',
    // public, home, followers, specified.
    visibilities: ['public', 'unlisted', 'private', 'direct'],
    language: false,
    // The server fetches the page and shows its own preview (summaly).
    linkCards: 'server',
    media: { topLevelNeedsMedia: false, stillGifs: false },
    threads: 'reply-chain',
    // No idempotency key: a retry looks for the note among the account's own first.
    idempotency: 'lookup-before-retry',
    serverScheduling: null,
    deletion: true,
    // notes/create `localOnly`: the note stays on the server.
    localOnly: true,
  },
  loadMeasure: () => import('./measure'),
  label: (account) => serverAccountLabel(account, 'Misskey'),
  accountIdNamesServer: true,
  reconnect: { kind: 'redirect', fields: (account) => ({ server: account.server }) },
  loadConnectForm: () => import('./ConnectForm'),
});
