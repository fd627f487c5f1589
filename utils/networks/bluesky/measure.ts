import type { MeasureText } from '../capabilities';
import { measureText } from '../../text/limits';

// The lexicon fixes Bluesky's caps, whatever the account reports.
export const measure: MeasureText = (text, limits) => measureText('bluesky', text, limits);
