import {
  CrosswindError,
  rateLimited,
  retryAtFromHeaders,
  serverTrouble,
  unreadableAnswer,
  webPageInstead,
} from '@/utils/errors';
import { words } from '@/utils/i18n/wording';
import type { HttpAnswer } from '../fetch-json';

/** PeerTube's problem document (RFC 7807 with its `code`). */
export interface PeerTubeProblem {
  status?: number;
  detail?: string;
  code?: string;
  error?: string;
}

/** Set on the error a sign-in gets while PeerTube waits for the two-factor code. */
export const OTP_REQUIRED = 'peertube-otp-required';

export function problemOf(answer: HttpAnswer): PeerTubeProblem {
  const body = answer.json;
  if (typeof body !== 'object' || body === null) return {};
  const { status, detail, code, error } = body as Record<string, unknown>;
  return {
    ...(typeof status === 'number' && { status }),
    ...(typeof detail === 'string' && { detail }),
    ...(typeof code === 'string' && { code }),
    ...(typeof error === 'string' && { error }),
  };
}

/** The error for an answer that is not a success, in words the person can act on. */
export function peertubeError(host: string, answer: HttpAnswer): CrosswindError {
  const problem = problemOf(answer);
  const detail = problem.detail ?? problem.error;
  if (answer.status === 429) return rateLimited(host, retryAtFromHeaders(answer.headers));
  if (answer.status === 503 && answer.headers.get('retry-after')) {
    // "The upload is already being processed": asking again later gets the video.
    return new CrosswindError('server', words('peertube.processing', { host }), {
      status: 503,
      retryable: true,
      ...(retryAtFromHeaders(answer.headers) !== undefined && {
        retryAt: retryAtFromHeaders(answer.headers),
      }),
    });
  }
  if (answer.status >= 500) return serverTrouble(host, answer.status);
  if (answer.isWebPage) return webPageInstead(host, answer.status);
  if (answer.status === 401) {
    return new CrosswindError('auth', words('peertube.loginExpired', { host }), { status: 401 });
  }
  if (answer.status === 413 && problem.code === 'quota_reached') {
    return new CrosswindError('validation', words('peertube.quotaReached', { host }), {
      status: 413,
    });
  }
  if (answer.status === 413) {
    return new CrosswindError('validation', words('peertube.fileTooBig', { host }), {
      status: 413,
    });
  }
  if (answer.status === 415) {
    return new CrosswindError(
      'validation',
      words('peertube.typeRefused', { host, detail: detail ?? '' }),
      {
        status: 415,
      },
    );
  }
  if (answer.status >= 400 && detail) {
    return new CrosswindError('validation', words('peertube.refused', { host, detail }), {
      status: answer.status,
      detail,
    });
  }
  return unreadableAnswer(host, answer.status);
}
