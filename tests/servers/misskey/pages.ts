import { KNOWN_PERMISSIONS } from './routes/miauth';
import type { UserRecord } from './types';

// The MiAuth consent page as a person sees it (frontend pages/miauth.vue + MkAuthConfirm): the
// app's name and the permissions asked for, who is signed in, where Accept leads, and the two
// buttons. Accept calls `miauth/gen-token` with the person's own token, exactly as the web client
// does, then goes to the callback with `?session=`.

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** What the page was opened with (its query). */
export interface ConsentRequest {
  session: string;
  name: string | null;
  icon: string | null;
  callback: string | null;
  permission: string[];
}

/** Reads the page's query as pages/miauth.vue does: permissions split by commas, unknown ones dropped. */
export function consentRequest(session: string, query: URLSearchParams): ConsentRequest {
  const known: readonly string[] = KNOWN_PERMISSIONS;
  return {
    session,
    name: query.get('name'),
    icon: query.get('icon'),
    callback: query.get('callback'),
    permission: (query.get('permission') ?? '').split(',').filter((p) => known.includes(p)),
  };
}

/** Where Accept leads: the callback with `session` set; refused schemes throw, as the page does. */
export function callbackUrl(callback: string, session: string): string {
  const url = new URL(callback);
  if (['javascript:', 'file:', 'data:', 'mailto:', 'tel:', 'vbscript:'].includes(url.protocol)) {
    throw new Error('invalid url');
  }
  url.searchParams.set('session', session);
  return url.toString();
}

/** The consent page. */
export function consentPage(request: ConsentRequest, user: UserRecord, host: string): string {
  const name = request.name ?? 'Unknown app';
  const items = request.permission.map((p) => `<li>${escapeHtml(p)}</li>`).join('');
  const redirect = request.callback
    ? `<p>By clicking Accept you will be redirected to:</p><p><code>${escapeHtml(request.callback)}</code></p>`
    : '';
  const data = JSON.stringify({
    i: user.nativeToken,
    session: request.session,
    name: request.name,
    iconUrl: request.icon,
    permission: request.permission,
    callback: request.callback,
  }).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>MiAuth | ${escapeHtml(host)}</title></head>
<body>
<main>
<h1>Would you like to allow “${escapeHtml(name)}” to access this account?</h1>
${request.icon ? `<img src="${escapeHtml(request.icon)}" alt="" width="64" height="64">` : ''}
<p>Signed in as <strong>@${escapeHtml(user.username)}@${escapeHtml(host)}</strong></p>
<h2>This application requests the following permissions</h2>
<ul>${items}</ul>
${redirect}
<div id="actions">
<button type="button" id="reject">Reject</button>
<button type="button" id="accept">Accept</button>
</div>
<p id="result" role="status"></p>
</main>
<script>
const data = ${data};
const result = document.getElementById('result');
const done = (text) => { document.getElementById('actions').hidden = true; result.textContent = text; };
document.getElementById('reject').addEventListener('click', () => done('Access denied'));
document.getElementById('accept').addEventListener('click', async () => {
  const answer = await fetch('/api/miauth/gen-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ i: data.i, session: data.session, name: data.name, iconUrl: data.iconUrl, permission: data.permission }),
  });
  if (!answer.ok) return done('Failed to grant access');
  if (data.callback) {
    const url = new URL(data.callback);
    url.searchParams.set('session', data.session);
    location.href = url.toString();
  } else {
    done('Access granted. You may close this window.');
  }
});
</script>
</body>
</html>
`;
}

/** What the web client shows for a page it does not have. */
export function notFoundPage(): string {
  return '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head><body><h1>Not found</h1></body></html>';
}
