import { browser } from 'wxt/browser';
import { listAccounts } from '../accounts';
import { attachImages } from '../compose/attach-images';
import { MAX_IMAGES } from '../compose/draft';
import { isBlankDraft, type Draft } from '../compose/draft';
import { storedOrNewDraft } from '../compose/stored-draft';
import { errorText, toCrosswindError } from '../errors';
import { draftStorage, pageTemplateStorage } from '../storage';
import { captureStorage, captureStore } from './capture-store';
import { captureTab, imageAltInTab, linkTextInTab, type TabInfo } from './capture-tab';
import { fetchImage } from './fetch-image';
import { fetchVideo } from './fetch-video';
import { inMediaTurn } from '../media/media-turn';
import { saveVideo } from '../media/video-store';
import { cardOf } from './link-card';
import { safeHttpUrl } from './sanitize';
import { linkShareText, pageShareText, selectionCutNote } from './share-text';
import type { PageCapture, PageShare } from './types';
import { t } from '../i18n/messages';

/** The ways to share from a page; each is a right-click menu item. */
export type ShareKind = 'page' | 'selection' | 'link' | 'image' | 'video';

/** What the browser says about a right-click (contextMenus.OnClickData), as far as it matters. */
export interface ShareClick {
  selectionText?: string;
  linkUrl?: string;
  srcUrl?: string;
  pageUrl?: string;
}

/** A menu share this recent is the one the composer was just opened for: keep it. */
const FRESH_SHARE_MS = 15_000;

function newShare(capture: PageCapture, text: string, extra: Partial<PageShare> = {}): PageShare {
  return {
    id: crypto.randomUUID(),
    text,
    source: { title: capture.metadata.title, url: capture.metadata.url },
    via: 'menu',
    card: capture.metadata,
    ...(capture.selectionCut && { note: selectionCutNote() }),
    createdAt: Date.now(),
    ...extra,
  };
}

/** Files that come with a share: a page's image (with its alt text and address) or its clip. */
interface ShareMedia {
  images?: File[];
  imageAlt?: string;
  sourceUrl?: string;
  video?: { blob: Blob; name: string };
}

/**
 * Puts a share where the user will find it: into the draft when nothing is written yet, otherwise
 * offered beside the draft, which is never overwritten. Images are added either way, as adding
 * one replaces nothing. Files are stored and named in the draft or the share in one media turn:
 * a composer sweeping unused files meanwhile would otherwise delete them.
 */
function deliver(share: PageShare, media: ShareMedia = {}): Promise<void> {
  return inMediaTurn(async () => {
    if (media.video) {
      const id = crypto.randomUUID();
      try {
        await saveVideo(id, media.video.blob);
        share.video = { id, name: media.video.name };
      } catch (error) {
        share.note = toCrosswindError(error).message;
      }
    }
    const images = media.images ?? [];
    const accounts = await listAccounts();
    const draft: Draft = await storedOrNewDraft(accounts.map((account) => account.id));
    const notes = share.note ? [share.note] : [];
    if (images.length > 0) {
      if (draft.images.length >= MAX_IMAGES) {
        notes.push(t('capture.postFull', { max: MAX_IMAGES }));
      } else {
        const { added, errors } = await attachImages(images, draft.images);
        const { imageAlt = '', sourceUrl } = media;
        draft.images.push(
          ...added.map((image) => ({ ...image, alt: imageAlt, ...(sourceUrl && { sourceUrl }) })),
        );
        notes.push(...errors);
      }
    }
    const blank = isBlankDraft({ ...draft, images: [] });
    if (blank) {
      draft.text = share.text;
      const card = cardOf(share.card);
      if (card && draft.images.length === 0) draft.linkCard = card;
    }
    // Reopening Crosswind on the page a post already quotes has nothing new to offer.
    const settled = blank || (share.text.trim() !== '' && draft.text.includes(share.text.trim()));
    draft.updatedAt = Date.now();
    await draftStorage.setValue(draft);
    await captureStore.getState().patch({
      share: { ...share, settled, ...(notes.length > 0 ? { note: notes.join(' ') } : {}) },
      unavailable: null,
    });
  });
}

/**
 * Reads the tab the popup was opened on and offers it to the composer, unless a menu or the
 * shortcut has just done so (that share is the one the popup opened for).
 */
export async function shareOpenedPage(tab: TabInfo | undefined): Promise<{ captured: boolean }> {
  const { share } = await captureStorage.getValue();
  if (share?.via === 'menu' && Date.now() - share.createdAt < FRESH_SHARE_MS) {
    return { captured: true };
  }
  const result = await captureTab(tab ?? {});
  if (!result.ok) {
    await captureStore.getState().patch({ unavailable: result.reason });
    return { captured: false };
  }
  const { capture } = result;
  const template = await pageTemplateStorage.getValue();
  const text = pageShareText(capture.metadata, template, capture.selection);
  await deliver(newShare(capture, text, { via: 'toolbar' }));
  return { captured: true };
}

