import { assertSecureTransport } from '@/utils/auth/server-url';
import { incompleteAnswer } from '@/utils/errors';
import { words } from '@/utils/i18n/wording';
import { fetchJson, requireJson, type HttpAnswer } from '../fetch-json';
import { fromThreadsAnswer } from './errors';

// Plain fetch to graph.threads.net: a handful of calls, each with a timeout, the caller's signal,
// and Meta's error JSON read into clear words. No SDK: Meta publishes none for the browser.

type Params = Record<string, string | undefined>;

/** One account's way to the Graph API (or a loopback test server standing in for it). */
export class ThreadsClient {
  readonly host: string;

  constructor(
    readonly origin: string,
    private readonly token?: string,
  ) {
    assertSecureTransport(origin);
    this.host = new URL(origin).host;
  }

  private url(path: string, params: Params): string {
    const url = new URL(path, this.origin);
    for (const [name, value] of Object.entries(params)) {
      if (value !== undefined) url.searchParams.set(name, value);
    }
    return url.toString();
  }

  private async call(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    params: Params,
    signal?: AbortSignal,
  ): Promise<unknown> {
    // The token goes in the Authorization header, never in an address that could be logged.
    const headers: Record<string, string> = this.token
      ? { Authorization: `Bearer ${this.token}` }
      : {};
    const init: RequestInit = { method, headers, credentials: 'omit', ...(signal && { signal }) };
    let answer: HttpAnswer;
    if (method === 'POST') {
      const body = new URLSearchParams();
      for (const [name, value] of Object.entries(params))
        if (value !== undefined) body.set(name, value);
      answer = await fetchJson(this.url(path, {}), { ...init, body });
    } else {
      answer = await fetchJson(this.url(path, params), init);
    }
    if (!answer.ok) throw fromThreadsAnswer(answer, this.host);
    return requireJson(answer, this.host);
  }

  get(path: string, params: Params = {}, signal?: AbortSignal): Promise<unknown> {
    return this.call('GET', path, params, signal);
  }

  post(path: string, params: Params = {}, signal?: AbortSignal): Promise<unknown> {
    return this.call('POST', path, params, signal);
  }

  delete(path: string, signal?: AbortSignal): Promise<unknown> {
    return this.call('DELETE', path, {}, signal);
  }

  /** A string field the answer must have, or an error naming it. */
  field(body: unknown, name: string): string {
    const value =
      typeof body === 'object' && body !== null
        ? (body as Record<string, unknown>)[name]
        : undefined;
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number') return String(value);
    throw incompleteAnswer(this.host, words('threads.field', { name }));
  }
}
