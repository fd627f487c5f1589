const VIDEO_NAME = /\.(mp4|m4v|mov|webm|mkv|mpe?g)$/i;

/**
 * Whether a dropped, pasted or picked file is meant as a video, from its declared type or name
 * (cheap, for routing it; its bytes are checked when it is attached).
 */
export function looksLikeVideo(file: File): boolean {
  return file.type.startsWith('video/') || VIDEO_NAME.test(file.name);
}
