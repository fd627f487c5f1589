import { expect, test } from './fixtures';
import { statusesContaining } from './helpers';
import { ToolbarPopup } from './toolbar-popup';

// The other tests open popup.html in a tab. This one uses the popup the toolbar button opens,
// which the browser closes by itself as soon as the person clicks anywhere else.

test("the toolbar's own popup keeps what was typed when it closes, and posts it once", async ({
  context,
  mastodonConnected: options,
  servers,
}) => {
  const marker = `tb${Date.now()}`;
  const text = `${marker} written in the toolbar popup, then clicked away from`;

  let popup = await ToolbarPopup.open(context);
  const box = popup.find('textbox', /^Post text$/);
  // Opened ready to write: the first key goes into the text.
  await expect.poll(() => box.read('isFocused')).toBe(true);
  await popup.type(text);
  await expect.poll(() => box.read('value')).toBe(text);
  // The last key is on screen; clicking the page closes the popup at once, and whatever was not
  // stored by then is gone.
  await popup.framePainted();
  await options.bringToFront();
  await expect.poll(() => popup.isOpen(), { message: 'the popup closes' }).toBe(false);
  await popup.detach();

  popup = await ToolbarPopup.open(context);
  await expect.poll(() => popup.find('textbox', /^Post text$/).read('value')).toBe(text);
  const mastodon = popup.find('checkbox', /\(Mastodon\)$/);
  if ((await mastodon.read('checked')) !== true) await mastodon.click();
  await expect.poll(() => mastodon.read('checked')).toBe(true);
  const post = popup.find('button', /^Post$/);
  await expect.poll(() => post.read('disabled')).toBe(false);
  await post.click();
  // Sending is the background's: the popup may close while the post is on its way.
  await popup.find('region', /^Delivery$/).waitFor();
  await options.bringToFront();
  await expect.poll(() => popup.isOpen()).toBe(false);
  await popup.detach();

  await expect
    .poll(async () => (await statusesContaining(servers.mastodon, marker)).length)
    .toBe(1);
  const [status] = await statusesContaining(servers.mastodon, marker);
  expect(status?.text).toContain(text);

  // Opened again once it is posted: a fresh draft, with nothing of the post to send twice.
  popup = await ToolbarPopup.open(context);
  await expect.poll(() => popup.find('textbox', /^Post text$/).read('value')).toBe('');
  expect(await popup.find('button', /^Post$/).read('disabled')).toBe(true);
  await popup.detach();
  expect(await statusesContaining(servers.mastodon, marker)).toHaveLength(1);
});
