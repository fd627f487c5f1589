import {
  afterEach,
  beforeEach,
  describe,
  expect,
  it,
  vi,
  type Mock,
  type MockInstance,
} from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { testAccount } from '../test-accounts';
import { captureStorage } from '@/utils/capture/capture-store';
import type { TabCapture, TabInfo } from '@/utils/capture/capture-tab';
import { shareFromPage, shareOpenedPage } from '@/utils/capture/share-actions';
import { selectionCutNote } from '@/utils/capture/share-text';
import type { PageTemplate } from '@/utils/capture/template';
import type { PageCapture, PageMetadata, PageShare } from '@/utils/capture/types';
import { newDraft, type Draft, type DraftImage } from '@/utils/compose/draft';
import { CrosswindError } from '@/utils/errors';
import { loadImage } from '@/utils/media/image-store';
import { loadVideo } from '@/utils/media/video-store';
import {
  accountsStorage,
  draftStorage,
  lastTargetsStorage,
  pageTemplateStorage,
} from '@/utils/storage';

const tabApi = vi.hoisted(() => ({
  captureTab: vi.fn(),
  imageAltInTab: vi.fn(),
  linkTextInTab: vi.fn(),
}));
const fetchImage = vi.hoisted(() => vi.fn());
const fetchVideo = vi.hoisted(() => vi.fn());
const inspectImage = vi.hoisted(() => vi.fn());

// Running scripts in a tab needs a browser; what the page answers is decided per test.
vi.mock('@/utils/capture/capture-tab', () => tabApi);
vi.mock('@/utils/capture/fetch-image', () => ({ fetchImage }));
vi.mock('@/utils/capture/fetch-video', () => ({ fetchVideo }));
// Node cannot decode pictures; attaching and storing the file stay real.
vi.mock('@/utils/media/inspect', () => ({ inspectImage }));

const PAGE_URL = 'https://news.example/story';
const META: PageMetadata = {
  url: PAGE_URL,
  title: 'The Story',
  description: 'What happened',
  image: 'https://cdn.news.example/card.jpg',
  imageAlt: 'A crowd at dusk',
};
const CARD = {
  url: PAGE_URL,
  title: 'The Story',
  description: 'What happened',
  image: 'https://cdn.news.example/card.jpg',
  imageAlt: 'A crowd at dusk',
};
const TAB: TabInfo = { id: 7, url: `${PAGE_URL}?utm_source=feed`, title: 'The Story – News' };
const IMAGE_URL = 'https://cdn.news.example/photos/sunset%20beach.jpg';
const ADD_IMAGES_HINT = 'Save the image, then add it with "Add images".';

function captured(extra: Partial<PageCapture> = {}): TabCapture {
  return {
    ok: true,
    capture: { metadata: META, selection: '', selectionCut: false, capturedAt: 1, ...extra },
  };
}

function draftImage(id: string): DraftImage {
  return { id, name: `${id}.jpg`, type: 'image/jpeg', width: 4, height: 3, bytes: 10, alt: '' };
}

async function storeDraft(extra: Partial<Draft>): Promise<Draft> {
  const draft = { ...newDraft(['a'], 'en'), ...extra };
  await draftStorage.setValue(draft);
  return draft;
}

async function storedDraft(): Promise<Draft> {
  const draft = await draftStorage.getValue();
  expect(draft).not.toBeNull();
  return draft!;
}

async function storedShare(): Promise<PageShare> {
  const { share } = await captureStorage.getValue();
  expect(share).not.toBeNull();
  return share!;
}

function menuShare(extra: Partial<PageShare>): PageShare {
  return {
    id: 'earlier',
    text: 'Earlier share',
    source: { title: 'Earlier', url: 'https://earlier.example/' },
    via: 'menu',
    createdAt: Date.now(),
    ...extra,
  };
}

let openPopup: Mock<() => Promise<void>>;
let createWindow: MockInstance<typeof fakeBrowser.windows.create>;

