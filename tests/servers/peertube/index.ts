// The PeerTube API test server: start one with startPeerTubeServer and steer it with `control`.
/** Starts a server on 127.0.0.1; see PeerTubeServerOptions for the switches. */
export { startPeerTubeServer } from './server';
/** The public types: options, the running server, its state and its control switches. */
export type * from './types';
