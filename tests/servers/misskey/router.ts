import { callEndpoint, type Endpoint } from './api';
import { ApiError, COMMON_ERRORS, apiErrorResponse, jsonResponse } from './errors';
import { aidx, token } from './ids';
import { callbackUrl, consentPage, consentRequest, notFoundPage } from './pages';
import { driveEndpoints } from './routes/drive';
import { metaEndpoints } from './routes/meta';
import { checkSession, grant, miauthEndpoints, signedInUser } from './routes/miauth';
import { nodeinfo, nodeinfoLinks } from './routes/nodeinfo';
import { noteEndpoints } from './routes/notes';
import { userEndpoints } from './routes/users';
import type { Runtime } from './runtime';

const ENDPOINTS = new Map<string, Endpoint>(
  [...noteEndpoints, ...userEndpoints, ...driveEndpoints, ...metaEndpoints, ...miauthEndpoints].map(
    (ep) => [ep.name, ep],
  ),
);

/** Answers one request to the server's API and web routes (not control, not preflight). */
export async function route(rt: Runtime, request: Request, path: string, ip: string) {
  const method = request.method;
  if (path.startsWith('/api/')) {
    const check = /^\/api\/miauth\/([^/]+)\/check$/.exec(path);
    if (check && method === 'POST') return checkSession(rt, decodeURIComponent(check[1]!));
    const ep = ENDPOINTS.get(path.slice('/api/'.length));
    if (ep) return callEndpoint(rt, ep, request, ip);
    if (method === 'GET') return apiErrorResponse(new ApiError(COMMON_ERRORS.unknownEndpoint));
    // Other methods never reach Misskey's catch-all GET route: fastify answers for itself.
    return jsonResponse(404, {
      message: `Route ${method}:${path} not found`,
      error: 'Not Found',
      statusCode: 404,
    });
  }
  if (method === 'GET' || method === 'HEAD') return web(rt, request, path);
  return html(404, notFoundPage());
}

function web(rt: Runtime, request: Request, path: string): Response {
  if (path === '/.well-known/nodeinfo') return nodeinfoLinks(rt);
  if (path === '/nodeinfo/2.1' || path === '/nodeinfo/2.0') {
    return nodeinfo(rt, path.endsWith('2.1') ? '2.1' : '2.0');
  }
  const miauth = /^\/miauth\/([^/]+)$/.exec(path);
  if (miauth) return consent(rt, decodeURIComponent(miauth[1]!), new URL(request.url));
  const file = /^\/files\/([^/]+)$/.exec(path);
  if (file) {
    const record = rt.state.files.find((candidate) => candidate.accessKey === file[1]);
    if (record) {
      return new Response(new Uint8Array(record.bytes), {
        status: 200,
        headers: { 'content-type': record.type, 'cache-control': 'max-age=31536000, immutable' },
      });
    }
  }
  return html(404, notFoundPage());
}

/** GET /miauth/:session: the consent page, or with autoApprove the redirect Accept would make. */
function consent(rt: Runtime, session: string, url: URL): Response {
  rt.state.consentViews.push(session);
  const user = signedInUser(rt);
  if (!user) return html(404, notFoundPage());
  const asked = consentRequest(session, url.searchParams);
  if (!rt.options.autoApprove) return html(200, consentPage(asked, user, rt.host));
  grant(rt, user.id, session, {
    name: asked.name,
    iconUrl: asked.icon,
    permission: asked.permission,
  });
  if (!asked.callback) return html(200, '<p role="status">Access granted.</p>');
  return new Response(null, {
    status: 302,
    headers: { location: callbackUrl(asked.callback, session) },
  });
}

function html(status: number, markup: string): Response {
  return new Response(markup, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

/** Fresh ids for a new user (its id and the web client's own token). */
export function newUserIds(at: Date): { id: string; nativeToken: string } {
  return { id: aidx(at), nativeToken: token(16) };
}
