/** Where the writer was in the post text: focus, selection and scroll. */
export interface Caret {
  start: number;
  end: number;
  direction: 'forward' | 'backward' | 'none';
  scrollTop: number;
}

/** The caret of a text field that has the focus; null when it does not. */
export function caretOf(field: HTMLTextAreaElement): Caret | null {
  if (field.ownerDocument.activeElement !== field) return null;
  return {
    start: field.selectionStart,
    end: field.selectionEnd,
    direction: field.selectionDirection ?? 'none',
    scrollTop: field.scrollTop,
  };
}

/** Focuses the field with the caret where it was, clamped to the text it has now. */
export function restoreCaret(field: HTMLTextAreaElement, caret: Caret): void {
  const length = field.value.length;
  field.focus();
  field.setSelectionRange(
    Math.min(caret.start, length),
    Math.min(caret.end, length),
    caret.direction,
  );
  field.scrollTop = caret.scrollTop;
}