beforeEach(async () => {
  vi.resetAllMocks();
  tabApi.captureTab.mockResolvedValue(captured());
  tabApi.imageAltInTab.mockResolvedValue('');
  tabApi.linkTextInTab.mockResolvedValue('');
  fetchImage.mockResolvedValue(
    new Blob([new Uint8Array([0xff, 0xd8, 0xff, 1])], { type: 'image/jpeg' }),
  );
  inspectImage.mockResolvedValue({ type: 'image/jpeg', width: 40, height: 30, animated: false });
  openPopup = vi.fn(async () => undefined);
  vi.spyOn(fakeBrowser.action, 'openPopup').mockImplementation(openPopup);
  createWindow = vi.spyOn(fakeBrowser.windows, 'create');
  await accountsStorage.setValue([testAccount('a', 'mastodon'), testAccount('b', 'bluesky')]);
});

afterEach(() => vi.restoreAllMocks());

describe('shareOpenedPage', () => {
  it('fills a blank composer with the page’s title, link and card', async () => {
    await lastTargetsStorage.setValue(['b', 'removed-account']);
    expect(await shareOpenedPage(TAB)).toEqual({ captured: true });

    expect(tabApi.captureTab).toHaveBeenCalledWith(TAB);
    const draft = await storedDraft();
    expect(draft).toMatchObject({
      text: 'The Story\nhttps://news.example/story',
      linkCard: CARD,
      targetIds: ['b'],
    });
    const share = await storedShare();
    expect(share).toEqual({
      id: expect.any(String),
      text: 'The Story\nhttps://news.example/story',
      source: { title: 'The Story', url: PAGE_URL },
      card: META,
      via: 'toolbar',
      settled: true,
      createdAt: expect.any(Number),
    });
    expect((await captureStorage.getValue()).unavailable).toBeNull();
  });

  it.each<[PageTemplate, string, string]>([
    ['title-url', '', 'The Story\nhttps://news.example/story'],
    ['url', '', 'https://news.example/story'],
    ['quote-url', '', 'The Story\nhttps://news.example/story'],
    ['title-url', 'Quoted words', '“Quoted words”\n\nThe Story\nhttps://news.example/story'],
    ['url', 'Quoted words', '“Quoted words”\n\nhttps://news.example/story'],
    ['quote-url', 'Quoted\nwords', '“Quoted\nwords”\n\nhttps://news.example/story'],
  ])('follows the %s template, selection %j', async (template, selection, text) => {
    await pageTemplateStorage.setValue(template);
    tabApi.captureTab.mockResolvedValue(captured({ selection }));
    await shareOpenedPage(TAB);
    expect((await storedDraft()).text).toBe(text);
    expect((await storedShare()).text).toBe(text);
  });

  it('notes a selection that was cut', async () => {
    tabApi.captureTab.mockResolvedValue(captured({ selection: 'Long…', selectionCut: true }));
    await shareOpenedPage(TAB);
    expect((await storedShare()).note).toBe(selectionCutNote());
  });

  it('never changes a draft with text in it, and offers the page beside it', async () => {
    const mine = await storeDraft({ text: 'My own words', updatedAt: 5 });
    await shareOpenedPage(TAB);
    const draft = await storedDraft();
    expect(draft).toMatchObject({ id: mine.id, text: 'My own words' });
    expect(draft).not.toHaveProperty('linkCard');
    expect(await storedShare()).toMatchObject({
      text: 'The Story\nhttps://news.example/story',
      via: 'toolbar',
      settled: false,
    });
  });

  it('offers nothing when the post already holds what the page would add', async () => {
    await storeDraft({ text: 'So true:\n\nThe Story\nhttps://news.example/story' });
    await shareOpenedPage(TAB);
    expect((await storedDraft()).text).toBe('So true:\n\nThe Story\nhttps://news.example/story');
    expect((await storedShare()).settled).toBe(true);
  });

  it.each<[string, Partial<Draft>]>([
    ['a content warning', { contentWarning: 'Spoilers' }],
    ['a separate Bluesky text', { variants: { 'network:bluesky': 'For Bluesky' } }],
  ])('counts %s as something written', async (_name, extra) => {
    await storeDraft(extra);
    await shareOpenedPage(TAB);
    expect((await storedDraft()).text).toBe('');
    expect((await storedShare()).settled).toBe(false);
  });

  it('gives a draft with only images the page’s text, but no card in their place', async () => {
    await storeDraft({ images: [draftImage('photo')] });
    await shareOpenedPage(TAB);
    const draft = await storedDraft();
    expect(draft.text).toBe('The Story\nhttps://news.example/story');
    expect(draft.images).toEqual([draftImage('photo')]);
    expect(draft).not.toHaveProperty('linkCard');
    expect((await storedShare()).settled).toBe(true);
  });

  it('says why a page cannot be read, and leaves draft and share alone', async () => {
    const earlier = menuShare({ via: 'toolbar', createdAt: 1 });
    await captureStorage.setValue({ share: earlier, unavailable: null });
    tabApi.captureTab.mockResolvedValue({ ok: false, reason: 'Crosswind cannot read this page.' });
    expect(await shareOpenedPage(TAB)).toEqual({ captured: false });
    expect(await captureStorage.getValue()).toEqual({
      share: earlier,
      unavailable: 'Crosswind cannot read this page.',
    });
    expect(await draftStorage.getValue()).toBeNull();
  });

  it('clears an earlier reason once a page is read', async () => {
    await captureStorage.setValue({ share: null, unavailable: 'Earlier reason' });
    await shareOpenedPage(TAB);
    expect((await captureStorage.getValue()).unavailable).toBeNull();
  });

  it('keeps a menu share made just now, without reading the page again', async () => {
    const fresh = menuShare({ createdAt: Date.now() - 5_000 });
    await captureStorage.setValue({ share: fresh, unavailable: null });
    expect(await shareOpenedPage(TAB)).toEqual({ captured: true });
    expect(tabApi.captureTab).not.toHaveBeenCalled();
    expect(await storedShare()).toEqual(fresh);
    expect(await draftStorage.getValue()).toBeNull();
  });

  it.each<[string, Partial<PageShare>]>([
    ['an old menu share', { via: 'menu', createdAt: Date.now() - 20_000 }],
    ['a toolbar share made just now', { via: 'toolbar', createdAt: Date.now() }],
  ])('replaces %s', async (_name, extra) => {
    await captureStorage.setValue({ share: menuShare(extra), unavailable: null });
    await shareOpenedPage(TAB);
    expect(tabApi.captureTab).toHaveBeenCalledTimes(1);
    const share = await storedShare();
    expect(share.id).not.toBe('earlier');
    expect(share).toMatchObject({ via: 'toolbar', text: 'The Story\nhttps://news.example/story' });
  });

  it('asks about an empty tab when it was given none', async () => {
    tabApi.captureTab.mockResolvedValue({ ok: false, reason: 'No tab' });
    await shareOpenedPage(undefined);
    expect(tabApi.captureTab).toHaveBeenCalledWith({});
  });
});

