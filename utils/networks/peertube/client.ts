import { words } from '@/utils/i18n/wording';
import { CrosswindError, incompleteAnswer } from '@/utils/errors';
import { fetchJson, type FetchInit, type HttpAnswer } from '../fetch-json';
import { OTP_REQUIRED, peertubeError, problemOf } from './errors';

/** Where a call gets its access token, and a fresh one when the server says it expired. */
export interface TokenSource {
  token(): Promise<string>;
  refresh(stale: string): Promise<string>;
}

/** What `POST /api/v1/users/token` answers. */
export interface TokenAnswer {
  accessToken: string;
  refreshToken: string;
  /** Seconds. */
  expiresIn: number;
  refreshExpiresIn: number;
}

/** Calls one PeerTube server, with the account's token where one is given. */
export class PeerTubeApi {
  readonly host: string;

  constructor(
    readonly origin: string,
    private readonly tokens?: TokenSource,
  ) {
    this.host = new URL(origin).host;
  }

  /** An absolute address on this server (for a `Location` that may be protocol-relative). */
  resolve(address: string): string {
    const url = new URL(address, this.origin);
    // A session on another server would take the bearer token there: only ours is followed.
    if (url.origin !== this.origin) {
      throw new CrosswindError('server', words('peertube.otherOrigin', { host: this.host }));
    }
    return url.href;
  }

  /** A call that answers whatever came back; an expired token is refreshed once and the call repeated. */
  async call(path: string, init: FetchInit = {}): Promise<HttpAnswer> {
    const url = path.startsWith('http') ? path : `${this.origin}${path}`;
    if (!this.tokens) return fetchJson(url, init);
    const token = await this.tokens.token();
    const answer = await fetchJson(url, withToken(init, token));
    if (answer.status !== 401 || problemOf(answer).code !== 'invalid_token') return answer;
    return fetchJson(url, withToken(init, await this.tokens.refresh(token)));
  }

  /** The JSON of a successful call, or the error that fits what came back. */
  async json(path: string, init: RequestInit = {}): Promise<unknown> {
    const answer = await this.call(path, init);
    if (!answer.ok) throw peertubeError(this.host, answer);
    if (answer.json === undefined) throw incompleteAnswer(this.host, words('errors.missing.data'));
    return answer.json;
  }

  /** `GET /api/v1/oauth-clients/local`: the instance's client for the password grant. */
  async localClient(): Promise<{ clientId: string; clientSecret: string }> {
    const body = (await this.json('/api/v1/oauth-clients/local')) as Record<string, unknown>;
    if (typeof body.client_id !== 'string' || typeof body.client_secret !== 'string') {
      throw incompleteAnswer(this.host, words('errors.missing.clientId'));
    }
    return { clientId: body.client_id, clientSecret: body.client_secret };
  }

  /** `POST /api/v1/users/token` with a password or a refresh token. */
  async requestToken(form: Record<string, string>, otp?: string): Promise<TokenAnswer> {
    const answer = await fetchJson(`${this.origin}/api/v1/users/token`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        ...(otp && { 'x-peertube-otp': otp }),
      },
      body: new URLSearchParams(form).toString(),
    });
    const problem = problemOf(answer);
    if (problem.code === 'missing_two_factor') {
      throw new CrosswindError('auth', words('peertube.otpNeeded'), {
        detail: OTP_REQUIRED,
        status: 401,
      });
    }
    if (problem.code === 'invalid_two_factor') {
      throw new CrosswindError('auth', words('peertube.otpWrong'), {
        detail: OTP_REQUIRED,
        status: 400,
      });
    }
    if (problem.code === 'invalid_grant') {
      const refreshing = form.grant_type === 'refresh_token';
      throw new CrosswindError(
        'auth',
        refreshing
          ? words('peertube.loginExpired', { host: this.host })
          : words('peertube.wrongPassword', { host: this.host }),
        { status: answer.status },
      );
    }
    if (!answer.ok) throw peertubeError(this.host, answer);
    const body = (answer.json ?? {}) as Record<string, unknown>;
    if (typeof body.access_token !== 'string' || typeof body.refresh_token !== 'string') {
      throw incompleteAnswer(this.host, words('errors.missing.accessToken'));
    }
    return {
      accessToken: body.access_token,
      refreshToken: body.refresh_token,
      expiresIn: typeof body.expires_in === 'number' ? body.expires_in : 3600,
      refreshExpiresIn:
        typeof body.refresh_token_expires_in === 'number' ? body.refresh_token_expires_in : 0,
    };
  }
}

function withToken(init: FetchInit, token: string): FetchInit {
  return { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } };
}
