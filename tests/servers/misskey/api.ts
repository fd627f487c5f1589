import { authenticate, tokenFrom, type Caller } from './auth';
import { ApiError, COMMON_ERRORS, apiErrorResponse, jsonResponse } from './errors';
import type { Params } from './params';
import type { Runtime } from './runtime';
import type { TokenRecord, UserRecord } from './types';

/** The one file of a multipart call, as ApiCallService hands it to the endpoint. */
export interface UploadedFile {
  name: string | null;
  bytes: Buffer;
}

/** What an endpoint's handler receives. */
export interface EndpointCall {
  rt: Runtime;
  me: UserRecord | null;
  token: TokenRecord | null;
  params: Params;
  file: UploadedFile | undefined;
}

/** One API endpoint, with the `meta` fields ApiCallService acts on. */
export interface Endpoint {
  name: string;
  requireCredential?: boolean;
  /** Only the web client's own token may call it (miauth/gen-token). */
  secure?: boolean;
  /** The permission an app token needs (`write:notes`...). */
  kind?: string;
  requireFile?: boolean;
  allowGet?: boolean;
  /** Returns the answer's JSON, or undefined for 204 No Content. */
  handler(call: EndpointCall): unknown;
}

/** Declares an endpoint. */
export function endpoint(definition: Endpoint): Endpoint {
  return definition;
}

/** Runs one API call the way ApiServerService + ApiCallService do, answering errors as Misskey. */
export async function callEndpoint(
  rt: Runtime,
  ep: Endpoint,
  request: Request,
  ip: string,
): Promise<Response> {
  if (request.method === 'GET' && !ep.allowGet) {
    // ApiServerService: endpoints without allowGet answer GET with an empty 405.
    return new Response(null, { status: 405 });
  }
  let params: Params;
  let file: UploadedFile | undefined;
  try {
    if (ep.requireFile) {
      ({ params, file } = await readMultipart(request, rt.options.maxFileSize));
    } else {
      params = await readJson(request);
    }
  } catch (error) {
    if (error instanceof ApiError) return apiErrorResponse(error);
    if (error instanceof BadJson) return fastifyBadJson(error.message);
    throw error;
  }

  const token = tokenFrom(request, params);
  if (token !== undefined && token !== null && typeof token !== 'string') {
    return new Response(null, { status: 400 });
  }
  try {
    const caller = authenticate(rt, token ?? undefined);
    const result = await call(rt, ep, caller, params, file, ip);
    return result === undefined || result === null
      ? new Response(null, { status: 204 })
      : jsonResponse(200, result);
  } catch (error) {
    if (error instanceof ApiError) return apiErrorResponse(error);
    console.error('[misskey test server]', error);
    return apiErrorResponse(new ApiError(COMMON_ERRORS.internal));
  }
}

/** ApiCallService.call: secure, rate limit, credential, suspension, permission, casts, then the endpoint. */
async function call(
  rt: Runtime,
  ep: Endpoint,
  { user, token }: Caller,
  params: Params,
  file: UploadedFile | undefined,
  ip: string,
): Promise<unknown> {
  const isSecure = user !== null && token === null;
  if (ep.secure && !isSecure) throw new ApiError(COMMON_ERRORS.accessDenied);

  const refused = rt.limiter.hit(ep.name, user ? user.id : `ip:${ip}`);
  if (refused) throw new ApiError(COMMON_ERRORS.rateLimitExceeded, refused);

  if (ep.requireCredential) {
    if (!user) throw new ApiError(COMMON_ERRORS.credentialRequired);
    if (user.isSuspended) throw new ApiError(COMMON_ERRORS.suspended);
  }
  if (
    token &&
    ((ep.kind && !token.permission.includes(ep.kind)) || (!ep.kind && ep.requireCredential))
  ) {
    throw new ApiError(COMMON_ERRORS.permissionDenied);
  }
  return await ep.handler({ rt, me: user, token, params, file });
}

class BadJson extends Error {}

async function readJson(request: Request): Promise<Params> {
  if (request.method === 'GET') return Object.fromEntries(new URL(request.url).searchParams);
  const text = await request.text();
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new BadJson(error instanceof Error ? error.message : String(error));
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  return parsed as Params;
}

/** Fastify's own answer to a body it cannot parse (Misskey never sees the request). */
function fastifyBadJson(reason: string): Response {
  return jsonResponse(400, {
    statusCode: 400,
    code: 'FST_ERR_CTP_INVALID_JSON_BODY',
    error: 'Bad Request',
    message: `Body is not valid JSON but content-type is set to 'application/json': ${reason}`,
  });
}

const MULTIPART_ERRORS = {
  notMultipart: {
    message: 'Current request is not a multipart request',
    code: 'INVALID_PARAM',
    id: '217bc614-dd72-42dc-806e-22ac93f8266e',
    httpStatusCode: 400,
    kind: 'client',
  },
  moreThanOneFile: {
    message: 'Only a single file may be uploaded at a time',
    code: 'INVALID_PARAM',
    id: '5c95c8b6-25bf-40e1-8c7d-d6d727d3503b',
    httpStatusCode: 406,
    kind: 'client',
  },
  noFile: {
    message: 'No files found in multipart request',
    code: 'INVALID_PARAM',
    id: '2e973d41-8e9c-48b8-a68f-16f712a4bc89',
    httpStatusCode: 422,
    kind: 'client',
  },
  tooLarge: {
    message: 'Maximum upload size exceeded',
    code: 'MAX_FILE_SIZE_EXCEEDED',
    id: '39591dd6-b5e8-4399-bb03-13b0a8a62a21',
    httpStatusCode: 413,
    kind: 'client',
  },
} as const;

/** handleMultipartRequest: one file, string fields, the size capped at config.maxFileSize. */
async function readMultipart(
  request: Request,
  maxFileSize: number,
): Promise<{ params: Params; file: UploadedFile }> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data/i.test(type)) throw new ApiError(MULTIPART_ERRORS.notMultipart);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new ApiError(MULTIPART_ERRORS.notMultipart);
  }
  const params: Params = {};
  let file: UploadedFile | undefined;
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') {
      params[name] = value;
      continue;
    }
    if (file) throw new ApiError(MULTIPART_ERRORS.moreThanOneFile);
    if (value.size > maxFileSize) throw new ApiError(MULTIPART_ERRORS.tooLarge);
    file = { name: value.name || null, bytes: Buffer.from(await value.arrayBuffer()) };
  }
  if (!file) throw new ApiError(MULTIPART_ERRORS.noFile);
  return { params, file };
}

/** ApiCallService's cast of multipart (string) fields to the boolean/number the schema wants. */
export function castFields(params: Params, types: Record<string, 'boolean' | 'number'>): void {
  for (const [name, type] of Object.entries(types)) {
    const value = params[name];
    if (typeof value !== 'string') continue;
    try {
      params[name] = JSON.parse(value) as unknown;
    } catch {
      throw new ApiError(COMMON_ERRORS.castFailed, {
        param: name,
        reason: `cannot cast to ${type}`,
      });
    }
  }
}
