// Misskey's ApiError (packages/backend/src/server/api/error.ts) and how ApiCallService#sendApiError
// turns one into an answer: `{ error: { message, code, id, kind, info? } }`, the status it picks
// from the error's kind, and the WWW-Authenticate / Retry-After headers it adds.

/** What an endpoint's `meta.errors` entry declares. */
export interface ApiErrorDef {
  message: string;
  code: string;
  id: string;
  kind?: 'client' | 'server' | 'permission';
  httpStatusCode?: number;
}

/** Thrown by handlers; the pipeline answers it as Misskey would. */
export class ApiError extends Error {
  readonly code: string;
  readonly id: string;
  readonly kind: 'client' | 'server' | 'permission';
  readonly httpStatusCode: number | undefined;
  readonly info: unknown;
  /** Headers set before the error was sent (AUTHENTICATION_FAILED sets its own challenge). */
  readonly headers: Record<string, string>;

  constructor(def: ApiErrorDef, info?: unknown, headers: Record<string, string> = {}) {
    super(def.message);
    this.code = def.code;
    this.id = def.id;
    this.kind = def.kind ?? 'client';
    this.httpStatusCode = def.httpStatusCode;
    this.info = info;
    this.headers = headers;
  }
}

/** The answer for an ApiError, headers and status chosen as ApiCallService does. */
export function apiErrorResponse(error: ApiError, now = Date.now()): Response {
  const headers: Record<string, string> = { ...error.headers };
  let status = error.httpStatusCode;
  if (status === 401) {
    headers['www-authenticate'] ??= 'Bearer realm="Misskey"';
  } else if (error.code === 'RATE_LIMIT_EXCEEDED') {
    const info = error.info as { resetMs?: unknown } | undefined;
    if (typeof info?.resetMs === 'number') {
      headers['retry-after'] = String(Math.max(Math.ceil((info.resetMs - now) / 1000), 0));
    }
  } else if (error.kind === 'client') {
    headers['www-authenticate'] ??=
      `Bearer realm="Misskey", error="invalid_request", error_description="${error.message}"`;
    status ??= 400;
  } else if (error.kind === 'permission') {
    if (error.code === 'PERMISSION_DENIED') {
      headers['www-authenticate'] =
        `Bearer realm="Misskey", error="insufficient_scope", error_description="${error.message}"`;
    }
    status ??= 403;
  }
  status ??= 500;
  const body = {
    error: {
      message: error.message,
      code: error.code,
      id: error.id,
      kind: error.kind,
      ...(error.info ? { info: error.info } : {}),
    },
  };
  return jsonResponse(status, body, headers);
}

/** JSON as fastify sends it. */
export function jsonResponse(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(value), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/** The errors every endpoint shares (ApiCallService, endpoint-base). */
export const COMMON_ERRORS = {
  credentialRequired: {
    message: 'Credential required.',
    code: 'CREDENTIAL_REQUIRED',
    id: '1384574d-a912-4b81-8601-c7b1c4085df1',
    httpStatusCode: 401,
  },
  authenticationFailed: {
    message: 'Authentication failed. Please ensure your token is correct.',
    code: 'AUTHENTICATION_FAILED',
    id: 'b0a7f5f8-dc2f-4171-b91f-de88ad238e14',
    httpStatusCode: 401,
    kind: 'client',
  },
  suspended: {
    message: 'Your account has been suspended.',
    code: 'YOUR_ACCOUNT_SUSPENDED',
    kind: 'permission',
    id: 'a8c724b3-6e9c-4b46-b1a8-bc3ed6258370',
  },
  permissionDenied: {
    message: 'Your app does not have the necessary permissions to use this endpoint.',
    code: 'PERMISSION_DENIED',
    kind: 'permission',
    id: '1370e5b7-d4eb-4566-bb1d-7748ee6a1838',
  },
  accessDenied: {
    message: 'Access denied.',
    code: 'ACCESS_DENIED',
    id: '56f35758-7dd5-468b-8439-5d6fb8ec9b8e',
    httpStatusCode: 403,
    kind: 'client',
  },
  rateLimitExceeded: {
    message: 'Rate limit exceeded. Please try again later.',
    code: 'RATE_LIMIT_EXCEEDED',
    id: 'd5826d14-3982-4d2e-8011-b9e9f02499ef',
    httpStatusCode: 429,
  },
  invalidParam: {
    message: 'Invalid param.',
    code: 'INVALID_PARAM',
    id: '3d81ceae-475f-4600-b2a8-2bc116157532',
  },
  castFailed: {
    message: 'Invalid param.',
    code: 'INVALID_PARAM',
    id: '0b5f1631-7c1a-41a6-b399-cce335f34d85',
  },
  internal: {
    message: 'Internal error occurred. Please contact us if the error persists.',
    code: 'INTERNAL_ERROR',
    id: '5d37dbcb-891e-41ca-a3d6-e690c97775ac',
    kind: 'server',
  },
  unknownEndpoint: {
    message: 'Unknown API endpoint.',
    code: 'UNKNOWN_API_ENDPOINT',
    id: '2ca3b769-540a-4f08-9dd5-b5a825b6d0f1',
    kind: 'client',
    httpStatusCode: 404,
  },
} satisfies Record<string, ApiErrorDef>;

/** endpoint-base's answer when ajv refuses the params: its first error's schema path and message. */
export function invalidParam(param: string, reason: string): ApiError {
  return new ApiError(COMMON_ERRORS.invalidParam, { param, reason });
}
