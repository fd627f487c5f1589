import { authorize } from '../auth';
import { serializeApp, serializeCredentialApp } from '../entities';
import { json, jsonError, type Ctx, type Reply } from '../http';
import { secret } from '../ids';
import { isBlank } from '../multipart';
import { redirectUriErrors } from '../redirect-uris';
import { route, type Route } from '../router';
import { ALL_SCOPES, knownScopes, parseScopes } from '../scopes';
import type { AppRecord } from '../types';
import { byId } from '../runtime';

let nextAppId = 1;

/** Mastodon's UrlValidator: an http(s) URL with a host. */
function validWebsite(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** POST /api/v1/apps: Doorkeeper's validations, then Mastodon's, in the order Rails runs them. */
async function createApp(ctx: Ctx): Promise<Reply> {
  const p = await ctx.params();
  const name = p.string('client_name') ?? '';
  const website = p.present('website') ?? null;
  const scopeText = p.present('scopes') ?? 'read';
  const listed = p.list('redirect_uris');
  const redirectUri = listed ? listed.join('\n') : (p.string('redirect_uris') ?? '');

  const errors: string[] = [];
  if (isBlank(name)) errors.push("Application name can't be blank");
  errors.push(...redirectUriErrors(redirectUri));
  const known = knownScopes(ctx.rt.options.flavor);
  if (!parseScopes(scopeText).every((scope) => known.includes(scope))) {
    errors.push("Scopes doesn't match configured on the server.");
  }
  if ([...name].length > 60) errors.push('Application name is too long (maximum is 60 characters)');
  if (website !== null && !validWebsite(website)) errors.push('Application website is invalid');
  if (website !== null && website.length > 2000) {
    errors.push('Application website is too long (maximum is 2000 characters)');
  }
  if (errors.length > 0) return jsonError(422, `Validation failed: ${errors.join(', ')}`);

  const app: AppRecord = {
    id: String(nextAppId++),
    name,
    website,
    redirectUris: redirectUri.split(/\s+/).filter((uri) => uri !== ''),
    scopes: parseScopes(scopeText),
    clientId: secret(),
    clientSecret: secret(),
    vapidKey: ctx.rt.vapidKey,
    createdAt: new Date(),
  };
  ctx.rt.state.apps.push(app);
  return json(200, serializeCredentialApp(app));
}

/** GET /api/v1/apps/verify_credentials: any usable token, app or user. */
function verifyApp(ctx: Ctx): Reply {
  const token = authorize(ctx, ['read', 'write', 'follow', 'push', 'profile', ...ALL_SCOPES]);
  const app = byId(ctx.rt.state.apps, token.appId);
  if (!app) return jsonError(404, 'Record not found');
  return json(200, serializeApp(app));
}

/** Client registration. */
export const appRoutes: Route[] = [
  route('POST', '/api/v1/apps', createApp),
  route('GET', '/api/v1/apps/verify_credentials', verifyApp),
];
