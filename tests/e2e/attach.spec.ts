/**
 * Attaching images in the popup: the draft keeps them (files in IndexedDB, order and alt text in
 * storage), bad files are named without touching the draft, and Post asks about missing alt text.
 */
import type { Page } from '@playwright/test';
import { buildGif } from '../media/gif-fixture';
import { expect, test } from './fixtures';
import { pickAccounts } from './helpers';

/** A small JPEG of one colour, drawn in the page: Chromium encodes it as a camera would. */
async function jpeg(page: Page, fill: string, width = 120, height = 80): Promise<Buffer> {
  const bytes = await page.evaluate(
    async (size) => {
      const canvas = new OffscreenCanvas(size.width, size.height);
      const pen = canvas.getContext('2d')!;
      pen.fillStyle = size.fill;
      pen.fillRect(0, 0, size.width, size.height);
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
      return [...new Uint8Array(await blob.arrayBuffer())];
    },
    { fill, width, height },
  );
  return Buffer.from(bytes);
}

const asJpeg = (name: string, buffer: Buffer) => ({ name, mimeType: 'image/jpeg', buffer });

/** How many files the image store holds, read the way the extension reads them. */
function storedImageCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('crosswind-media', 1);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result
            .transaction('images', 'readonly')
            .objectStore('images')
            .count();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** Opens the popup with the connected Mastodon account picked. */
async function popupWithMastodon(openPopup: () => Promise<Page>): Promise<Page> {
  const popup = await openPopup();
  await pickAccounts(popup, 'Mastodon');
  return popup;
}

const imageList = (page: Page) => page.getByRole('list', { name: 'Images' });

async function expectImages(page: Page, names: string[]): Promise<void> {
  const items = imageList(page).getByRole('listitem');
  await expect(items).toHaveCount(names.length);
  for (const [index, name] of names.entries()) {
    await expect(items.nth(index)).toHaveAccessibleName(`Image ${index + 1}: ${name}`);
  }
}

test('attached images keep their order and alt text when the popup closes, and can be reordered and removed', async ({
  mastodonConnected: _connected,
  openPopup,
}) => {
  let popup = await popupWithMastodon(openPopup);
  const red = await jpeg(popup, '#d22');
  const blue = await jpeg(popup, '#22d', 90, 160);

  await popup
    .getByLabel('Add images')
    .setInputFiles([asJpeg('red.jpg', red), asJpeg('blue.jpg', blue)]);
  await expectImages(popup, ['red.jpg', 'blue.jpg']);
  // The thumbnail is the stored file itself, decoded by the browser.
  await expect(imageList(popup).locator('img').first()).toHaveJSProperty('naturalWidth', 120);
  await popup.getByLabel('Alt text for red.jpg').fill('A red rectangle');
  await popup.getByLabel('Alt text for blue.jpg').fill('A tall blue rectangle');
  await expect(popup.getByText('15 / 1500')).toBeVisible();

  await popup.close();
  popup = await openPopup();
  await expectImages(popup, ['red.jpg', 'blue.jpg']);
  await expect(popup.getByLabel('Alt text for red.jpg')).toHaveValue('A red rectangle');
  await expect(popup.getByLabel('Alt text for blue.jpg')).toHaveValue('A tall blue rectangle');
  await expect(imageList(popup).locator('img').nth(1)).toHaveJSProperty('naturalHeight', 160);

  await expect(popup.getByRole('button', { name: 'Move red.jpg earlier' })).toBeDisabled();
  await popup.getByRole('button', { name: 'Move red.jpg later' }).click();
  await expectImages(popup, ['blue.jpg', 'red.jpg']);
  expect(await storedImageCount(popup)).toBe(2);

  await popup.getByRole('button', { name: 'Remove blue.jpg' }).click();
  await expectImages(popup, ['red.jpg']);
  await expect.poll(() => storedImageCount(popup)).toBe(1);

  await popup.reload();
  await expectImages(popup, ['red.jpg']);
  await expect(popup.getByLabel('Alt text for red.jpg')).toHaveValue('A red rectangle');
});

test('a file that is not a picture is named, more than four are refused, and the draft stays as it was', async ({
  mastodonConnected: _connected,
  openPopup,
}) => {
  const popup = await popupWithMastodon(openPopup);
  const picture = await jpeg(popup, '#2a2');
  await popup.getByLabel('Post text').fill('Words I do not want to lose');
  const addImages = popup.getByLabel('Add images');
  await addImages.setInputFiles([asJpeg('green.jpg', picture)]);
  await expectImages(popup, ['green.jpg']);

  await addImages.setInputFiles([
    asJpeg('notes.jpg', Buffer.from('Shopping list\n- milk\n- bread\n', 'utf8')),
  ]);
  await expect(popup.getByRole('alert')).toHaveText(
    'notes.jpg is not an image: it contains text. Attach a JPEG, PNG, GIF or WebP picture.',
  );
  await expectImages(popup, ['green.jpg']);
  await expect(popup.getByLabel('Post text')).toHaveValue('Words I do not want to lose');

  // A file that claims to be a JPEG but is cut short cannot be decoded.
  await addImages.setInputFiles([asJpeg('broken.jpg', picture.subarray(0, 40))]);
  await expect(popup.getByRole('alert')).toContainText('broken.jpg could not be opened.');
  await expectImages(popup, ['green.jpg']);

  await addImages.setInputFiles(
    ['a.jpg', 'b.jpg', 'c.jpg', 'd.jpg', 'e.jpg'].map((name) => asJpeg(name, picture)),
  );
  await expect(popup.getByRole('alert')).toHaveText(
    'Crosswind attaches up to 4 images; d.jpg and e.jpg were not added.',
  );
  await expectImages(popup, ['green.jpg', 'a.jpg', 'b.jpg', 'c.jpg']);
  await expect(addImages).toBeDisabled();
  await expect(popup.getByText('4 of 4 images attached.')).toBeVisible();
  await expect(popup.getByLabel('Post text')).toHaveValue('Words I do not want to lose');
});

