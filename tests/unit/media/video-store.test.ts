import { describe, expect, it } from 'vitest';
import {
  deleteVideo,
  keepOnlyVideos,
  loadPoster,
  loadVideo,
  savePoster,
  saveVideo,
} from '@/utils/media/video-store';

describe('video store', () => {
  it('keeps a clip and its still as Blobs, with their types', async () => {
    await saveVideo('v1', new Blob(['clip'], { type: 'video/webm' }));
    await savePoster('v1', new Blob(['still'], { type: 'image/jpeg' }));
    const clip = await loadVideo('v1');
    expect(clip?.type).toBe('video/webm');
    expect(await clip?.text()).toBe('clip');
    expect((await loadPoster('v1'))?.type).toBe('image/jpeg');
  });

  it('removes a clip with its still', async () => {
    await saveVideo('v2', new Blob(['clip']));
    await savePoster('v2', new Blob(['still']));
    await deleteVideo('v2');
    expect(await loadVideo('v2')).toBeUndefined();
    expect(await loadPoster('v2')).toBeUndefined();
  });

  it('keeps only the clips still needed, stills included', async () => {
    await saveVideo('keep', new Blob(['a']));
    await savePoster('keep', new Blob(['a-still']));
    await saveVideo('drop', new Blob(['b']));
    await savePoster('drop', new Blob(['b-still']));
    await keepOnlyVideos(new Set(['keep']));
    expect(await loadVideo('keep')).toBeDefined();
    expect(await loadPoster('keep')).toBeDefined();
    expect(await loadVideo('drop')).toBeUndefined();
    expect(await loadPoster('drop')).toBeUndefined();
  });
});
