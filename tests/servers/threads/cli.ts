import { parseArgs } from 'node:util';
import { runServerCli } from '../shared/cli';
import { SANDBOX_APP, startThreadsServer } from './server';
import type { ThreadsServerOptions } from './types';

// Starts a Threads API test server for another process (Playwright, the sandbox launcher) and
// prints one JSON line: its URL and the sandbox app's id and secret. It stops on SIGTERM/SIGINT,
// and on its own when the parent goes away.

const USAGE = `Usage: tsx tests/servers/threads/cli.ts [options]
  --port <n>              port on 127.0.0.1 (default: any free port)
  --user <name[:Name]>    a user, tester of the sandbox app; repeat for more (default: alice)
  --redirect-uri <uri>    a valid OAuth redirect URI of the sandbox app; repeat for more
  --processing-polls <n>  status reads a container stays IN_PROGRESS (default 1)
  --post-quota <n>        posts per 24 hours (default 250)
  --auto-approve          the consent page approves at once`;

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new Error(`--${name} needs a whole number`);
  return number;
}

function parseCliOptions(argv: string[]): ThreadsServerOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      user: { type: 'string', multiple: true },
      'redirect-uri': { type: 'string', multiple: true },
      'processing-polls': { type: 'string' },
      'post-quota': { type: 'string' },
      'auto-approve': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const users = (values.user ?? ['alice:Alice Sandbox']).map((spec) => {
    const [username = '', ...rest] = spec.split(':');
    return { username, name: rest.join(':') || username };
  });
  const options: ThreadsServerOptions = {
    users,
    apps: [
      {
        ...SANDBOX_APP,
        redirectUris: values['redirect-uri'] ?? [],
        testers: users.map((user) => user.username),
      },
    ],
  };
  const port = integer(values.port, 'port');
  if (port !== undefined) options.port = port;
  const polls = integer(values['processing-polls'], 'processing-polls');
  if (polls !== undefined) options.processingPolls = polls;
  const quota = integer(values['post-quota'], 'post-quota');
  if (quota !== undefined) options.postQuota = quota;
  if (values['auto-approve']) options.autoApprove = true;
  return options;
}

runServerCli({
  usage: USAGE,
  start: () => startThreadsServer(parseCliOptions(process.argv.slice(2))),
  ready: (server) => ({
    url: server.url,
    appId: SANDBOX_APP.appId,
    appSecret: SANDBOX_APP.secret,
  }),
});
