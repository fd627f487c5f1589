import type { MeasureText } from '../capabilities';
import { measureCaption } from './caption';

export const measure: MeasureText = measureCaption;
