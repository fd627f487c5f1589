import type { IncomingHttpHeaders } from 'node:http';
import type { Params } from './multipart';
import type { Runtime } from './runtime';

/** A response before it is written, so the pipeline can add headers and log it. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

/** Thrown by handlers to answer early (Rails' `render ... and return`). */
export class HttpError extends Error {
  constructor(readonly reply: Reply) {
    super(`HTTP ${reply.status}`);
  }
}

/** What a route handler gets. */
export interface Ctx {
  rt: Runtime;
  method: string;
  url: URL;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Capture groups of the route pattern. */
  match: string[];
  /** Query and body parameters, merged as Rails merges them (the query wins). */
  params(): Promise<Params>;
}

/** A route handler. */
export type Handler = (ctx: Ctx) => Reply | Promise<Reply>;

/** A JSON answer as Rails renders one. */
export function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(value),
  };
}

/** Mastodon's usual `{ error }` body. */
export function jsonError(
  status: number,
  error: string,
  headers: Record<string, string> = {},
): Reply {
  return json(status, { error }, headers);
}

/** An HTML page. */
export function html(status: number, markup: string, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', ...headers },
    body: markup,
  };
}

/** A 302, as Rails' `redirect_to` sends it. */
export function redirect(location: string): Reply {
  return html(
    302,
    `<html><body>You are being <a href="${escapeHtml(location)}">redirected</a>.</body></html>`,
    { location },
  );
}

/** Bytes with a type, for served files. */
export function file(body: Buffer, contentType: string): Reply {
  return {
    status: 200,
    headers: {
      'content-type': contentType,
      'cache-control': 'public, max-age=31536000, immutable',
    },
    body,
  };
}

/** ERB::Util.html_escape: the five characters Rails escapes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A header's single value, whatever node made of it. */
export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Whether a client asked for JSON, as Rails' `respond_to` decides between json and html. */
export function wantsJson(ctx: Pick<Ctx, 'headers' | 'path'>): boolean {
  const accept = header(ctx.headers, 'accept') ?? '';
  if (/json/i.test(accept)) return true;
  if (/html/i.test(accept)) return false;
  return ctx.path.startsWith('/api/') || ctx.path.endsWith('.json');
}
