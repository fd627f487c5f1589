// ApiServerService registers @fastify/cors with `origin: '*'` for /api: every answer allows any
// origin, and a preflight gets 204 with the methods and the headers the browser asked for.

const METHODS = 'GET,HEAD,PUT,PATCH,POST,DELETE';

/** The preflight answer for a path under /api (and the control API), or undefined. */
export function preflight(request: Request, path: string): Response | undefined {
  if (request.method !== 'OPTIONS' || !corsPath(path)) return undefined;
  if (!request.headers.get('access-control-request-method')) return undefined;
  const headers: Record<string, string> = {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': METHODS,
    vary: 'Access-Control-Request-Headers',
  };
  const asked = request.headers.get('access-control-request-headers');
  if (asked) headers['access-control-allow-headers'] = asked;
  return new Response(null, { status: 204, headers });
}

/** Whether answers on this path carry `Access-Control-Allow-Origin: *`. */
export function corsPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || path.startsWith('/__control/');
}