describe('shareFromPage: selection', () => {
  it('quotes the selection the page read, with its line breaks, then the link', async () => {
    // The user's template is for pages; a selection is always quote and link.
    await pageTemplateStorage.setValue('title-url');
    tabApi.captureTab.mockResolvedValue(captured({ selection: 'Line one\nLine two' }));
    await shareFromPage('selection', { selectionText: 'Line one Line two' }, TAB);

    const text = '“Line one\nLine two”\n\nhttps://news.example/story';
    expect((await storedDraft()).text).toBe(text);
    expect(await storedShare()).toMatchObject({ text, via: 'menu', settled: true });
    expect(openPopup).toHaveBeenCalledTimes(1);
    expect(createWindow).not.toHaveBeenCalled();
  });

  it('falls back to the browser’s selection text', async () => {
    await shareFromPage('selection', { selectionText: 'From the browser' }, TAB);
    expect((await storedDraft()).text).toBe('“From the browser”\n\nhttps://news.example/story');
  });

  it('reads the page the click names when the tab has no address', async () => {
    await shareFromPage('selection', { selectionText: 'x', pageUrl: PAGE_URL }, { id: 7 });
    expect(tabApi.captureTab).toHaveBeenCalledWith({ id: 7, url: PAGE_URL });
  });

  it('still shares the selection of a page that cannot be read', async () => {
    tabApi.captureTab.mockResolvedValue({ ok: false, reason: 'Cannot read' });
    await shareFromPage('selection', { selectionText: 'Words' }, { id: 7, title: 'PDF viewer' });
    const draft = await storedDraft();
    expect(draft.text).toBe('“Words”');
    expect(draft).not.toHaveProperty('linkCard');
    expect((await storedShare()).source).toEqual({ title: 'PDF viewer', url: '' });
    expect(openPopup).toHaveBeenCalledTimes(1);
  });

  it('offers the quote beside a draft being written', async () => {
    await storeDraft({ text: 'Half a thought' });
    await shareFromPage('selection', { selectionText: 'Words' }, TAB);
    expect((await storedDraft()).text).toBe('Half a thought');
    expect(await storedShare()).toMatchObject({
      text: '“Words”\n\nhttps://news.example/story',
      settled: false,
    });
  });

  it.each<[string, () => Promise<void>]>([
    [
      'rejects',
      async () => {
        throw new Error('openPopup is only allowed during a user gesture');
      },
    ],
    [
      'throws at once',
      () => {
        throw new Error('not implemented');
      },
    ],
  ])('opens a composer window when openPopup %s', async (_name, failing) => {
    openPopup.mockImplementation(failing);
    await shareFromPage('selection', { selectionText: 'Words' }, TAB);
    expect(createWindow).toHaveBeenCalledTimes(1);
    expect(createWindow).toHaveBeenCalledWith({
      url: 'chrome-extension://test-extension-id/popup.html?window=1',
      type: 'popup',
      width: 460,
      height: 720,
    });
  });
});

