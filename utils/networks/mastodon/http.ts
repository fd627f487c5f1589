import { MastoHttpError, MastoTimeoutError, type mastodon } from 'masto';
import { createActionProxy, HttpActionDispatcher } from 'masto/adapters/action/index.js';
import { HttpActionDispatcherHookMastodon } from 'masto/adapters/action/dispatcher-http-hook-mastodon.js';
import { HttpConfigImpl } from 'masto/adapters/config/index.js';
import { BaseHttp } from 'masto/adapters/http/base-http.js';
import { SerializerNativeImpl } from 'masto/adapters/serializers/index.js';
import type { HttpRequestParams, HttpResponse } from 'masto/interfaces/index.js';
import { NETWORK_TIMEOUT_MS, readBody } from '../fetch-json';

/**
 * An answer that was not the API's JSON: a proxy's error page, a web page with 200, a body that
 * does not parse. It keeps the HTTP status, so "404 means already gone" still applies to it.
 */
export class NotApiAnswer extends Error {
  override readonly name = 'NotApiAnswer';
  constructor(
    readonly status: number,
    readonly headers: Headers,
    readonly isWebPage: boolean,
  ) {
    super(`HTTP ${status}: ${isWebPage ? 'a web page' : 'not JSON'}`);
  }
}

/**
 * masto's own HTTP layer, except for what it does with answers that are not JSON: masto turns an
 * HTML error page into a TypeError (read as "could not reach") and drops the status of a body it
 * cannot read. This one says what came back, with its status, and reads nothing else.
 */
class CheckedHttp extends BaseHttp {
  constructor(
    private readonly serializer: SerializerNativeImpl,
    private readonly config: HttpConfigImpl,
  ) {
    super();
  }

  async request<T>(params: HttpRequestParams): Promise<HttpResponse<T>> {
    const { method, path, search, encoding = 'json', requestInit = {} } = params;
    const url = this.config.resolvePath(path, search);
    const body = this.serializer.serialize(encoding as 'json', params.body);
    const request = new Request(url, {
      method,
      body,
      ...this.config.mergeRequestInitWithDefaults(requestInit),
    });
    if (typeof body === 'string' && encoding === 'json') {
      request.headers.set('Content-Type', 'application/json');
    }
    let response: Response;
    let text: string;
    try {
      response = await fetch(request);
      text = await response.text();
    } catch (error) {
      if (error instanceof DOMException && error.name === 'TimeoutError') {
        throw new MastoTimeoutError('Request timed out', { cause: error });
      }
      throw error;
    }
    const answer = readBody(response, text);
    if (answer.isWebPage || answer.isUnreadable) {
      throw new NotApiAnswer(response.status, response.headers, answer.isWebPage);
    }
    if (!response.ok) {
      const data = (
        typeof answer.json === 'object' && answer.json !== null ? answer.json : {}
      ) as Record<string, unknown>;
      const { error, error_description: description, details, ...rest } = data;
      throw new MastoHttpError(
        {
          statusCode: response.status,
          message: typeof error === 'string' ? error : `HTTP ${response.status}`,
          ...(typeof description === 'string' && { description }),
          ...(typeof details === 'object' &&
            details !== null && { details: details as Record<string, never> }),
          additionalProperties: rest,
        },
        { cause: response },
      );
    }
    // Keys in camelCase, as masto gives them; an empty body stays undefined for the caller to judge.
    const data = answer.json === undefined ? undefined : this.serializer.deserialize('json', text);
    return { headers: response.headers, data: data as T };
  }
}

/** A masto REST client that times out and reports non-API answers with their status. */
export function mastodonClient(url: string, accessToken: string): mastodon.rest.Client {
  const serializer = new SerializerNativeImpl();
  const config = new HttpConfigImpl({ url, accessToken, timeout: NETWORK_TIMEOUT_MS }, serializer);
  const http = new CheckedHttp(serializer, config);
  const hook = new HttpActionDispatcherHookMastodon(http);
  return createActionProxy<mastodon.rest.Client>(new HttpActionDispatcher(http, hook), {
    context: ['api'],
  });
}
