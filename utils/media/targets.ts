/** What a network accepts for one image; the pipeline fits every picture inside it. */
export interface ImageTarget {
  maxBytes: number;
  /** Longest side in pixels. */
  maxEdge: number;
  /** Total pixels, for servers that resize by area rather than by edge. */
  maxPixels?: number;
  /** WebP may be sent; used to keep transparency when a PNG is too big. */
  acceptsWebp?: boolean;
  /** Send an animated GIF as is when it fits, because the network animates it. */
  keepGif?: boolean;
}

/**
 * Bluesky: the PDS rejects image blobs over 1,000,000 bytes in a post, and the official app
 * sends at most 2000 × 2000 (its POST_IMG_MAX), so we match it. GIFs are shown as stills
 * there, so they are flattened rather than sent as a frozen animation.
 */
export const BLUESKY_IMAGE_TARGET: ImageTarget = { maxBytes: 1_000_000, maxEdge: 2000 };

/** Mastodon 4's default upload limit (`configuration.media_attachments.image_size_limit`). */
export const MASTODON_DEFAULT_IMAGE_BYTES = 16 * 1024 * 1024;

/**
 * Mastodon, from its instance configuration (`configuration.media_attachments` in
 * /api/v2/instance). Mastodon 4 keeps at most 8,294,400 pixels (3840 × 2160) of an image and
 * resizes anything larger on the server, so sending more only costs upload and encode time;
 * the 3840 px edge caps panoramas the same way. Animated GIFs are kept because the server
 * turns them into looping videos.
 */
export function mastodonImageTarget(
  limits: {
    imageSizeLimit?: number;
    imageMatrixLimit?: number;
    supportedMimeTypes?: readonly string[];
  } = {},
): ImageTarget {
  return {
    maxBytes: limits.imageSizeLimit ?? MASTODON_DEFAULT_IMAGE_BYTES,
    maxEdge: 3840,
    maxPixels: Math.min(8_294_400, limits.imageMatrixLimit ?? Number.POSITIVE_INFINITY),
    acceptsWebp: limits.supportedMimeTypes?.includes('image/webp') ?? false,
    keepGif: true,
  };
}

/** Mastodon with its default limits, for callers that have not read the server's yet. */
export const MASTODON_IMAGE_TARGET: ImageTarget = mastodonImageTarget();