describe('shareFromPage: link', () => {
  const LINK = 'https://other.example/article#comments';

  it('shares the link text and the link, with no card about the page', async () => {
    tabApi.linkTextInTab.mockResolvedValue('Read the article');
    await shareFromPage('link', { linkUrl: LINK, pageUrl: PAGE_URL }, TAB);

    expect(tabApi.linkTextInTab).toHaveBeenCalledWith(7, LINK);
    const text = `Read the article\n${LINK}`;
    const draft = await storedDraft();
    expect(draft.text).toBe(text);
    expect(draft).not.toHaveProperty('linkCard');
    const share = await storedShare();
    expect(share).toMatchObject({ text, source: { title: LINK, url: LINK }, settled: true });
    expect(share).not.toHaveProperty('card');
    expect(openPopup).toHaveBeenCalledTimes(1);
  });

  it('shares the bare link when it has no text of its own', async () => {
    await shareFromPage('link', { linkUrl: LINK }, TAB);
    expect((await storedDraft()).text).toBe(LINK);
  });

  it.each(['javascript:alert(1)', 'mailto:someone@example.com', undefined])(
    'explains that %j cannot be shared, and changes no text',
    async (linkUrl) => {
      await storeDraft({ text: 'Half a thought' });
      await shareFromPage('link', linkUrl === undefined ? {} : { linkUrl }, TAB);
      expect(tabApi.linkTextInTab).not.toHaveBeenCalled();
      expect((await storedDraft()).text).toBe('Half a thought');
      expect(await storedShare()).toMatchObject({
        text: '',
        note: 'Only web links (http and https) can be shared.',
      });
      expect(openPopup).toHaveBeenCalledTimes(1);
    },
  );

  it('leaves a blank draft empty, with no card, when the link cannot be shared', async () => {
    await shareFromPage('link', { linkUrl: 'javascript:alert(1)' }, TAB);
    const draft = await storedDraft();
    expect(draft.text).toBe('');
    expect(draft.linkCard).toBeUndefined();
  });
});

