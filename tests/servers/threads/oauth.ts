import type { Hono } from 'hono';
import type { NodeEnv } from '../shared/serve';
import { ERRORS, MetaError } from './errors';
import { escapeHtml, paramsOf } from './params';
import {
  HOUR_MS,
  DAY_MS,
  LONG_LIVED_MS,
  SHORT_LIVED_MS,
  appById,
  newSecret,
  now,
  requireToken,
  type Runtime,
} from './runtime';
import type { CodeRecord, ThreadsAppSpec, TokenRecord } from './types';

// Threads' authorization: the Authorization Window (threads.net/oauth/authorize), the code
// exchange (POST /oauth/access_token, app secret required), the long-lived exchange
// (GET /access_token?grant_type=th_exchange_token, secret required) and the refresh
// (GET /refresh_access_token?grant_type=th_refresh_token: no secret; the long-lived token must be at
// least 24 hours old and not expired; the new one lasts 60 days from the refresh).

/** Meta's codes are good for an hour and once only. */
const CODE_TTL_MS = HOUR_MS;
const KNOWN_SCOPES = [
  'threads_basic',
  'threads_content_publish',
  'threads_manage_replies',
  'threads_read_replies',
  'threads_manage_insights',
  'threads_delete',
];

function page(title: string, body: string, status = 200): Response {
  return new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`,
    { status, headers: { 'content-type': 'text/html; charset=utf-8' } },
  );
}

interface DialogRequest {
  app: ThreadsAppSpec;
  redirectUri: string;
  scopes: string[];
  state: string | null;
}

/** Checks the dialog's parameters as Meta does; a failure is a page, never a redirect. */
function readDialog(rt: Runtime, params: URLSearchParams): DialogRequest | Response {
  const clientId = params.get('client_id') ?? '';
  const app = appById(rt, clientId);
  if (!app) {
    const facebookApp = rt.state.apps.find((item) => item.facebookAppId === clientId);
    return page(
      'Invalid App ID',
      facebookApp
        ? '<p>The provided app ID is not a Threads App ID. Use the Threads App ID from App settings &gt; Basic.</p>'
        : '<p>The provided app ID does not look like a valid app ID.</p>',
      400,
    );
  }
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!app.redirectUris.includes(redirectUri)) {
    return page(
      'URL Blocked',
      "<p>This redirect failed because the redirect URI is not whitelisted in the app's Client OAuth Settings.</p>",
      400,
    );
  }
  if (params.get('response_type') !== 'code') {
    return page('Invalid request', '<p>response_type must be code.</p>', 400);
  }
  const scopes = (params.get('scope') ?? '').split(/[,\s]+/u).filter(Boolean);
  const unknown = scopes.filter((scope) => !KNOWN_SCOPES.includes(scope));
  if (!scopes.includes('threads_basic') || unknown.length > 0) {
    return page(
      'Invalid Scopes',
      `<p>Invalid scopes: ${escapeHtml(unknown.join(', ') || 'threads_basic is required')}.</p>`,
      400,
    );
  }
  return { app, redirectUri, scopes, state: params.get('state') };
}

function redirectWith(dialog: DialogRequest, query: Record<string, string>): Response {
  const target = new URL(dialog.redirectUri);
  for (const [name, value] of Object.entries(query)) target.searchParams.set(name, value);
  if (dialog.state !== null) target.searchParams.set('state', dialog.state);
  // Meta appends `#_` to the redirect; clients must not take it for part of the code.
  return new Response(null, { status: 302, headers: { location: `${target.toString()}#_` } });
}

function grant(rt: Runtime, dialog: DialogRequest): Response {
  const user = rt.state.users.find((item) => item.username === rt.state.signedInUsername);
  if (!user) return page('Not signed in', '<p>No Threads user is signed in.</p>', 400);
  const code: CodeRecord = {
    code: newSecret('AQ'),
    appId: dialog.app.appId,
    userId: user.id,
    redirectUri: dialog.redirectUri,
    scopes: dialog.scopes,
    expiresAt: now(rt) + CODE_TTL_MS,
    used: false,
  };
  rt.state.codes.push(code);
  return redirectWith(dialog, { code: code.code });
}

function issue(
  rt: Runtime,
  from: Pick<TokenRecord, 'appId' | 'userId' | 'scopes'>,
  kind: TokenRecord['kind'],
): TokenRecord {
  const issuedAt = now(rt);
  const token: TokenRecord = {
    ...from,
    token: newSecret(kind === 'short' ? 'THS' : 'THL'),
    kind,
    issuedAt,
    expiresAt: issuedAt + (kind === 'short' ? SHORT_LIVED_MS : LONG_LIVED_MS),
    revoked: false,
  };
  rt.state.tokens.push(token);
  return token;
}

