import { parseArgs } from 'node:util';
import { runServerCli } from '../shared/cli';
import { startPeerTubeServer } from './server';
import type { PeerTubeServerOptions, PeerTubeUserOptions } from './types';

// Starts a test server for another process (Playwright, the sandbox, the benchmark) and prints one
// JSON line with its URL and OAuth client. It stops on a signal or when its parent goes away.

const USAGE = `Usage: tsx tests/servers/peertube/cli.ts [options]
  --port <n>                  port on 127.0.0.1 (default: any free port)
  --user <name:password[:otp]> a user; repeat for more (default: alice:alice-password)
  --transcode-ms <n>          time a new video stays "To transcode" (default 0)
  --quota <bytes>             the users' video quota (default -1: unlimited)
  --name <text>               instance name`;

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number)) throw new Error(`--${name} needs a whole number`);
  return number;
}

function user(spec: string, quota: number | undefined): PeerTubeUserOptions {
  const [username = '', password = '', otp] = spec.split(':');
  if (!username || !password) throw new Error('--user needs name:password');
  return {
    username,
    password,
    ...(otp && { otp }),
    ...(quota !== undefined && { videoQuota: quota }),
  };
}

function parse(argv: string[]): PeerTubeServerOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      user: { type: 'string', multiple: true },
      'transcode-ms': { type: 'string' },
      quota: { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const quota = integer(values.quota, 'quota');
  const options: PeerTubeServerOptions = {
    users: (values.user ?? ['alice:alice-password']).map((spec) => user(spec, quota)),
  };
  const port = integer(values.port, 'port');
  if (port !== undefined) options.port = port;
  const transcodeMs = integer(values['transcode-ms'], 'transcode-ms');
  if (transcodeMs !== undefined) options.transcodeMs = transcodeMs;
  if (values.name !== undefined) options.name = values.name;
  return options;
}

runServerCli({
  usage: USAGE,
  start: () => startPeerTubeServer(parse(process.argv.slice(2))),
  ready: (server) => ({ url: server.url }),
});
