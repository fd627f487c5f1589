import { validatorLength } from '../text/validator-length';

/** How long a video's title may be, where the video is the post (PeerTube: 3–120). */
export interface TitleRules {
  min: number;
  max: number;
}

/** The title a video-post network will get, and where it came from. */
export interface VideoTitle {
  title: string;
  /**
   * `first-line`: the post's first line as written; `cut`: that line cut at a word to fit;
   * `fallback`: the line was too short, so the clip's file name (or "Video") is the title.
   */
  from: 'first-line' | 'cut' | 'fallback';
}

/** Cuts a line at a word to at most `max` characters, marking the cut with an ellipsis. */
export function cutTitle(line: string, max: number): string {
  const chars = [...line];
  if (chars.length <= max) return line;
  const head = chars.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  return `${(space > max / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}

/** The first line of a post's text, as the title is read from it. */
export function firstLine(text: string): string {
  return (text.trim().split('\n')[0] ?? '').trim();
}

/**
 * The title from the first line, as it will be sent: cut at a word when longer than `max`; when
 * shorter than `min`, the clip's file name without its extension, or "Video" when that is short too.
 */
export function videoTitle(text: string, fileName: string, rules: TitleRules): VideoTitle {
  const line = firstLine(text);
  const cut = cutTitle(line, rules.max);
  if (validatorLength(cut) >= rules.min) {
    return { title: cut, from: cut === line ? 'first-line' : 'cut' };
  }
  const base = cutTitle(fileName.replace(/\.[a-z0-9]{1,5}$/i, '').trim(), rules.max);
  return { title: validatorLength(base) >= rules.min ? base : 'Video', from: 'fallback' };
}