function consentPage(rt: Runtime, dialog: DialogRequest, params: URLSearchParams): Response {
  rt.state.consentViews += 1;
  const user = rt.state.users.find((item) => item.username === rt.state.signedInUsername);
  if (!user || !dialog.app.testers.includes(user.username)) {
    // Until app review only accounts the app lists as Threads testers (who accepted) may authorize.
    return page(
      'App not active',
      `<p>This app is in development mode: @${escapeHtml(rt.state.signedInUsername)} is not one of its Threads testers. Add the account under App roles &gt; Roles &gt; Threads Testers and accept the invitation in Threads (Settings &gt; Account &gt; Website permissions &gt; Invites).</p>`,
      403,
    );
  }
  const hidden = [...params]
    .map(
      ([name, value]) =>
        `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
    )
    .join('');
  const scopes = dialog.scopes.map((scope) => `<li>${escapeHtml(scope)}</li>`).join('');
  return page(
    'Allow access to your Threads profile?',
    `<p>Signed in as @${escapeHtml(user.username)}. The app ${escapeHtml(dialog.app.appId)} asks for:</p><ul>${scopes}</ul>
<form method="post" action="/oauth/authorize/decide">${hidden}
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="cancel">Cancel</button></form>`,
  );
}

/** Mounts the dialog and the token endpoints. */
export function mountOAuth(server: Hono<NodeEnv>, rt: Runtime): void {
  server.get('/oauth/authorize', (c) => {
    const params = new URL(c.req.url).searchParams;
    const dialog = readDialog(rt, params);
    if (dialog instanceof Response) return dialog;
    if (rt.autoApprove) {
      const user = rt.state.users.find((item) => item.username === rt.state.signedInUsername);
      if (user && dialog.app.testers.includes(user.username)) return grant(rt, dialog);
    }
    return consentPage(rt, dialog, params);
  });

  server.post('/oauth/authorize/decide', async (c) => {
    const params = await paramsOf(c);
    const dialog = readDialog(rt, params);
    if (dialog instanceof Response) return dialog;
    if (params.get('decision') !== 'allow') {
      return redirectWith(dialog, {
        error: 'access_denied',
        error_reason: 'user_denied',
        error_description: 'Permissions error',
      });
    }
    return grant(rt, dialog);
  });

  // Step 2: code → short-lived token. Meta documents a POST with form fields.
  server.post('/oauth/access_token', async (c) => {
    const params = await paramsOf(c);
    for (const name of ['client_id', 'client_secret', 'grant_type', 'redirect_uri', 'code']) {
      if (!params.get(name)) throw new MetaError(ERRORS.missingParameter(name));
    }
    const app = appById(rt, params.get('client_id') ?? '');
    if (!app) throw new MetaError(ERRORS.unknownApp());
    if (app.secret !== params.get('client_secret')) throw new MetaError(ERRORS.badSecret());
    if (params.get('grant_type') !== 'authorization_code') {
      throw new MetaError(ERRORS.invalidParameter('Unsupported grant_type'));
    }
    const code = rt.state.codes.find((item) => item.code === params.get('code'));
    if (!code || code.appId !== app.appId) {
      throw new MetaError({
        ...ERRORS.codeExpired(),
        message: 'Invalid verification code format.',
      });
    }
    if (code.used) throw new MetaError(ERRORS.codeUsed());
    if (code.expiresAt <= now(rt)) throw new MetaError(ERRORS.codeExpired());
    if (code.redirectUri !== params.get('redirect_uri'))
      throw new MetaError(ERRORS.redirectMismatch());
    code.used = true;
    const token = issue(rt, code, 'short');
    return c.json({ access_token: token.token, user_id: Number(code.userId) });
  });

  // Short-lived → long-lived (60 days). The app secret is required, as Meta's docs say.
  server.get('/access_token', (c) => {
    const params = new URL(c.req.url).searchParams;
    if (params.get('grant_type') !== 'th_exchange_token') {
      throw new MetaError(ERRORS.invalidParameter('grant_type must be th_exchange_token'));
    }
    const secret = params.get('client_secret');
    if (!secret) throw new MetaError(ERRORS.missingParameter('client_secret'));
    const short = requireToken(rt, params.get('access_token') ?? undefined);
    const app = appById(rt, short.appId);
    if (!app || app.secret !== secret) throw new MetaError(ERRORS.badSecret());
    if (short.kind !== 'short') {
      throw new MetaError(ERRORS.invalidParameter('Only a short-lived token can be exchanged.'));
    }
    const long = issue(rt, short, 'long');
    return c.json({
      access_token: long.token,
      token_type: 'bearer',
      expires_in: Math.floor((long.expiresAt - now(rt)) / 1000),
    });
  });

  // Refresh: no secret; a long-lived token at least 24 hours old and not expired.
  server.get('/refresh_access_token', (c) => {
    const params = new URL(c.req.url).searchParams;
    if (params.get('grant_type') !== 'th_refresh_token') {
      throw new MetaError(ERRORS.invalidParameter('grant_type must be th_refresh_token'));
    }
    const current = requireToken(rt, params.get('access_token') ?? undefined);
    if (current.kind !== 'long') {
      throw new MetaError(ERRORS.cannotRefresh('Only long-lived tokens can be refreshed.'));
    }
    if (now(rt) - current.issuedAt < DAY_MS) {
      throw new MetaError(
        ERRORS.cannotRefresh('The access token must be at least 24 hours old to be refreshed.'),
      );
    }
    const fresh = issue(rt, current, 'long');
    return c.json({
      access_token: fresh.token,
      token_type: 'bearer',
      expires_in: Math.floor((fresh.expiresAt - now(rt)) / 1000),
    });
  });
}
