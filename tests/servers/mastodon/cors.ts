import { header, type Ctx, type Reply } from './http';

// Mastodon's config/initializers/cors.rb (rack-cors), plus the control endpoints so a test page in
// a browser can drive them too.

const EXPOSED = [
  'Link',
  'X-RateLimit-Reset',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-Request-Id',
  'Idempotency-Key',
].join(', ');

const DEFAULT_ALLOWED_HEADERS = 'Authorization, Content-Type, Idempotency-Key, Accept';

interface Resource {
  matches(path: string): boolean;
  methods: string[];
  expose: boolean;
}

const ALL_METHODS = ['POST', 'PUT', 'DELETE', 'GET', 'PATCH', 'OPTIONS'];

const RESOURCES: Resource[] = [
  { matches: (path) => path.startsWith('/.well-known/'), methods: ['GET'], expose: false },
  { matches: (path) => /^\/@[^/]+$/.test(path), methods: ['GET'], expose: false },
  { matches: (path) => /^\/users\/[^/]+$/.test(path), methods: ['GET'], expose: false },
  { matches: (path) => path.startsWith('/api/'), methods: ALL_METHODS, expose: true },
  { matches: (path) => path === '/oauth/token', methods: ['POST'], expose: false },
  { matches: (path) => path === '/oauth/revoke', methods: ['POST'], expose: false },
  { matches: (path) => path.startsWith('/__control/'), methods: ALL_METHODS, expose: true },
];

function resourceFor(path: string): Resource | undefined {
  return RESOURCES.find((resource) => resource.matches(path));
}

/** A preflight answer, or undefined when this is not a preflight rack-cors would answer. */
export function preflight(ctx: Pick<Ctx, 'method' | 'path' | 'headers'>): Reply | undefined {
  if (ctx.method !== 'OPTIONS') return undefined;
  const origin = header(ctx.headers, 'origin');
  const requestedMethod = header(ctx.headers, 'access-control-request-method');
  if (!origin || !requestedMethod) return undefined;
  const resource = resourceFor(ctx.path);
  if (!resource || !resource.methods.includes(requestedMethod.toUpperCase())) return undefined;
  const requestedHeaders = header(ctx.headers, 'access-control-request-headers');
  const headers: Record<string, string> = {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': resource.methods.join(', '),
    // `headers: :any` echoes what the browser asked for.
    'access-control-allow-headers': requestedHeaders ?? DEFAULT_ALLOWED_HEADERS,
    'access-control-max-age': '7200',
    'content-type': 'text/plain',
  };
  if (resource.expose) headers['access-control-expose-headers'] = EXPOSED;
  return { status: 200, headers, body: '' };
}

/** The CORS headers for a simple or actual request from an origin. */
export function corsHeaders(ctx: Pick<Ctx, 'method' | 'path' | 'headers'>): Record<string, string> {
  if (!header(ctx.headers, 'origin')) return {};
  const resource = resourceFor(ctx.path);
  if (!resource || !resource.methods.includes(ctx.method)) return {};
  const headers: Record<string, string> = { 'access-control-allow-origin': '*' };
  if (resource.expose) headers['access-control-expose-headers'] = EXPOSED;
  return headers;
}
