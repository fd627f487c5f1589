import { defineNetwork } from '../capabilities';
import { serverAccountLabel } from '../mastodon/software';
import { PEERTUBE_TEXT } from './text';

/** PeerTube: the fediverse's video platform, where a post is a video. */
export const peertubeInfo = defineNetwork({
  id: 'peertube',
  name: 'PeerTube',
  // The description's limit; a post carries no images.
  defaultLimits: { maxCharacters: PEERTUBE_TEXT.description.max, maxMediaAttachments: 0 },
  capabilities: {
    // The warning becomes `nsfw` with its words as `nsfwSummary`.
    contentWarning: 'text',
    // Video privacies 1 (public), 2 (unlisted), 3 (private).
    visibilities: ['public', 'unlisted', 'private'],
    language: true,
    linkCards: 'none',
    media: { topLevelNeedsMedia: false, stillGifs: false },
    threads: 'none',
    // The resumable upload's session is the server's record of the attempt: a retry continues it.
    idempotency: 'server-key',
    serverScheduling: null,
    deletion: true,
    // The instance's `video.file.extensions` and the user's quota narrow these when connected.
    video: {
      carrier: 'video-post',
      mimeTypes: ['video/mp4', 'video/webm', 'video/ogg'],
      limits: {},
      limitsFrom: 'server',
      post: { title: PEERTUBE_TEXT.title, warning: PEERTUBE_TEXT.nsfwSummary },
    },
  },
  loadMeasure: () => import('./measure'),
  label: (account) => serverAccountLabel(account, 'PeerTube'),
  accountIdNamesServer: true,
  reconnect: { kind: 'form' },
  loadConnectForm: () => import('./ConnectForm'),
});
