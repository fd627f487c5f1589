import { assertSecureTransport } from '@/utils/auth/server-url';
import { CrosswindError } from '@/utils/errors';
import { words } from '@/utils/i18n/wording';
import { fromFetchFailure, fromMisskeyAnswer } from './errors';
import {
  readCreatedNote,
  readDriveFile,
  readMeta,
  readNotes,
  readUser,
  type MisskeyDriveFile,
  type MisskeyMeta,
  type MisskeyNote,
  type MisskeyUser,
} from './validate';
import type { RemoveResult } from '../types';
import type { MisskeyVisibility } from './visibility';
import { sleep } from '@/utils/sleep';

// Plain fetch rather than misskey-js: every call needs a timeout and the caller's AbortSignal, the
// status and headers of a refusal (Retry-After on 429), multipart for drive/files/create (which
// misskey-js's api client does not send), and run-time checks of each answer; misskey-js gives
// types only and throws errors without status or headers. This file adds no dependency.

/** Long enough for a slow server, short enough to finish before MV3 cuts a 30 s fetch. */
export const DEFAULT_TIMEOUT_MS = 20_000;

/** notes/delete's `minInterval` is a second; waiting out more than this is not "a moment". */
const MAX_DELETE_WAIT_MS = 5_000;

/** How to reach one account on one server. */
export interface MisskeyClientOptions {
  /** e.g. https://misskey.io */
  origin: string;
  /** The MiAuth token; sent as `i` in the body, which every Misskey version and fork accepts. */
  token?: string;
  timeoutMs?: number;
}

/** Per-call options. */
export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** What notes/create takes from Crosswind. */
export interface NoteParams {
  text: string;
  cw?: string | null;
  visibility?: MisskeyVisibility;
  localOnly?: boolean;
  fileIds?: string[];
  replyId?: string | null;
}

/** One image for drive/files/create. */
export interface FileUpload {
  blob: Blob;
  name: string;
  /** Alt text (Misskey's `comment`). */
  comment?: string;
  isSensitive?: boolean;
}

/** A small client for the few Misskey endpoints Crosswind uses. */
export class MisskeyClient {
  readonly origin: string;
  readonly host: string;
  private readonly token: string | undefined;
  private readonly timeoutMs: number;

  constructor(options: MisskeyClientOptions) {
    // A token goes only over https (plain http only to this computer), checked before any call.
    if (options.token !== undefined) assertSecureTransport(options.origin, 'Misskey server');
    this.origin = new URL(options.origin).origin;
    this.host = new URL(options.origin).host;
    this.token = options.token;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** The public address of a note on this server. */
  noteUrl(id: string): string {
    return `${this.origin}/notes/${id}`;
  }

  /** `/api/meta`: the server's limits. */
  meta(options: CallOptions = {}): Promise<MisskeyMeta> {
    return this.call('meta', { detail: true }, options).then((body) => readMeta(body, this.host));
  }

  /** `i`: who the token belongs to. */
  me(options: CallOptions = {}): Promise<MisskeyUser> {
    return this.call('i', {}, options, true).then((body) => readUser(body, this.host));
  }

  /** `notes/create`. */
  createNote(note: NoteParams, options: CallOptions = {}): Promise<MisskeyNote> {
    const params: Record<string, unknown> = {
      text: note.text,
      visibility: note.visibility ?? 'public',
    };
    if (note.cw) params.cw = note.cw;
    if (note.localOnly) params.localOnly = true;
    if (note.fileIds && note.fileIds.length > 0) params.fileIds = note.fileIds;
    if (note.replyId) params.replyId = note.replyId;
    return this.call('notes/create', params, options, true).then((body) =>
      readCreatedNote(body, this.host),
    );
  }

  /**
   * `notes/delete`; a note that is already gone is 'not-found' (gone there already: deleting a
   * thread's first note takes its replies with it), so nobody claims Crosswind deleted it.
   * Misskey allows one delete a second: a refusal that says to wait a moment is waited out, a
   * longer one is reported.
   */
  async deleteNote(noteId: string, options: CallOptions = {}): Promise<RemoveResult> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.call('notes/delete', { noteId }, options, true);
        return 'deleted';
      } catch (error) {
        if (!(error instanceof CrosswindError)) throw error;
        if ((error.detail ?? '').startsWith('NO_SUCH_NOTE:')) return 'not-found';
        const wait = error.kind === 'rate-limit' && error.retryAt ? error.retryAt - Date.now() : -1;
        if (attempt >= 2 || wait < 0 || wait > MAX_DELETE_WAIT_MS) throw error;
        await sleep(Math.max(wait, 250), options.signal);
      }
    }
  }

  /** `users/notes`: the user's own notes, replies included, newest first (older with `untilId`). */
  userNotes(
    query: { userId: string; untilId?: string; limit?: number },
    options: CallOptions = {},
  ): Promise<MisskeyNote[]> {
    const params: Record<string, unknown> = {
      userId: query.userId,
      withReplies: true,
      withRenotes: false,
      limit: query.limit ?? 100,
    };
    if (query.untilId !== undefined) params.untilId = query.untilId;
    return this.call('users/notes', params, options, true).then((body) =>
      readNotes(body, this.host),
    );
  }

  /** `drive/files/update`: marks an uploaded file sensitive (or not). */
  markSensitive(fileId: string, isSensitive: boolean, options: CallOptions = {}): Promise<void> {
    return this.call('drive/files/update', { fileId, isSensitive }, options, true).then((body) => {
      readDriveFile(body, this.host);
    });
  }

  /** `drive/files/create`: one image with its alt text and sensitivity. */
  uploadFile(file: FileUpload, options: CallOptions = {}): Promise<MisskeyDriveFile> {
    const form = new FormData();
    if (this.token) form.append('i', this.token);
    form.append('name', file.name);
    if (file.comment) form.append('comment', file.comment);
    form.append('isSensitive', file.isSensitive ? 'true' : 'false');
    form.append('file', file.blob, file.name);
    return this.send('drive/files/create', form, undefined, options).then((body) =>
      readDriveFile(body, this.host),
    );
  }

  /** POSTs JSON to an endpoint and returns the parsed answer (undefined for 204). */
  private call(
    endpoint: string,
    params: Record<string, unknown>,
    options: CallOptions,
    withToken = false,
  ): Promise<unknown> {
    const body = withToken && this.token ? { ...params, i: this.token } : params;
    return this.send(endpoint, JSON.stringify(body), 'application/json', options);
  }

  private async send(
    endpoint: string,
    body: string | FormData,
    contentType: string | undefined,
    options: CallOptions,
  ): Promise<unknown> {
    const timeout = AbortSignal.timeout(options.timeoutMs ?? this.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.origin}/api/${endpoint}`, {
        method: 'POST',
        headers: contentType ? { 'Content-Type': contentType } : {},
        body,
        signal,
        credentials: 'omit',
      });
      text = await response.text();
    } catch (error) {
      throw fromFetchFailure(error, this.host, timeout.aborted);
    }
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : (JSON.parse(text) as unknown);
    } catch {
      parsed = undefined;
    }
    if (!response.ok) throw fromMisskeyAnswer(response.status, parsed, response.headers, this.host);
    if (parsed === undefined && response.status !== 204) {
      throw new CrosswindError('server', words('errors.unreadable', { host: this.host }), {
        status: response.status,
      });
    }
    return parsed;
  }
}