describe('shareFromPage: image', () => {
  it('keeps a file name that is not valid percent-encoding as it is', async () => {
    await shareFromPage('image', { srcUrl: 'https://cdn.example/100%.png' }, TAB);
    const [image] = (await storedDraft()).images;
    expect(image?.name).toBe('100%.png');
    expect((await storedShare()).note).toBeUndefined();
  });

  it('attaches the image with the page’s alt, and starts the text from the page', async () => {
    tabApi.imageAltInTab.mockResolvedValue('Sunset over the beach');
    await shareFromPage('image', { srcUrl: IMAGE_URL, pageUrl: PAGE_URL }, TAB);

    expect(fetchImage).toHaveBeenCalledWith(IMAGE_URL);
    expect(tabApi.imageAltInTab).toHaveBeenCalledWith(7, IMAGE_URL);
    const draft = await storedDraft();
    expect(draft.text).toBe('The Story\nhttps://news.example/story');
    expect(draft.images).toEqual([
      {
        id: expect.any(String),
        name: 'sunset beach.jpg',
        type: 'image/jpeg',
        width: 40,
        height: 30,
        bytes: 4,
        alt: 'Sunset over the beach',
        // Where it came from: Threads fetches it from there.
        sourceUrl: IMAGE_URL,
      },
    ]);
    // The image takes the embed a card would use.
    expect(draft).not.toHaveProperty('linkCard');
    const file = await loadImage(draft.images[0]!.id);
    expect([...new Uint8Array(await file!.arrayBuffer())]).toEqual([0xff, 0xd8, 0xff, 1]);
    const share = await storedShare();
    expect(share).not.toHaveProperty('card');
    expect(share).not.toHaveProperty('note');
    expect(share.settled).toBe(true);
    expect(openPopup).toHaveBeenCalledTimes(1);
  });

  it('adds the image to a draft being written, keeping its text', async () => {
    await storeDraft({ text: 'Look at this', images: [draftImage('first')] });
    await shareFromPage('image', { srcUrl: IMAGE_URL }, TAB);
    const draft = await storedDraft();
    expect(draft.text).toBe('Look at this');
    expect(draft.images.map((image) => image.name)).toEqual(['first.jpg', 'sunset beach.jpg']);
    expect((await storedShare()).settled).toBe(false);
  });

  it('adds nothing to a draft that has four images, and says so', async () => {
    const four = ['1', '2', '3', '4'].map(draftImage);
    await storeDraft({ text: 'Full', images: four });
    await shareFromPage('image', { srcUrl: IMAGE_URL }, TAB);
    expect(await storedDraft()).toMatchObject({ text: 'Full', images: four });
    expect((await storedShare()).note).toBe(
      'Your post already has 4 images. Remove one, then share the image again.',
    );
  });

  it('names what to do when the image cannot be downloaded, and harms nothing', async () => {
    const mine = await storeDraft({ text: 'Look at this', images: [draftImage('first')] });
    fetchImage.mockRejectedValue(
      new CrosswindError('validation', 'What cdn.news.example sent is not an image: it is text.'),
    );
    await shareFromPage('image', { srcUrl: IMAGE_URL }, TAB);
    expect(await storedDraft()).toMatchObject({ text: 'Look at this', images: mine.images });
    expect((await storedShare()).note).toBe(
      `What cdn.news.example sent is not an image: it is text. ${ADD_IMAGES_HINT}`,
    );
    expect(openPopup).toHaveBeenCalledTimes(1);
  });

  it('passes on why a downloaded file could not be attached', async () => {
    inspectImage.mockRejectedValue(
      new CrosswindError('validation', 'sunset beach.jpg is not an image Crosswind can read.'),
    );
    await shareFromPage('image', { srcUrl: IMAGE_URL }, TAB);
    const draft = await storedDraft();
    expect(draft.images).toEqual([]);
    expect(draft.text).toBe('The Story\nhttps://news.example/story');
    expect((await storedShare()).note).toBe('sunset beach.jpg is not an image Crosswind can read.');
  });

  it.each(['data:image/png;base64,iVBORw0KGgo=', 'blob:https://news.example/4f6e', undefined])(
    'explains that the image at %j cannot be downloaded',
    async (srcUrl) => {
      await shareFromPage('image', srcUrl === undefined ? {} : { srcUrl }, TAB);
      expect(fetchImage).not.toHaveBeenCalled();
      expect((await storedShare()).note).toBe(
        'This image has no web address Crosswind can download. Save it, then add it with "Add images".',
      );
      expect((await storedDraft()).images).toEqual([]);
      expect(openPopup).toHaveBeenCalledTimes(1);
    },
  );
});

