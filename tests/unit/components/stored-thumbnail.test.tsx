// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StoredThumbnail } from '@/components/StoredThumbnail';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLDivElement;
let root: Root;

beforeEach(() => {
  host = document.createElement('div');
  root = createRoot(host);
});
afterEach(() => vi.restoreAllMocks());

const blob = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' });
const loadBlob = () => Promise.resolve(blob);
const loadNothing = () => Promise.resolve(undefined);

describe('a stored picture’s thumbnail', () => {
  it('shows the picture once loaded, decoratively, and lets go of it when it goes', async () => {
    const made = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:thumb');
    const revoked = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    await act(async () =>
      root.render(<StoredThumbnail id="i1" width={30} height={20} load={loadBlob} />),
    );
    const image = host.querySelector('img')!;
    expect(image.getAttribute('src')).toBe('blob:thumb');
    expect(image.getAttribute('alt')).toBe('');
    expect(made).toHaveBeenCalledWith(blob);
    act(() => root.unmount());
    expect(revoked).toHaveBeenCalledWith('blob:thumb');
  });

  it('keeps a placeholder when the store has nothing', async () => {
    await act(async () =>
      root.render(<StoredThumbnail id="gone" width={30} height={20} load={loadNothing} />),
    );
    expect(host.querySelector('img')).toBeNull();
    expect(host.querySelector('.thumb-missing')?.getAttribute('aria-hidden')).toBe('true');
    act(() => root.unmount());
  });
});
