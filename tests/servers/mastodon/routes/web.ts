import { mediaFileUrl } from '../entities';
import { formatStatusText } from '../format';
import { escapeHtml, file, html, redirect, type Ctx, type Reply } from '../http';
import { solidPng } from '../images';
import { page, profilePage, statusPage } from '../pages';
import { byId, accountByUsername } from '../runtime';
import { notFound, route, type Route } from '../router';
import { canSee } from './statuses';

// The pages a person sees when following a post link, and the files the API points to.

const AVATAR = solidPng(48, 48, [0x56, 0x3a, 0xcc]);
const HEADER = solidPng(150, 50, [0x28, 0x2c, 0x37]);
const THUMBNAIL = solidPng(64, 36, [0x59, 0x5a, 0xff]);

function showProfile(ctx: Ctx): Reply {
  const rt = ctx.rt;
  const account = accountByUsername(rt, ctx.match[0] ?? '');
  if (!account) return notFound(ctx);
  const posts = rt.state.statuses
    .filter(
      (status) =>
        status.accountId === account.id && status.visibility === 'public' && canSee(status, null),
    )
    .toReversed()
    .map((status) => ({
      url: `${rt.baseUrl}/@${account.username}/${status.id}`,
      content: formatStatusText(status.text, rt.baseUrl, (name) => accountByUsername(rt, name))
        .html,
    }));
  return html(200, profilePage(account, rt.host, posts));
}

function showStatusPage(ctx: Ctx): Reply {
  const rt = ctx.rt;
  const account = accountByUsername(rt, ctx.match[0] ?? '');
  const status = byId(rt.state.statuses, ctx.match[1] ?? '');
  if (!account || !status || status.accountId !== account.id || !canSee(status, null)) {
    return notFound(ctx);
  }
  return html(
    200,
    statusPage(account, rt.host, {
      id: status.id,
      content: formatStatusText(status.text, rt.baseUrl, (name) => accountByUsername(rt, name))
        .html,
      spoilerText: status.spoilerText,
      createdAt: status.createdAt,
      images: status.mediaIds.flatMap((id) => {
        const media = byId(rt.state.media, id);
        return media
          ? [{ src: mediaFileUrl(rt, media, 'original'), alt: media.description ?? '' }]
          : [];
      }),
    }),
  );
}

/** ActivityPub URIs send a browser to the HTML page. */
function statusUri(ctx: Ctx): Reply {
  return redirect(`${ctx.rt.baseUrl}/@${ctx.match[0] ?? ''}/${ctx.match[1] ?? ''}`);
}

function mediaFile(ctx: Ctx): Reply {
  const media = byId(ctx.rt.state.media, ctx.match[0] ?? '');
  const name = ctx.match[2] ?? '';
  if (!media || name !== `${media.fileName}.${media.extension}`) return notFound(ctx);
  return file(media.bytes, media.mimeType);
}

function mediaShortcode(ctx: Ctx): Reply {
  for (const media of ctx.rt.state.media) {
    if (media.shortcode === ctx.match[0]) return redirect(mediaFileUrl(ctx.rt, media, 'original'));
  }
  return notFound(ctx);
}

function about(ctx: Ctx): Reply {
  const rt = ctx.rt;
  return html(
    200,
    page(
      rt.options.title,
      `<h1>${escapeHtml(rt.options.title)}</h1>\n<p>A sandbox Mastodon server for testing Crosswind. Nothing here leaves this computer.</p>`,
    ),
  );
}

/** Web pages and served files. */
export const webRoutes: Route[] = [
  route('GET', '/', about),
  route('GET', '/about', about),
  route('GET', '/@:username', showProfile),
  route('GET', '/@:username/:id', showStatusPage),
  route('GET', '/users/:username/statuses/:id', statusUri),
  route('GET', '/system/media_attachments/files/:id/:style/:name', mediaFile),
  route('GET', '/media/:shortcode', mediaShortcode),
  route('GET', '/avatars/original/missing.png', () => file(AVATAR, 'image/png')),
  route('GET', '/headers/original/missing.png', () => file(HEADER, 'image/png')),
  route('GET', '/packs/media/images/preview.png', () => file(THUMBNAIL, 'image/png')),
  route('GET', '/packs/media/icons/:name', () => file(AVATAR, 'image/png')),
];
