import type { Context, Env } from 'hono';

/** Graph parameters: the query string, plus an urlencoded or multipart form when there is one. */
export async function paramsOf<E extends Env>(c: Context<E>): Promise<URLSearchParams> {
  const params = new URL(c.req.url).searchParams;
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return params;
  const type = c.req.header('content-type') ?? '';
  if (type.includes('application/x-www-form-urlencoded') || type.includes('multipart/form-data')) {
    const form = await c.req.formData();
    for (const [name, value] of form) if (typeof value === 'string') params.set(name, value);
  } else if (type.includes('application/json')) {
    const body = (await c.req.json().catch(() => ({}))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(body)) {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        params.set(name, String(value));
      }
    }
  }
  return params;
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );
}
