import type { Runtime } from './runtime';
import { stateOf } from './videos';
import type { ServerControl } from './types';

/** The switches tests (and the sandbox) steer the server with. */
export function createControl(rt: Runtime): ServerControl {
  const user = (username: string) => {
    const found = rt.state.users.find((item) => item.username === username);
    if (!found) throw new Error(`no user named ${username}`);
    return found;
  };
  return {
    fail: (rule) => rt.faults.fail(rule),
    cutUpload: (rule) => rt.faults.cutUpload(rule),
    dropAnswer: (rule) => rt.faults.dropAnswer(rule),
    delay: (rule) => rt.faults.delay(rule),
    revokeTokens(username) {
      const owner = user(username);
      let revoked = 0;
      for (const token of rt.state.tokens) {
        if (token.revoked || token.userId !== owner.id) continue;
        token.revoked = true;
        revoked += 1;
      }
      return revoked;
    },
    expireAccessTokens() {
      for (const token of rt.state.tokens)
        token.accessExpiresAt = Math.min(token.accessExpiresAt, Date.now() - 1);
    },
    setQuota(username, bytes) {
      user(username).videoQuota = bytes;
    },
    transcoding: (rule) => rt.faults.transcoding(rule),
    reset: () => rt.faults.reset(),
  };
}

/** What another process (an end-to-end test) reads: videos, byte ranges, requests. */
export function stateView(rt: Runtime) {
  return {
    videos: rt.state.videos.map((video) => ({
      id: video.id,
      uuid: video.uuid,
      shortUUID: video.shortUUID,
      name: video.name,
      description: video.description,
      channelId: video.channelId,
      privacy: video.privacy,
      category: video.category,
      language: video.language,
      tags: video.tags,
      nsfw: video.nsfw,
      nsfwSummary: video.nsfwSummary,
      filename: video.filename,
      size: video.size,
      sha256: video.sha256,
      uploadId: video.uploadId,
      state: stateOf(video),
      deleted: video.deleted,
    })),
    uploads: [...rt.state.uploads.values()].map((upload) => ({
      id: upload.id,
      size: upload.size,
      bytesWritten: upload.bytesWritten,
      videoId: upload.videoId ?? null,
    })),
    ranges: rt.state.ranges,
    requests: rt.state.requests,
    tokens: rt.state.tokens.length,
  };
}

type Body = Record<string, unknown>;

/** `POST /__control/<name>` with a JSON body; `GET /__control/state`. */
export function controlRoute(
  rt: Runtime,
  control: ServerControl,
  name: string,
  body: Body,
): unknown {
  switch (name) {
    case 'state':
      return stateView(rt);
    case 'fail':
      return control.fail(body as unknown as Parameters<ServerControl['fail']>[0]);
    case 'cut-upload':
      return control.cutUpload(body as unknown as Parameters<ServerControl['cutUpload']>[0]);
    case 'drop-answer':
      return control.dropAnswer(body as unknown as Parameters<ServerControl['dropAnswer']>[0]);
    case 'delay':
      return control.delay(body as unknown as Parameters<ServerControl['delay']>[0]);
    case 'revoke-tokens':
      return { revoked: control.revokeTokens(String(body.username)) };
    case 'expire-access-tokens':
      return control.expireAccessTokens();
    case 'set-quota':
      return control.setQuota(String(body.username), Number(body.bytes));
    case 'transcoding':
      return control.transcoding(body as unknown as Parameters<ServerControl['transcoding']>[0]);
    case 'reset':
      return control.reset();
    default:
      throw new Error(`unknown control ${name}`);
  }
}
