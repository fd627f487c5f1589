import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mp4Bytes } from '../../media/mp4-fixture';
import { fetchVideo } from '@/utils/capture/fetch-video';

const clip = Buffer.from(mp4Bytes({ width: 320, height: 240, frames: 30, seconds: 1 }));

let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/clip.mp4') {
      // A wrong declared type: the bytes decide.
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.end(clip);
    } else if (request.url === '/page.mp4') {
      response.writeHead(200, { 'content-type': 'video/mp4' });
      response.end('<!doctype html><title>Not a video</title>');
    } else if (request.url === '/huge.mp4') {
      response.writeHead(200, { 'content-type': 'video/mp4', 'content-length': '200000000' });
      response.end();
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

describe('fetchVideo', () => {
  it('downloads a clip and types it by its bytes', async () => {
    const blob = await fetchVideo(`${origin}/clip.mp4`);
    expect(blob.type).toBe('video/mp4');
    expect(Buffer.from(await blob.arrayBuffer()).equals(clip)).toBe(true);
  });

  it('refuses what is not a video, whatever it is called', async () => {
    await expect(fetchVideo(`${origin}/page.mp4`)).rejects.toMatchObject({
      kind: 'validation',
      message: `${new URL(origin).host} sent something that is not a video Crosswind can read.`,
    });
  });

  it('refuses a clip declared larger than any network takes, without reading it', async () => {
    await expect(fetchVideo(`${origin}/huge.mp4`)).rejects.toMatchObject({
      kind: 'validation',
      message: expect.stringMatching(/^That video is larger than/) as string,
    });
  });

  it('names a missing clip as a video', async () => {
    await expect(fetchVideo(`${origin}/gone.mp4`)).rejects.toMatchObject({
      message: `${new URL(origin).host} has no video at that address (error 404).`,
    });
  });
});
