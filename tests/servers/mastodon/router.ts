import type { Context, Env, Hono } from 'hono';
import { html, jsonError, type Ctx, type Handler, type Reply } from './http';
import { notFoundPage } from './pages';

/** One route: a method, a path whose `:name` parts match up to the next slash, and its handler. */
export interface Route {
  method: string;
  path: string;
  handler: Handler;
}

/** Declares a route; each `:name` in `path` matches up to the next slash. */
export function route(method: string, path: string, handler: Handler): Route {
  return { method, path, handler };
}

/** A route's path in Hono's syntax, and the text each captured part starts with. */
// Hono's `:name` must fill a whole segment; Mastodon's `/@:username` has a literal `@` before it,
// so that segment becomes a pattern parameter whose prefix is taken off again.
function honoPath(path: string): { path: string; params: Array<{ name: string; prefix: string }> } {
  const params: Array<{ name: string; prefix: string }> = [];
  const segments = path.split('/').map((segment) => {
    const at = segment.indexOf(':');
    if (at < 0) return segment;
    const prefix = segment.slice(0, at);
    const name = segment.slice(at + 1);
    params.push({ name, prefix });
    if (prefix === '') return segment;
    return `:${name}{${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^/]+}`;
  });
  return { path: segments.join('/'), params };
}

/**
 * Registers routes on a Hono app, first declared first tried. `answer` runs a route with its
 * captured path parts (decoded, in path order) and turns the Reply into the Response.
 */
export function mountRoutes<E extends Env>(
  app: Hono<E>,
  routes: readonly Route[],
  answer: (c: Context<E>, handler: Handler, match: string[]) => Promise<Response>,
): void {
  for (const { method, path, handler } of routes) {
    const mounted = honoPath(path);
    app.on(method, mounted.path, (c) =>
      answer(
        c,
        handler,
        mounted.params.map(({ name, prefix }) => (c.req.param(name) ?? '').slice(prefix.length)),
      ),
    );
  }
}

/** Rails' answer for a route that does not exist: JSON under /api, the HTML page elsewhere. */
export function notFound(ctx: Pick<Ctx, 'path'>): Reply {
  return ctx.path.startsWith('/api/') || ctx.path === '/api'
    ? jsonError(404, 'Not Found')
    : html(404, notFoundPage());
}
