import { randomBytes } from 'node:crypto';

// Meta's Graph error body (developers.facebook.com/docs/graph-api/guides/error-handling), which
// graph.threads.net answers with too: a `type`, a numeric `code`, often an `error_subcode`, and for
// what a person should read, `error_user_title` / `error_user_msg`; `fbtrace_id` on every one.

export interface MetaErrorSpec {
  status: number;
  message: string;
  type?: string;
  code: number;
  subcode?: number;
  userTitle?: string;
  userMessage?: string;
}

/** A thrown Meta error; the router turns it into the JSON answer. */
export class MetaError extends Error {
  constructor(readonly spec: MetaErrorSpec) {
    super(spec.message);
  }
}

export function metaErrorBody(spec: MetaErrorSpec): { error: Record<string, unknown> } {
  return {
    error: {
      message: spec.message,
      type: spec.type ?? 'OAuthException',
      code: spec.code,
      ...(spec.subcode !== undefined && { error_subcode: spec.subcode }),
      ...(spec.userTitle !== undefined && { error_user_title: spec.userTitle }),
      ...(spec.userMessage !== undefined && { error_user_msg: spec.userMessage }),
      is_transient: spec.status >= 500,
      fbtrace_id: randomBytes(8).toString('base64url'),
    },
  };
}

export function metaErrorResponse(spec: MetaErrorSpec): Response {
  return Response.json(metaErrorBody(spec), {
    status: spec.status,
    headers: { 'www-authenticate': `OAuth "Facebook Platform" "${spec.type ?? 'OAuthException'}"` },
  });
}

/** The errors the server gives, by what went wrong; codes as Meta's Graph documents them. */
export const ERRORS = {
  /** 190: the token is invalid, expired or revoked; a new login is the only fix. */
  invalidToken: (subcode?: number): MetaErrorSpec => ({
    status: 400,
    message:
      subcode === 463
        ? 'Error validating access token: Session has expired.'
        : 'Invalid OAuth access token - Cannot parse access token',
    code: 190,
    ...(subcode !== undefined && { subcode }),
  }),
  missingParameter: (name: string): MetaErrorSpec => ({
    status: 400,
    message: `The parameter ${name} is required`,
    code: 100,
    type: 'OAuthException',
  }),
  invalidParameter: (message: string, userMessage?: string): MetaErrorSpec => ({
    status: 400,
    message,
    code: 100,
    type: 'THApiException',
    ...(userMessage !== undefined && { userTitle: 'Invalid parameter', userMessage }),
  }),
  /** The code exchange and th_exchange_token need the app secret. */
  badSecret: (): MetaErrorSpec => ({
    status: 400,
    message: 'Error validating client secret.',
    code: 1,
    type: 'OAuthException',
    subcode: 0,
  }),
  unknownApp: (): MetaErrorSpec => ({
    status: 400,
    message: 'Error validating application. Invalid application ID.',
    code: 101,
    type: 'OAuthException',
  }),
  redirectMismatch: (): MetaErrorSpec => ({
    status: 400,
    message:
      'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request',
    code: 100,
    subcode: 36008,
    type: 'OAuthException',
  }),
  codeUsed: (): MetaErrorSpec => ({
    status: 400,
    message: 'This authorization code has been used.',
    code: 100,
    subcode: 36009,
    type: 'OAuthException',
  }),
  codeExpired: (): MetaErrorSpec => ({
    status: 400,
    message: 'This authorization code has expired.',
    code: 100,
    subcode: 36007,
    type: 'OAuthException',
  }),
  /** Refreshing a long-lived token younger than 24 hours, or a short-lived one. */
  cannotRefresh: (message: string): MetaErrorSpec => ({
    status: 400,
    message,
    code: 100,
    type: 'OAuthException',
  }),
  notFound: (id: string): MetaErrorSpec => ({
    status: 400,
    message: `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    code: 100,
    subcode: 33,
    type: 'THApiException',
  }),
  missingPermission: (permission: string): MetaErrorSpec => ({
    status: 403,
    message: `(#10) Application does not have permission for this action: ${permission}`,
    code: 10,
    type: 'OAuthException',
  }),
  /** IG/Threads content publishing: the container is not FINISHED yet. */
  notReady: (): MetaErrorSpec => ({
    status: 400,
    message: 'Media ID is not available',
    code: 9007,
    subcode: 2207027,
    type: 'THApiException',
    userTitle: 'Media not ready for publishing',
    userMessage: 'The media is not ready for publishing, please wait for a moment',
  }),
  /** The 24-hour publishing quota is used up (Meta: 250 posts, 1,000 replies). */
  quotaReached: (what: 'posts' | 'replies'): MetaErrorSpec => ({
    status: 400,
    message: 'Application request limit reached',
    code: 9,
    subcode: 2207042,
    type: 'THApiException',
    userTitle: 'Publishing limit reached',
    userMessage: `You reached the maximum number of ${what} that can be published through the API in 24 hours.`,
  }),
  linkLimit: (): MetaErrorSpec => ({
    status: 400,
    message: 'THREADS_API__LINK_LIMIT_EXCEEDED',
    code: 100,
    type: 'THApiException',
    userTitle: 'Too many links',
    userMessage: 'Posts can contain at most 5 links.',
  }),
  textTooLong: (): MetaErrorSpec => ({
    status: 400,
    message: 'Param text must be at most 500 characters long.',
    code: 100,
    type: 'THApiException',
    userTitle: 'Text too long',
    userMessage: 'The text of a post can be at most 500 characters.',
  }),
} as const;
