import { t } from '../i18n/messages';
/**
 * Everything a person wrote in a stored draft as plain text, for copying it out when the page
 * that shows drafts cannot. The value comes straight from storage, so nothing about its shape is
 * assumed: only strings are taken from it.
 */
export function draftAsText(stored: unknown): string {
  if (typeof stored !== 'object' || stored === null) return '';
  const draft = stored as Record<string, unknown>;
  const pieces: string[] = [];
  const warning = typeof draft.contentWarning === 'string' ? draft.contentWarning.trim() : '';
  if (warning) pieces.push(t('rescue.contentWarning', { warning }));
  if (typeof draft.text === 'string' && draft.text.trim()) pieces.push(draft.text);
  const variants = draft.variants;
  if (typeof variants === 'object' && variants !== null) {
    for (const [key, text] of Object.entries(variants)) {
      if (typeof text === 'string' && text.trim())
        pieces.push(`${t('rescue.separateText', { key })}\n${text}`);
    }
  }
  return pieces.join('\n\n');
}
