import { jsonResponse } from '../errors';
import type { Runtime } from '../runtime';

// NodeinfoServerService: /.well-known/nodeinfo links to 2.1 and 2.0; software says what runs here.

const HOMEPAGES: Record<string, string> = {
  misskey: 'https://misskey-hub.net/',
  sharkey: 'https://joinsharkey.org/',
  firefish: 'https://firefish.dev/firefish/firefish',
  iceshrimp: 'https://iceshrimp.dev/',
  catodon: 'https://catodon.social/',
};

/** GET /.well-known/nodeinfo */
export function nodeinfoLinks(rt: Runtime): Response {
  return jsonResponse(
    200,
    {
      links: [
        {
          rel: 'http://nodeinfo.diaspora.software/ns/schema/2.1',
          href: `${rt.baseUrl}/nodeinfo/2.1`,
        },
        {
          rel: 'http://nodeinfo.diaspora.software/ns/schema/2.0',
          href: `${rt.baseUrl}/nodeinfo/2.0`,
        },
      ],
    },
    { 'access-control-allow-origin': '*' },
  );
}

/** GET /nodeinfo/2.0 and /nodeinfo/2.1 */
export function nodeinfo(rt: Runtime, version: '2.0' | '2.1'): Response {
  const { options, state } = rt;
  const software: Record<string, string> = {
    name: options.software,
    version: options.version,
  };
  if (version === '2.1') {
    software.homepage = HOMEPAGES[options.software] ?? '';
    software.repository = 'https://github.com/misskey-dev/misskey';
  }
  const body = {
    version,
    software,
    protocols: ['activitypub'],
    services: { inbound: [], outbound: ['atom1.0', 'rss2.0'] },
    openRegistrations: false,
    usage: {
      users: { total: state.users.length, activeHalfyear: null, activeMonth: null },
      localPosts: state.notes.filter((note) => !note.deletedAt).length,
      localComments: 0,
    },
    metadata: {
      nodeName: options.name,
      nodeDescription: 'A Misskey test server on 127.0.0.1.',
      maintainer: { name: null, email: null },
      langs: [],
      disableRegistration: true,
      maxNoteTextLength: options.maxNoteTextLength,
      enableEmail: false,
      enableServiceWorker: false,
      proxyAccountName: 'proxy',
      themeColor: '#86b300',
    },
  };
  return jsonResponse(200, body, {
    'content-type': `application/json; profile="http://nodeinfo.diaspora.software/ns/schema/${version}#"`,
    'access-control-allow-origin': '*',
  });
}
