// The Threads API test server: start one with startThreadsServer and drive it with `control`.
export { SANDBOX_APP, startThreadsServer } from './server';
export type {
  ContainerStatus,
  FailRule,
  ThreadsAppSpec,
  ThreadsControl,
  ThreadsServer,
  ThreadsServerOptions,
  ThreadsUserSpec,
} from './types';
