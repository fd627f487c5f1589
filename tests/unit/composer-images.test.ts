import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PostJob, TargetStatus } from '@/utils/publish/types';
import { draftStorage } from '@/utils/storage';

// Node has no createImageBitmap: files whose name starts with "bad" stand for unreadable ones.
vi.mock('@/utils/media/inspect', () => ({
  inspectImage: vi.fn(async (file: File) => {
    if (file.name.startsWith('bad')) {
      // Imported here so the class is the one the freshly imported store sees.
      const { CrosswindError } = await import('@/utils/errors');
      throw new CrosswindError('validation', `${file.name} is not an image: it contains text.`);
    }
    return { type: 'image/jpeg', width: 40, height: 30, animated: file.name.endsWith('.gif') };
  }),
}));

const jpeg = (name: string, fill = 1) =>
  new File([new Uint8Array([0xff, 0xd8, 0xff, fill])], name, { type: 'image/jpeg' });

async function freshStore() {
  const { useComposer } = await import('@/utils/composer-store');
  await useComposer.getState().hydrate(['a']);
  return useComposer;
}

/** Records posts in this test's fresh IndexedDB, through modules loaded after the reset. */
async function seedJobs(jobs: PostJob[]): Promise<void> {
  const fixtures = await import('./outbox-fixtures');
  await fixtures.seedJobs(jobs);
}

async function stored(id: string): Promise<number[] | undefined> {
  const { loadImage } = await import('@/utils/media/image-store');
  const blob = await loadImage(id);
  return blob ? [...new Uint8Array(await blob.arrayBuffer())] : undefined;
}

function jobUsing(ids: string[], status: TargetStatus): PostJob {
  return {
    id: `job-${status}`,
    draftId: 'sent',
    createdAt: 1,
    summary: 'sent',
    targets: [
      {
        accountId: 'a',
        status,
        content: { parts: ['sent'], images: ids.map((id) => ({ id, alt: '' })) },
        parts: [{ idempotencyKey: 'k' }],
        attempts: 1,
        updatedAt: 1,
      },
    ],
  };
}

