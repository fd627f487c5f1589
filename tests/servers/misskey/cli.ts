import { parseArgs } from 'node:util';
import { runServerCli } from '../shared/cli';
import { startMisskeyServer } from './server';
import type { MisskeyServerOptions, MisskeySoftware, MisskeyUser } from './types';

// Starts a test server for another process (Playwright, the sandbox launcher) and prints one JSON
// line with its URL. It stops on SIGTERM/SIGINT, and on its own when the parent goes away.

const USAGE = `Usage: tsx tests/servers/misskey/cli.ts [options]
  --port <n>                 port on 127.0.0.1 (default: any free port)
  --user <name[:Name]>       a user; repeat for more (default: alice:Alice Sandbox)
  --software <name>          nodeinfo software: misskey, sharkey, firefish, iceshrimp, catodon
  --max-note-length <n>      /api/meta maxNoteTextLength (default 3000)
  --max-file-size <bytes>    largest upload (default 262144000)
  --auto-approve             the MiAuth page approves at once
  --name <text>              server name`;

const SOFTWARE: readonly MisskeySoftware[] = [
  'misskey',
  'sharkey',
  'firefish',
  'iceshrimp',
  'catodon',
];

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new Error(`--${name} needs a whole number`);
  return number;
}

function user(spec: string): MisskeyUser {
  const [username = '', ...rest] = spec.split(':');
  return { username, name: rest.join(':') || username };
}

function parseCliOptions(argv: string[]): MisskeyServerOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      user: { type: 'string', multiple: true },
      software: { type: 'string' },
      'max-note-length': { type: 'string' },
      'max-file-size': { type: 'string' },
      'auto-approve': { type: 'boolean' },
      name: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const options: MisskeyServerOptions = {};
  const port = integer(values.port, 'port');
  if (port !== undefined) options.port = port;
  if (values.user) options.users = values.user.map(user);
  if (values.software !== undefined) {
    const software = SOFTWARE.find((name) => name === values.software);
    if (!software) throw new Error(`--software must be one of ${SOFTWARE.join(', ')}`);
    options.software = software;
  }
  const maxNoteLength = integer(values['max-note-length'], 'max-note-length');
  if (maxNoteLength !== undefined) options.maxNoteTextLength = maxNoteLength;
  const maxFileSize = integer(values['max-file-size'], 'max-file-size');
  if (maxFileSize !== undefined) options.maxFileSize = maxFileSize;
  if (values['auto-approve']) options.autoApprove = true;
  if (values.name !== undefined) options.name = values.name;
  return options;
}

runServerCli({
  usage: USAGE,
  start: () => startMisskeyServer(parseCliOptions(process.argv.slice(2))),
  ready: (server) => ({ url: server.url }),
});
