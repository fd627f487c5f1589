import { escapeHtml } from './http';
import { SCOPE_DESCRIPTIONS } from './scopes';
import type { AccountRecord, AppRecord } from './types';

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body { margin: 0; padding: 2rem 1rem; background: Canvas; color: CanvasText; }
  main { max-width: 36rem; margin: 0 auto; }
  h1 { font-size: 1.5rem; line-height: 1.3; }
  ul { padding-left: 1.25rem; }
  code { font-size: 0.95em; }
  .actions { display: flex; gap: 0.75rem; margin-top: 1.5rem; }
  .actions form { margin: 0; }
  button { font: inherit; padding: 0.6rem 1.4rem; border-radius: 0.4rem; cursor: pointer;
    border: 2px solid #563acc; }
  button.primary { background: #563acc; color: #fff; }
  button.secondary { background: transparent; color: inherit; }
  button:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
  article { border: 1px solid GrayText; border-radius: 0.5rem; padding: 1rem; }
  img { max-width: 100%; height: auto; }
`;

/** A complete, valid HTML document. */
export function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

function hidden(name: string, value: string | undefined): string {
  return value === undefined
    ? ''
    : `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;
}

/** What the consent form carries back to POST/DELETE /oauth/authorize. */
export interface ConsentFields {
  client_id: string;
  redirect_uri: string;
  state?: string;
  response_type: string;
  scope: string;
  code_challenge?: string;
  code_challenge_method?: string;
}

/** Doorkeeper's authorization page: who asks, for whom, for what, and two buttons. */
export function consentPage(
  app: AppRecord,
  account: AccountRecord,
  host: string,
  scopes: string[],
  fields: ConsentFields,
): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => hidden(name, value as string | undefined))
    .join('\n');
  const items = scopes
    .map((scope) => {
      const description = SCOPE_DESCRIPTIONS[scope];
      return `<li><code>${escapeHtml(scope)}</code>${description ? ` — ${escapeHtml(description)}` : ''}</li>`;
    })
    .join('\n');
  const website = app.website
    ? `<p>Website: <a href="${escapeHtml(app.website)}">${escapeHtml(app.website)}</a></p>`
    : '';
  return page(
    `Authorize ${app.name} — ${host}`,
    `<h1>${escapeHtml(app.name)} wants to access your account @${escapeHtml(account.username)}</h1>
<p>You are signed in to ${escapeHtml(host)} as <strong>${escapeHtml(account.displayName)}</strong> (@${escapeHtml(account.username)}).</p>
${website}
<h2 id="scopes-heading">This application will be able to</h2>
<ul aria-labelledby="scopes-heading">
${items}
</ul>
<div class="actions">
<form method="post" action="/oauth/authorize">
${inputs}
<button type="submit" class="primary">Authorize</button>
</form>
<form method="post" action="/oauth/authorize">
<input type="hidden" name="_method" value="delete">
${inputs}
<button type="submit" class="secondary">Deny</button>
</form>
</div>`,
  );
}

/** Doorkeeper's error page, shown instead of redirecting to a URI that cannot be trusted. */
export function oauthErrorPage(description: string): string {
  return page(
    'An error has occurred',
    `<h1>An error has occurred</h1>\n<p role="alert">${escapeHtml(description)}</p>`,
  );
}

/** The page `urn:ietf:wg:oauth:2.0:oob` shows: the code to copy. */
export function nativeCodePage(code: string): string {
  return page(
    'Authorization code',
    `<h1>Authorization code</h1>\n<p>Copy this code and paste it into the application.</p>\n<p><output><code>${escapeHtml(code)}</code></output></p>`,
  );
}

/** Rails' 404 page. */
export function notFoundPage(): string {
  return page(
    'The page you are looking for isn\u2019t here.',
    '<h1>The page you are looking for isn\u2019t here.</h1>\n<p>Error 404</p>',
  );
}

/** One status, the way a person clicking a post link sees it. */
export function statusPage(
  account: AccountRecord,
  host: string,
  status: {
    id: string;
    content: string;
    spoilerText: string;
    createdAt: Date;
    images: { src: string; alt: string }[];
  },
): string {
  const warning = status.spoilerText
    ? `<p><strong>Content warning:</strong> ${escapeHtml(status.spoilerText)}</p>`
    : '';
  const images = status.images
    .map((image) => `<img src="${escapeHtml(image.src)}" alt="${escapeHtml(image.alt)}">`)
    .join('\n');
  return page(
    `${account.displayName}: post ${status.id} — ${host}`,
    `<article>
<h1>${escapeHtml(account.displayName)} <small>@${escapeHtml(account.username)}@${escapeHtml(host)}</small></h1>
${warning}
<div class="status-content">${status.content}</div>
${images}
<p><time datetime="${status.createdAt.toISOString()}">${escapeHtml(status.createdAt.toUTCString())}</time></p>
</article>`,
  );
}

/** A profile with links to its public posts. */
export function profilePage(
  account: AccountRecord,
  host: string,
  posts: { url: string; content: string }[],
): string {
  const list = posts
    .map((post) => `<li><a href="${escapeHtml(post.url)}">Post</a>: ${post.content}</li>`)
    .join('\n');
  return page(
    `${account.displayName} (@${account.username}@${host})`,
    `<h1>${escapeHtml(account.displayName)} <small>@${escapeHtml(account.username)}@${escapeHtml(host)}</small></h1>
<p>${escapeHtml(account.note)}</p>
<h2>Posts</h2>
<ul>
${list}
</ul>`,
  );
}
