import { describe, expect, it } from 'vitest';
import { mp4Bytes } from '../../media/mp4-fixture';
import { solidPng } from './images';
import { call, startServer, upload, userToken } from './testing';
import { videoMetadata } from './video';

const mp4 = (spec: Parameters<typeof mp4Bytes>[0]) => Buffer.from(mp4Bytes(spec));

interface MediaBody {
  id: string;
  type: string;
  url: string | null;
  meta: Record<string, unknown>;
}

describe('video through /api/v2/media', () => {
  it('always processes a clip later: 202 with no url, 206 while processing, then 200', async () => {
    const server = await startServer();
    const token = await userToken(server);
    const clip = mp4({ width: 640, height: 360, frames: 300, seconds: 10 });
    const created = await call(server, 'POST', '/api/v2/media', {
      token,
      multipart: upload(clip, 'video/mp4', { description: 'A kite' }),
    });
    expect(created.status).toBe(202);
    const media = created.body as MediaBody;
    expect(media).toMatchObject({ type: 'video', url: null, description: 'A kite' });
    expect(media.meta.original).toEqual({
      width: 640,
      height: 360,
      frame_rate: '30/1',
      duration: 10,
    });
    const first = await call(server, 'GET', `/api/v1/media/${media.id}`, { token });
    expect(first.status).toBe(206);
    const second = await call(server, 'GET', `/api/v1/media/${media.id}`, { token });
    expect(second.status).toBe(200);
    expect((second.body as MediaBody).url).toMatch(/\.mp4$/);
  });

  it('refuses a clip over the matrix limit with Mastodon’s words, before its size is looked at', async () => {
    const server = await startServer();
    const token = await userToken(server);
    const answer = await call(server, 'POST', '/api/v2/media', {
      token,
      multipart: upload(mp4({ width: 7680, height: 4320, frames: 30, seconds: 1 }), 'video/mp4'),
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual({ error: '7680x4320 videos are not supported' });
    expect(server.state.media).toHaveLength(0);
  });

  it('refuses a clip over the frame rate limit', async () => {
    const server = await startServer();
    const token = await userToken(server);
    const answer = await call(server, 'POST', '/api/v2/media', {
      token,
      multipart: upload(mp4({ width: 320, height: 240, frames: 240, seconds: 1 }), 'video/mp4'),
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual({ error: '240fps videos are not supported' });
  });

  it('refuses a video beside an image in one status', async () => {
    const server = await startServer();
    const token = await userToken(server);
    const clip = await call(server, 'POST', '/api/v2/media', {
      token,
      multipart: upload(mp4({ width: 320, height: 240, frames: 30, seconds: 1 }), 'video/mp4'),
    });
    const picture = await call(server, 'POST', '/api/v2/media', {
      token,
      multipart: upload(solidPng(4, 4, [1, 2, 3]), 'image/png'),
    });
    await call(server, 'GET', `/api/v1/media/${(clip.body as MediaBody).id}`, { token });
    const status = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: {
        status: 'both',
        media_ids: [(clip.body as MediaBody).id, (picture.body as MediaBody).id],
      },
    });
    expect(status.status).toBe(422);
    expect(status.body).toEqual({
      error: 'Cannot attach a video to a post that already contains images',
    });
  });
});

/** One EBML element: its id bytes, a one-byte size, its body (all test elements are small). */
function element(id: number[], ...body: number[][]): number[] {
  const content = body.flat();
  return [...id, 0x80 | content.length, ...content];
}

describe('videoMetadata', () => {
  it('reads a WebM’s frame size, length and frame duration from its Tracks and Info', () => {
    const duration = Buffer.alloc(4);
    duration.writeFloatBE(2500);
    const info = element(
      [0x15, 0x49, 0xa9, 0x66],
      element([0x2a, 0xd7, 0xb1], [0x0f, 0x42, 0x40]),
      element([0x44, 0x89], [...duration]),
    );
    const video = element([0xe0], element([0xb0], [0x01, 0x40]), element([0xba], [0xb4]));
    const track = element(
      [0xae],
      element([0x83], [0x01]),
      element([0x23, 0xe3, 0x83], [0x02, 0x62, 0x5a, 0x00]),
      video,
    );
    const tracks = element([0x16, 0x54, 0xae, 0x6b], track);
    const header = element(
      [0x1a, 0x45, 0xdf, 0xa3],
      element([0x42, 0x82], [...Buffer.from('webm')]),
    );
    // A live recording's Segment has an unknown size (all ones).
    const segment = [0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];
    const bytes = Buffer.from([...header, ...segment, ...info, ...tracks]);
    expect(videoMetadata(bytes, 'video/webm')).toEqual({
      width: 320,
      height: 180,
      frameRate: 25,
      duration: 2.5,
    });
  });
});
