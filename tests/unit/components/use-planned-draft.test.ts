import { describe, expect, it } from 'vitest';
import { onlyTypingDiffers } from '@/components/use-planned-draft';
import { newDraft } from '@/utils/compose/draft';

const before = { ...newDraft(['a', 'b'], 'en'), text: 'Hello' };

describe('onlyTypingDiffers', () => {
  it('lets text, separate versions and the warning lag behind the textarea', () => {
    expect(onlyTypingDiffers(before, { ...before, text: 'Hello!', updatedAt: 5 })).toBe(true);
    expect(onlyTypingDiffers(before, { ...before, variants: { 'network:bluesky': 'Hi' } })).toBe(
      true,
    );
    expect(onlyTypingDiffers(before, { ...before, contentWarning: 'spoilers' })).toBe(true);
  });

  it('shows any other change at once, so a checkbox never springs back', () => {
    expect(onlyTypingDiffers(before, { ...before, threadTargets: ['a'] })).toBe(false);
    expect(onlyTypingDiffers(before, { ...before, targetIds: ['a'] })).toBe(false);
    expect(onlyTypingDiffers(before, { ...before, numbering: !before.numbering })).toBe(false);
    expect(onlyTypingDiffers(before, { ...before, visibility: 'private' })).toBe(false);
    expect(onlyTypingDiffers(before, { ...before, id: 'another draft' })).toBe(false);
  });
});
