import { html, jsonError, type Ctx, type Handler, type Reply } from './http';
import { notFoundPage } from './pages';

/** One route: a method, an anchored path pattern, and what answers it. */
export interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

/** Declares a route; each `:name` in `path` matches up to the next slash. */
export function route(method: string, path: string, handler: Handler): Route {
  const source = path
    .split(/(:[A-Za-z_]+)/)
    .map((part) => (part.startsWith(':') ? '([^/]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return { method, pattern: new RegExp(`^${source}$`), handler };
}

/** The route for a request, with its captured segments decoded. */
export function findRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; match: string[] } | undefined {
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const found = candidate.pattern.exec(path);
    if (found) {
      const match = found.slice(1).map((part) => {
        try {
          return decodeURIComponent(part);
        } catch {
          return part;
        }
      });
      return { route: candidate, match };
    }
  }
  return undefined;
}

/** Rails' answer for a route that does not exist: JSON under /api, the HTML page elsewhere. */
export function notFound(ctx: Pick<Ctx, 'path'>): Reply {
  return ctx.path.startsWith('/api/') || ctx.path === '/api'
    ? jsonError(404, 'Not Found')
    : html(404, notFoundPage());
}