test('images can be pasted into the text and dropped on the composer', async ({
  mastodonConnected: _connected,
  openPopup,
}) => {
  const popup = await popupWithMastodon(openPopup);
  await popup.getByLabel('Post text').fill('Before');
  const [orange, azure] = [await jpeg(popup, '#f80'), await jpeg(popup, '#08f')];
  await popup.evaluate(
    (pictures) => {
      const [pasted, dropped] = pictures.map((bytes) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(bytes)], 'image.png', { type: 'image/png' }));
        return transfer;
      });
      document
        .getElementById('post-text')!
        .dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: pasted!, bubbles: true, cancelable: true }),
        );
      const form = document.querySelector('form.composer')!;
      for (const type of ['dragover', 'drop']) {
        form.dispatchEvent(
          new DragEvent(type, { dataTransfer: dropped!, bubbles: true, cancelable: true }),
        );
      }
    },
    [[...orange], [...azure]],
  );
  // Pasted screenshots all share a name; the second gets its own, so its fields stay distinct.
  await expectImages(popup, ['image.png', 'image-2.png']);
  await expect(popup.getByLabel('Post text')).toHaveValue('Before');
});

test('Post asks about images without alt text: "Add alt text" goes to the field, "Post anyway" posts', async ({
  mastodonConnected: _connected,
  openPopup,
}) => {
  const popup = await popupWithMastodon(openPopup);
  await popup.getByLabel('Post text').fill(`Two pictures a${Date.now()}`);
  await popup
    .getByLabel('Add images')
    .setInputFiles([
      asJpeg('first.jpg', await jpeg(popup, '#d22')),
      asJpeg('second.jpg', await jpeg(popup, '#22d')),
    ]);
  await expectImages(popup, ['first.jpg', 'second.jpg']);
  await popup.getByLabel('Alt text for first.jpg').fill('A red field');

  // Too long for Mastodon's 1500: counted in red, and Post waits.
  const post = popup.getByRole('button', { name: 'Post' });
  await popup.getByLabel('Alt text for second.jpg').fill('x'.repeat(1501));
  await expect(popup.getByText('1501 of 1500 characters: 1 too many')).toBeVisible();
  await expect(post).toBeDisabled();
  await expect(post).toHaveAccessibleDescription(/second\.jpg/);
  await popup.getByLabel('Alt text for second.jpg').fill('');

  await post.click();
  const question = popup.getByRole('alertdialog', { name: '1 image has no alt text.' });
  await expect(question).toBeVisible();
  await expect(question.getByRole('button', { name: 'Add alt text' })).toBeFocused();
  await question.getByRole('button', { name: 'Add alt text' }).click();
  await expect(question).toBeHidden();
  await expect(popup.getByLabel('Alt text for second.jpg')).toBeFocused();
  await expect(popup.getByRole('region', { name: 'Delivery' })).toBeHidden();

  // Asked on every press, not only the first.
  await post.click();
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Post anyway' }).click();
  await expect(question).toBeHidden();
  await expect(popup.getByRole('region', { name: 'Delivery' })).toBeVisible();
});

test('with the reminder turned off in Preferences, Post does not ask', async ({
  mastodonConnected: _connected,
  openOptions,
  openPopup,
}) => {
  const popup = await popupWithMastodon(openPopup);
  const options = await openOptions();
  const reminder = options.getByRole('checkbox', {
    name: 'Remind me when an image has no alt text',
  });
  await expect(reminder).toBeChecked();
  await reminder.uncheck();
  await options.reload();
  await expect(reminder).not.toBeChecked();

  await popup.getByLabel('Post text').fill(`No description n${Date.now()}`);
  await popup
    .getByLabel('Add images')
    .setInputFiles([asJpeg('plain.jpg', await jpeg(popup, '#888'))]);
  await expectImages(popup, ['plain.jpg']);
  await popup.getByRole('button', { name: 'Post' }).click();
  await expect(popup.getByRole('region', { name: 'Delivery' })).toBeVisible();
  await expect(popup.getByRole('alertdialog')).toHaveCount(0);
});

test('an animated GIF says Bluesky shows only its first frame', async ({
  bothConnected: _connected,
  openPopup,
}) => {
  const popup = await openPopup();
  await pickAccounts(popup, 'Mastodon');
  const spin = {
    name: 'spin.gif',
    mimeType: 'image/gif',
    buffer: Buffer.from(buildGif(8, 8, [0, 1])),
  };
  const still = {
    name: 'still.gif',
    mimeType: 'image/gif',
    buffer: Buffer.from(buildGif(8, 8, [1])),
  };
  await popup.getByLabel('Add images').setInputFiles([spin, still]);
  await expectImages(popup, ['spin.gif', 'still.gif']);
  const note = popup.getByText('Bluesky shows only the first frame of spin.gif.');
  // Only said when Bluesky is picked, and only for the animated one.
  await expect(note).toBeHidden();
  await pickAccounts(popup, 'Bluesky');
  await expect(note).toBeVisible();
  await expect(popup.getByText(/first frame of still\.gif/)).toHaveCount(0);
});
