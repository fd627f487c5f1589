import { describe, expect, it } from 'vitest';
import { mp4FrameRate, readMoov } from '@/utils/media/mp4-frame-rate';
import { sniffVideo } from '@/utils/media/video-sniff';

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** An ISO box: 32-bit size, four-letter type, content. */
function box(type: string, ...content: number[][]): number[] {
  const body = content.flat();
  const size = 8 + body.length;
  return [
    (size >>> 24) & 255,
    (size >>> 16) & 255,
    (size >>> 8) & 255,
    size & 255,
    ...ascii(type),
    ...body,
  ];
}
const u32 = (value: number) => [
  (value >>> 24) & 255,
  (value >>> 16) & 255,
  (value >>> 8) & 255,
  value & 255,
];

/** A video track of `frames` samples over `duration` units of `timescale`. */
function videoTrak(
  timescale: number,
  duration: number,
  samples: Array<[number, number]>,
): number[] {
  const mdhd = box('mdhd', [0, 0, 0, 0], u32(0), u32(0), u32(timescale), u32(duration), u32(0));
  const hdlr = box('hdlr', [0, 0, 0, 0], u32(0), ascii('vide'), u32(0), u32(0), u32(0), [0]);
  const stts = box(
    'stts',
    [0, 0, 0, 0],
    u32(samples.length),
    ...samples.map(([n, d]) => [...u32(n), ...u32(d)]),
  );
  return box('trak', box('mdia', mdhd, hdlr, box('minf', box('stbl', stts))));
}

describe('sniffVideo', () => {
  it('tells MP4, QuickTime, WebM, Matroska and MPEG apart by their bytes', () => {
    expect(sniffVideo(new Uint8Array(box('ftyp', ascii('isom'), u32(0))))).toBe('video/mp4');
    expect(sniffVideo(new Uint8Array(box('ftyp', ascii('qt  '), u32(0))))).toBe('video/quicktime');
    const ebml = [0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84, ...ascii('webm')];
    expect(sniffVideo(new Uint8Array(ebml))).toBe('video/webm');
    const mkv = [0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x88, ...ascii('matroska')];
    expect(sniffVideo(new Uint8Array(mkv))).toBe('video/x-matroska');
    expect(sniffVideo(new Uint8Array([0, 0, 1, 0xba, 0x44]))).toBe('video/mpeg');
  });

  it('answers nothing for pictures in an ISO box or for text', () => {
    expect(sniffVideo(new Uint8Array(box('ftyp', ascii('heic'), u32(0))))).toBeUndefined();
    expect(sniffVideo(new Uint8Array(ascii('hello world')))).toBeUndefined();
  });
});

describe('mp4FrameRate', () => {
  it('counts the video track’s frames over its length, as ffprobe averages them', async () => {
    // 300 frames over 10 s at a 90 kHz timescale: 30 fps.
    const moov = box(
      'moov',
      videoTrak(90_000, 900_000, [
        [299, 3000],
        [1, 3000],
      ]),
    );
    const file = new Blob([new Uint8Array([...box('ftyp', ascii('isom'), u32(0)), ...moov])]);
    const found = await readMoov(file);
    expect(found && mp4FrameRate(found)).toBe(30);
  });

  it('skips a sound track to find the video one', async () => {
    const sound = box(
      'trak',
      box('mdia', box('hdlr', [0, 0, 0, 0], u32(0), ascii('soun'), u32(0))),
    );
    const moov = box('moov', sound, videoTrak(600, 6000, [[600, 10]]));
    const found = await readMoov(new Blob([new Uint8Array(moov)]));
    expect(found && mp4FrameRate(found)).toBe(60);
  });

  it('answers nothing when the samples are outside moov (a recorder’s fragmented MP4)', async () => {
    const moov = box('moov', videoTrak(1000, 0, []));
    const found = await readMoov(new Blob([new Uint8Array(moov)]));
    expect(found && mp4FrameRate(found)).toBeUndefined();
    expect(await readMoov(new Blob([new Uint8Array(box('mdat', [1, 2, 3]))]))).toBeUndefined();
  });
});
