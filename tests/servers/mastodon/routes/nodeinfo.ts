import { json, type Ctx, type Reply } from '../http';
import { route, type Route } from '../router';
import { rulesOf } from '../flavors';

const SCHEMA = 'http://nodeinfo.diaspora.software/ns/schema/2.0';

/** GET /.well-known/nodeinfo: where the nodeinfo document is. */
function wellKnown(ctx: Ctx): Reply {
  return json(200, { links: [{ rel: SCHEMA, href: `${ctx.rt.baseUrl}/nodeinfo/2.0` }] });
}

/** GET /nodeinfo/2.0: which software this is, as every fediverse server says it. */
function document(ctx: Ctx): Reply {
  const { software } = rulesOf(ctx.rt.options.flavor);
  return json(200, {
    version: '2.0',
    software,
    protocols: ['activitypub'],
    services: { outbound: [], inbound: [] },
    usage: { users: { total: ctx.rt.state.accounts.length }, localPosts: 0 },
    openRegistrations: false,
    metadata: {},
  });
}

/** The nodeinfo discovery routes. */
export const nodeinfoRoutes: Route[] = [
  route('GET', '/.well-known/nodeinfo', wellKnown),
  route('GET', '/nodeinfo/2.0', document),
];