/** The right-click menus and the shortcut: read the page, build the share, open the composer. */
export async function shareFromPage(
  kind: ShareKind,
  click: ShareClick,
  tab: TabInfo,
): Promise<void> {
  const result = await captureTab({ ...tab, url: tab.url ?? click.pageUrl });
  const capture: PageCapture = result.ok
    ? result.capture
    : {
        metadata: { url: '', title: tab.title ?? '' },
        selection: '',
        selectionCut: false,
        capturedAt: Date.now(),
      };
  const meta = capture.metadata;
  switch (kind) {
    case 'selection': {
      // The script keeps line breaks; the browser's own selectionText is the fallback.
      const selection = capture.selection || click.selectionText || '';
      await deliver(newShare(capture, pageShareText(meta, 'url', selection)));
      break;
    }
    case 'link': {
      const url = safeHttpUrl(click.linkUrl);
      if (!url) {
        const refused = newShare(capture, '', {
          note: t('capture.onlyWebLinks'),
        });
        delete refused.card;
        await deliver(refused);
        break;
      }
      const text = linkShareText(url, await linkTextInTab(tab.id, url));
      // The card is about the link, not the page: the composer fetches it like a typed link.
      const share = newShare(capture, text, { source: { title: url, url } });
      delete share.card;
      await deliver(share);
      break;
    }
    case 'image':
      await shareImage(capture, click, tab);
      break;
    case 'video':
      await shareVideo(capture, click);
      break;
    default: {
      // Like the toolbar: text selected on the page comes first, as a quote.
      const template = await pageTemplateStorage.getValue();
      await deliver(newShare(capture, pageShareText(meta, template, capture.selection)));
    }
  }
  await openComposer();
}

async function shareImage(capture: PageCapture, click: ShareClick, tab: TabInfo): Promise<void> {
  const template = await pageTemplateStorage.getValue();
  const share = newShare(capture, pageShareText(capture.metadata, template));
  // The post is about the image: a link card would take its place on Bluesky.
  delete share.card;
  const src = safeHttpUrl(click.srcUrl);
  if (!src) {
    share.note = t('capture.imageNoAddress', { addImages: t('images.add') });
    await deliver(share);
    return;
  }
  try {
    const [blob, alt] = await Promise.all([fetchImage(src), imageAltInTab(tab.id, src)]);
    const name = fileNameOf(src);
    // Kept with the image: Threads fetches it from there rather than from another network's copy.
    await deliver(share, {
      images: [new File([blob], name, { type: blob.type })],
      imageAlt: alt,
      sourceUrl: src,
    });
  } catch (error) {
    share.note = t('capture.imageFailedSave', {
      reason: errorText(toCrosswindError(error)),
      addImages: t('images.add'),
    });
    await deliver(share);
  }
}

/**
 * A page's `<video>`: the file is downloaded and stored here, and the composer attaches it (only a
 * page can read a clip's length and frame size). A stream or a clip the page made itself has no
 * plain address, and the note says how to share it instead.
 */
async function shareVideo(capture: PageCapture, click: ShareClick): Promise<void> {
  const template = await pageTemplateStorage.getValue();
  const share = newShare(capture, pageShareText(capture.metadata, template));
  // The post is about the clip: a link card would take its place on Bluesky.
  delete share.card;
  const src = safeHttpUrl(click.srcUrl);
  if (!src) {
    share.note = t('capture.videoNoAddress', { addVideo: t('video.add') });
    await deliver(share);
    return;
  }
  let media: ShareMedia = {};
  try {
    media = { video: { blob: await fetchVideo(src), name: fileNameOf(src) } };
  } catch (error) {
    share.note = toCrosswindError(error).message;
  }
  await deliver(share, media);
}

/** The image's file name as people read it; `100%.png` is not valid percent-encoding, so kept raw. */
function fileNameOf(src: string): string {
  const raw = new URL(src).pathname.split('/').pop() || 'image';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The popup where the browser allows opening it from here, otherwise a small composer window. */
export async function openComposer(): Promise<void> {
  try {
    await browser.action.openPopup();
    return;
  } catch {
    // Firefox allows it only during the click itself, and some browsers not at all.
  }
  await browser.windows.create({
    url: browser.runtime.getURL('/popup.html?window=1'),
    type: 'popup',
    width: 460,
    height: 720,
  });
}
