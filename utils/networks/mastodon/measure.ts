import type { MeasureText } from '../capabilities';
import { measureText } from '../../text/limits';

// Servers that count code points (GoToSocial) say so when the account is connected.
export const measure: MeasureText = (text, limits, options) =>
  measureText(limits.countsCodePoints ? 'codePoints' : 'mastodon', text, limits, options);
