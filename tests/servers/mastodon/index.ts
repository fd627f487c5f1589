// The Mastodon API test server: start one with startMastodonServer and drive it with `control`.
/** Starts a server on 127.0.0.1; see MastodonServerOptions for the switches. */
export { startMastodonServer } from './server';
/** The server software flavors the test server can behave like. */
export { FLAVORS, type Flavor } from './flavors';
/** The public types: options, the running server, its state and its control switches. */
export type {
  DelayRule,
  FailRule,
  MastodonServer,
  MastodonServerOptions,
  MastodonUser,
  ServerControl,
  ServerState,
  Visibility,
} from './types';
