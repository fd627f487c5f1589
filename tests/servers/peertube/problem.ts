// PeerTube answers errors as RFC 7807 problem documents (`res.fail` in
// server/core/middlewares/error.ts): `type` names the error code under the API docs' Errors
// section when there is one (else about:blank), `code` repeats that code, `detail` is the message.

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** An error a route throws; `problem` turns it into the answer. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly headers: Record<string, string> = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The problem+json answer PeerTube gives for an error. */
export function problem(error: ProblemError, docs?: string): Response {
  const body = {
    type: error.code
      ? `https://docs.joinpeertube.org/api-rest-reference.html#section/Errors/${error.code}`
      : 'about:blank',
    title: TITLES[error.status] ?? 'Error',
    status: error.status,
    detail: error.message,
    ...(docs && { docs }),
    ...(error.code && { code: error.code }),
    ...error.extra,
  };
  return new Response(JSON.stringify(body), {
    status: error.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...error.headers },
  });
}

/** A validation failure of one parameter, as express-validator reports it through PeerTube. */
export function invalidParam(
  name: string,
  value: unknown,
  message = 'Invalid value',
): ProblemError {
  return new ProblemError(
    400,
    `Incorrect request parameters: ${name}`,
    undefined,
    {},
    {
      'invalid-params': { [name]: { location: 'body', msg: message, param: name, value } },
    },
  );
}

/** A JSON answer. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}
