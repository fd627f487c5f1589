import { parseArgs } from 'node:util';
import { runServerCli } from '../shared/cli';
import { FLAVORS } from './flavors';
import { startMastodonServer } from './server';
import type { MastodonServerOptions, MastodonUser } from './types';

// Starts a test server for another process (Playwright, the sandbox launcher) and prints one JSON
// line with its URL. It stops on SIGTERM/SIGINT, and on its own when the parent goes away, so an
// aborted test run leaves no server behind.

const USAGE = `Usage: tsx tests/servers/mastodon/cli.ts [options]
  --port <n>                   port on 127.0.0.1 (default: any free port)
  --user <name[:Display Name]> a user; repeat for more (default: alice:Alice Sandbox)
  --max-characters <n>         status length limit (default 500)
  --max-media <n>              media attachments per status (default 4)
  --url-length <n>             characters reserved per URL (default 23)
  --media-polls <n>            GET /api/v1/media/:id answers 206 this many times (default 0)
  --auto-approve               skip the consent page
  --no-instance-v2             answer 404 on /api/v2/instance
  --title <text>               server title
  --flavor <name>              behave like mastodon (default), pixelfed or gotosocial`;

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new Error(`--${name} needs a whole number`);
  return number;
}

function user(spec: string): MastodonUser {
  const [username = '', ...rest] = spec.split(':');
  return { username, displayName: rest.join(':') || username };
}

function parseCliOptions(argv: string[]): MastodonServerOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      user: { type: 'string', multiple: true },
      'max-characters': { type: 'string' },
      'max-media': { type: 'string' },
      'url-length': { type: 'string' },
      'media-polls': { type: 'string' },
      'auto-approve': { type: 'boolean' },
      'no-instance-v2': { type: 'boolean' },
      title: { type: 'string' },
      flavor: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const options: MastodonServerOptions = {};
  const port = integer(values.port, 'port');
  if (port !== undefined) options.port = port;
  if (values.user) options.users = values.user.map(user);
  const maxCharacters = integer(values['max-characters'], 'max-characters');
  if (maxCharacters !== undefined) options.maxCharacters = maxCharacters;
  const maxMedia = integer(values['max-media'], 'max-media');
  if (maxMedia !== undefined) options.maxMediaAttachments = maxMedia;
  const urlLength = integer(values['url-length'], 'url-length');
  if (urlLength !== undefined) options.charactersReservedPerUrl = urlLength;
  const polls = integer(values['media-polls'], 'media-polls');
  if (polls !== undefined) options.mediaProcessingPolls = polls;
  if (values['auto-approve']) options.autoApprove = true;
  if (values['no-instance-v2']) options.instanceV2 = false;
  if (values.title !== undefined) options.title = values.title;
  if (values.flavor !== undefined) {
    const flavor = FLAVORS.find((name) => name === values.flavor);
    if (!flavor) throw new Error(`--flavor is one of ${FLAVORS.join(', ')}`);
    options.flavor = flavor;
  }
  return options;
}

runServerCli({
  usage: USAGE,
  start: () => startMastodonServer(parseCliOptions(process.argv.slice(2))),
  ready: (server) => ({ url: server.url }),
});
