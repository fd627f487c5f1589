import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { callbackUrl } from './pages';
import {
  CALLBACK,
  api,
  errorOf,
  miauthToken,
  nativeTokenFrom,
  request,
  startServer,
} from './testing';

function pagePath(session: string, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({
    name: 'Crosswind',
    icon: 'https://crosswind.example/icon.png',
    callback: CALLBACK,
    permission: 'write:notes,write:drive,read:account,not:a-permission',
    ...extra,
  });
  return `/miauth/${session}?${query}`;
}

describe('MiAuth', () => {
  it('shows a consent page naming the app, the permissions and where Accept leads', async () => {
    const server = await startServer();
    const session = randomUUID();
    const page = await request(server, pagePath(session));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('Would you like to allow “Crosswind” to access this account?');
    expect(page.text).toContain('<li>write:notes</li><li>write:drive</li><li>read:account</li>');
    expect(page.text).not.toContain('not:a-permission');
    expect(page.text).toContain(`<code>${CALLBACK}</code>`);
    expect(page.text).toMatch(/<button[^>]*>Accept<\/button>/);
    expect(page.text).toMatch(/<button[^>]*>Reject<\/button>/);
    expect(server.state.consentViews).toEqual([session]);
  });

  it('hands the token out once: { ok: false } before approval and after the one answer', async () => {
    const server = await startServer();
    const session = randomUUID();
    const check = () => request(server, `/api/miauth/${session}/check`, { method: 'POST' });
    expect((await check()).body).toEqual({ ok: false });
    const page = await request(server, pagePath(session));
    const granted = await api(server, 'miauth/gen-token', {
      i: nativeTokenFrom(page.text),
      session,
      name: 'Crosswind',
      iconUrl: 'https://crosswind.example/icon.png',
      permission: ['write:notes', 'write:drive', 'read:account'],
    });
    expect(granted.status).toBe(200);
    const first = await check();
    const body = first.body as { ok: boolean; token: string; user: Record<string, unknown> };
    expect(body.ok).toBe(true);
    expect(body.token).toBe((granted.body as { token: string }).token);
    expect(body.user).toMatchObject({ username: 'alice', host: null, name: 'Alice Sandbox' });
    expect(first.headers.get('access-control-allow-origin')).toBe('*');
    expect((await check()).body).toEqual({ ok: false });
    const me = await api(server, 'i', {}, body.token);
    expect(me.body).toMatchObject({ username: 'alice' });
  });

  it('lets only the web client itself approve (gen-token is secure)', async () => {
    const server = await startServer();
    const appToken = await miauthToken(server);
    const answer = await api(
      server,
      'miauth/gen-token',
      { session: randomUUID(), permission: ['write:notes'] },
      appToken,
    );
    expect(answer.status).toBe(403);
    expect(errorOf(answer)).toMatchObject({ code: 'ACCESS_DENIED' });
  });

  it('redirects to the callback with ?session= when approving at once', async () => {
    const server = await startServer({ autoApprove: true });
    const session = randomUUID();
    const answer = await request(
      server,
      pagePath(session, { callback: `${CALLBACK}done?from=miauth` }),
    );
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe(`${CALLBACK}done?from=miauth&session=${session}`);
    const checked = await request(server, `/api/miauth/${session}/check`, { method: 'POST' });
    expect(checked.body).toMatchObject({ ok: true });
    const token = server.state.tokens[0]!;
    expect(token).toMatchObject({
      name: 'Crosswind',
      iconUrl: 'https://crosswind.example/icon.png',
      permission: ['write:notes', 'write:drive', 'read:account'],
      fetched: true,
    });
  });

  it('refuses script callbacks as the consent page does', () => {
    expect(() => callbackUrl('javascript:alert(1)', 'x')).toThrow('invalid url');
    expect(callbackUrl('https://a.example/cb', 's1')).toBe('https://a.example/cb?session=s1');
  });
});
