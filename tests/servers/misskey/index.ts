// The Misskey API test server: start one with startMisskeyServer and drive it with `control`.
/** Starts a server on 127.0.0.1; see MisskeyServerOptions for the switches. */
export { startMisskeyServer } from './server';
/** The public types: options, the running server, its state and its control switches. */
export type {
  DelayRule,
  DropRule,
  FailRule,
  LimitRule,
  MisskeyServer,
  MisskeyServerOptions,
  MisskeySoftware,
  MisskeyUser,
  NoteVisibility,
  ServerControl,
  ServerState,
} from './types';