describe('shareFromPage: page', () => {
  it.each<[PageTemplate, string]>([
    ['title-url', 'The Story\nhttps://news.example/story'],
    ['url', 'https://news.example/story'],
    ['quote-url', 'The Story\nhttps://news.example/story'],
  ])('starts the post from the %s template, with the page’s card', async (template, text) => {
    await pageTemplateStorage.setValue(template);
    await shareFromPage('page', {}, TAB);
    expect(await storedDraft()).toMatchObject({ text, linkCard: CARD });
    expect(await storedShare()).toMatchObject({ text, via: 'menu', settled: true, card: META });
    expect(openPopup).toHaveBeenCalledTimes(1);
  });

  it('quotes text selected on the page first, as the toolbar does', async () => {
    tabApi.captureTab.mockResolvedValue(captured({ selection: 'Line one\nLine two' }));
    await shareFromPage('page', {}, TAB);
    expect((await storedDraft()).text).toBe(
      '“Line one\nLine two”\n\nThe Story\nhttps://news.example/story',
    );
  });
});

describe('shareFromPage: video', () => {
  it('stores the page’s clip for the composer to attach, and starts the text from the page', async () => {
    fetchVideo.mockResolvedValue(new Blob(['mp4 bytes'], { type: 'video/mp4' }));
    const src = 'https://cdn.news.example/clips/kite%20flight.mp4';
    await shareFromPage('video', { srcUrl: src, pageUrl: PAGE_URL }, TAB);
    expect(fetchVideo).toHaveBeenCalledWith(src);
    const share = await storedShare();
    expect(share.video).toEqual({ id: expect.any(String) as string, name: 'kite flight.mp4' });
    expect(share).not.toHaveProperty('card');
    const stored = await loadVideo(share.video!.id);
    expect(await stored?.text()).toBe('mp4 bytes');
    expect((await storedDraft()).text).toBe('The Story\nhttps://news.example/story');
    expect(openPopup).toHaveBeenCalledTimes(1);
  });

  it('says how to share a clip with no plain web address (a stream, or one the page made)', async () => {
    await shareFromPage('video', { srcUrl: 'blob:https://news.example/1234' }, TAB);
    expect(fetchVideo).not.toHaveBeenCalled();
    const share = await storedShare();
    expect(share).not.toHaveProperty('video');
    expect(share.note).toBe(
      'This video has no web address Crosswind can download (a stream, or made by the page). Save it, then add it with "Add video".',
    );
  });

  it('keeps the page’s text and says why when the clip could not be downloaded', async () => {
    fetchVideo.mockRejectedValue(
      new CrosswindError(
        'validation',
        'cdn.news.example has no video at that address (error 404).',
      ),
    );
    await shareFromPage('video', { srcUrl: 'https://cdn.news.example/gone.mp4' }, TAB);
    const share = await storedShare();
    expect(share).not.toHaveProperty('video');
    expect(share.note).toBe('cdn.news.example has no video at that address (error 404).');
  });
});