describe('composer images', () => {
  beforeEach(() => {
    vi.resetModules();
    // A new, empty IndexedDB for each test, as each test gets a fresh extension storage.
    globalThis.indexedDB = new IDBFactory();
  });

  it('keeps the original file and records the image in the saved draft', async () => {
    const useComposer = await freshStore();
    const errors = await useComposer
      .getState()
      .addImages([jpeg('cat.jpg', 7), jpeg('anim.gif', 8)]);
    expect(errors).toEqual([]);
    const [cat, gif] = useComposer.getState().draft.images;
    expect(cat).toEqual({
      id: expect.any(String),
      name: 'cat.jpg',
      type: 'image/jpeg',
      width: 40,
      height: 30,
      bytes: 4,
      alt: '',
    });
    expect(gif?.animated).toBe(true);
    expect(await stored(cat!.id)).toEqual([0xff, 0xd8, 0xff, 7]);
    await vi.waitFor(async () =>
      expect((await draftStorage.getValue())?.images.map((image) => image.name)).toEqual([
        'cat.jpg',
        'anim.gif',
      ]),
    );
  });

  it('names a bad file and leaves the draft as it was', async () => {
    const useComposer = await freshStore();
    useComposer.getState().setText('my words');
    await useComposer.getState().addImages([jpeg('first.jpg')]);
    const before = useComposer.getState().draft;

    const errors = await useComposer.getState().addImages([jpeg('bad-notes.jpg')]);
    expect(errors).toEqual(['bad-notes.jpg is not an image: it contains text.']);
    expect(useComposer.getState().draft).toBe(before);
    expect(useComposer.getState().draft.text).toBe('my words');
  });

  it('attaches four at most, and says which files were left out', async () => {
    const useComposer = await freshStore();
    const errors = await useComposer
      .getState()
      .addImages(['a.jpg', 'bad.jpg', 'b.jpg', 'c.jpg', 'd.jpg', 'e.jpg'].map((n) => jpeg(n)));
    // The unreadable file takes no place: four good ones still fit.
    expect(useComposer.getState().draft.images.map((image) => image.name)).toEqual([
      'a.jpg',
      'b.jpg',
      'c.jpg',
      'd.jpg',
    ]);
    expect(errors).toEqual([
      'bad.jpg is not an image: it contains text.',
      'Crosswind attaches up to 4 images; e.jpg was not added.',
    ]);

    await useComposer.getState().removeImage(useComposer.getState().draft.images[0]!.id);
    expect(
      await useComposer.getState().addImages(['x.jpg', 'y.jpg', 'z.jpg'].map((n) => jpeg(n))),
    ).toEqual(['Crosswind attaches up to 4 images; y.jpg and z.jpg were not added.']);
  });

  it('counts free places correctly when two pastes arrive at once', async () => {
    const useComposer = await freshStore();
    const [first, second] = await Promise.all([
      useComposer.getState().addImages(['a.jpg', 'b.jpg', 'c.jpg'].map((n) => jpeg(n))),
      useComposer.getState().addImages(['d.jpg', 'e.jpg'].map((n) => jpeg(n))),
    ]);
    expect(first).toEqual([]);
    expect(second).toEqual(['Crosswind attaches up to 4 images; e.jpg was not added.']);
    expect(useComposer.getState().draft.images).toHaveLength(4);
  });

  it('gives pasted images that share a name distinct names', async () => {
    const useComposer = await freshStore();
    await useComposer.getState().addImages([jpeg('image.png'), jpeg('image.png')]);
    await useComposer.getState().addImages([jpeg('image.png')]);
    expect(useComposer.getState().draft.images.map((image) => image.name)).toEqual([
      'image.png',
      'image-2.png',
      'image-3.png',
    ]);
  });

  it('reorders, describes and removes images', async () => {
    const useComposer = await freshStore();
    await useComposer.getState().addImages(['a.jpg', 'b.jpg', 'c.jpg'].map((n) => jpeg(n)));
    const names = () => useComposer.getState().draft.images.map((image) => image.name);
    const idOf = (name: string) =>
      useComposer.getState().draft.images.find((image) => image.name === name)!.id;

    useComposer.getState().moveImage(idOf('a.jpg'), 1);
    expect(names()).toEqual(['b.jpg', 'a.jpg', 'c.jpg']);
    useComposer.getState().moveImage(idOf('b.jpg'), -1);
    useComposer.getState().moveImage(idOf('c.jpg'), 1);
    expect(names()).toEqual(['b.jpg', 'a.jpg', 'c.jpg']);

    useComposer.getState().setAlt(idOf('a.jpg'), 'A red kite over a field');
    await vi.waitFor(async () =>
      expect((await draftStorage.getValue())?.images[1]?.alt).toBe('A red kite over a field'),
    );

    const removed = idOf('c.jpg');
    await useComposer.getState().removeImage(removed);
    expect(names()).toEqual(['b.jpg', 'a.jpg']);
    expect(await stored(removed)).toBeUndefined();
  });

  it('keeps a removed image while an unfinished post still needs it', async () => {
    const useComposer = await freshStore();
    await useComposer.getState().addImages([jpeg('a.jpg')]);
    const [image] = useComposer.getState().draft.images;
    await seedJobs([jobUsing([image!.id], 'failed')]);
    await useComposer.getState().removeImage(image!.id);
    expect(useComposer.getState().draft.images).toEqual([]);
    expect(await stored(image!.id)).toBeDefined();
  });

  it('frees the old draft’s images on a new post, except those a post still needs', async () => {
    const useComposer = await freshStore();
    await useComposer.getState().addImages(['a.jpg', 'b.jpg', 'c.jpg'].map((n) => jpeg(n)));
    const [a, b, c] = useComposer.getState().draft.images.map((image) => image.id);
    await seedJobs([jobUsing([a!], 'waiting'), jobUsing([b!], 'done')]);

    useComposer.getState().startNew();
    expect(useComposer.getState().draft.images).toEqual([]);
    await vi.waitFor(async () => expect(await stored(b!)).toBeUndefined());
    expect(await stored(c!)).toBeUndefined();
    expect(await stored(a!)).toBeDefined();
  });

  it('frees the images when the background clears the delivered draft', async () => {
    const useComposer = await freshStore();
    await useComposer.getState().addImages([jpeg('a.jpg')]);
    const [image] = useComposer.getState().draft.images;
    await draftStorage.setValue(null);
    await vi.waitFor(async () => expect(await stored(image!.id)).toBeUndefined());
    expect(useComposer.getState().draft.images).toEqual([]);
  });
});
