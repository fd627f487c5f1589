import type { SelfLabel } from '../networks/types';
import { translatedNames } from '../i18n/names';

/** The labels Bluesky lets an author set on their own post, as people read them. */
export const SELF_LABEL_NAMES = translatedNames<SelfLabel | 'none'>({
  none: 'selfLabel.none',
  sexual: 'selfLabel.sexual',
  nudity: 'selfLabel.nudity',
  porn: 'selfLabel.porn',
  'graphic-media': 'selfLabel.graphicMedia',
});

// Most warnings (spoilers, politics, food) are not what Bluesky's labels are about, so a label is
// suggested only when the warning's own words point at one.
const SUGGESTIONS: Array<[RegExp, SelfLabel]> = [
  [/\b(porn|nsfw|18\+|xxx|explicit)/i, 'porn'],
  [/\bnud(e|ity)/i, 'nudity'],
  [/\b(sex|lewd|suggestive)/i, 'sexual'],
  [/\b(gore|blood|violen|injur|graphic|death|dead|corpse|wound|self[- ]harm)/i, 'graphic-media'],
];

/** The Bluesky label a content warning most likely means, or none. */
export function suggestLabel(warning: string): SelfLabel | 'none' {
  if (!warning.trim()) return 'none';
  return SUGGESTIONS.find(([pattern]) => pattern.test(warning))?.[1] ?? 'none';
}

/** How the warning is put at the top of a Bluesky post's text. */
export function warningPrefix(warning: string): string {
  return `CW: ${warning.trim()}\n\n`;
}
