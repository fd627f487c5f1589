import { localItem } from '../local-item';
import type { UiLanguage } from './languages';

/**
 * The language picked under Preferences, or null to follow the browser. Kept apart from the
 * other settings so that every page and the background can read it before anything else.
 */
export const uiLanguageStorage = localItem<UiLanguage | null>('uiLanguage', null);
