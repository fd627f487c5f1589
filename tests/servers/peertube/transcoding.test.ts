import { describe, expect, it } from 'vitest';
import type { PeerTubeServer } from './types';
import { initUpload, openUpload, putChunk, signIn, startServer } from './testing';

const file = new Uint8Array(10);

async function uploadOne(server: PeerTubeServer, access: string): Promise<string> {
  const url = await openUpload(server, access, file.length, { privacy: 1 });
  const answer = await putChunk(url, access, file, 0, file.length);
  return ((await answer.json()) as { video: { uuid: string } }).video.uuid;
}

async function stateOf(server: PeerTubeServer, uuid: string) {
  const answer = await fetch(`${server.url}/api/v1/videos/${uuid}`);
  return ((await answer.json()) as { state: { id: number; label: string } }).state;
}

const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('PeerTube test server: transcoding states', () => {
  it('moves a failed job to "Transcoding failed" (7) and keeps a stalled one "To transcode" (2)', async () => {
    const server = await startServer({ transcodeMs: 100 });
    const { access } = await signIn(server);
    server.control.transcoding({ outcome: 'failed' });
    const failed = await uploadOne(server, access);
    server.control.transcoding({ outcome: 'stalled' });
    const stalled = await uploadOne(server, access);
    const fine = await uploadOne(server, access);
    expect(await stateOf(server, failed)).toEqual({ id: 2, label: 'To transcode' });
    await wait(150);
    expect(await stateOf(server, failed)).toEqual({ id: 7, label: 'Transcoding failed' });
    expect(await stateOf(server, stalled)).toEqual({ id: 2, label: 'To transcode' });
    expect(await stateOf(server, fine)).toEqual({ id: 1, label: 'Published' });
  });

  it('takes the switch from another process too', async () => {
    const server = await startServer({ transcodeMs: 0 });
    const { access } = await signIn(server);
    const answer = await fetch(`${server.url}/__control/transcoding`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outcome: 'failed' }),
    });
    expect(answer.ok).toBe(true);
    expect((await stateOf(server, await uploadOne(server, access))).id).toBe(7);
  });
});

describe('PeerTube test server: nsfwSummary as isNSFWSummaryValid checks it', () => {
  it('takes 3 to 250 characters, counted as validator.js counts them', async () => {
    const server = await startServer();
    const { access } = await signIn(server);
    const status = async (summary: string) =>
      (await initUpload(server, access, file.length, { nsfw: true, nsfwSummary: summary })).status;
    expect(await status('ab')).toBe(400);
    expect(await status('abc')).toBe(201);
    expect(await status('x'.repeat(250))).toBe(201);
    expect(await status('x'.repeat(251))).toBe(400);
    // 250 emoji are 500 UTF-16 units, and still 250 characters to validator.js.
    expect(await status('🔞'.repeat(250))).toBe(201);
  });

  it('refuses a summary on a video that is not NSFW (areErrorsInNSFW)', async () => {
    const server = await startServer();
    const { access } = await signIn(server);
    const answer = await initUpload(server, access, file.length, {
      nsfwSummary: 'Flashing lights',
    });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { detail: string }).detail).toBe(
      'Cannot set nsfwSummary if the video is not NSFW',
    );
  });
});
