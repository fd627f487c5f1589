// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DescriptionField } from '@/components/DescriptionField';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLDivElement;
let root: Root;

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

function show(value: string, limit: number, onChange = vi.fn()) {
  act(() =>
    root.render(
      <DescriptionField
        id="alt-1"
        countId="alt-count-1"
        label="Alt text for cat.jpg"
        placeholder="Describe it"
        value={value}
        length={[...value].length}
        limit={limit}
        onChange={onChange}
      />,
    ),
  );
  return host.querySelector('textarea')!;
}

describe('the description of an attachment', () => {
  it('is labelled, and described by its count against the limit', () => {
    const field = show('A cat', 10);
    expect(host.querySelector('label')?.htmlFor).toBe('alt-1');
    expect(host.querySelector('label')?.textContent).toBe('Alt text for cat.jpg');
    expect(field.getAttribute('aria-describedby')).toBe('alt-count-1');
    expect(field.hasAttribute('aria-invalid')).toBe(false);
    expect(host.querySelector('#alt-count-1')?.textContent).toBe('5 / 10');
  });

  it('says by how much a long one is over, and marks it invalid', () => {
    const field = show('A very long cat', 10);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const count = host.querySelector('#alt-count-1')!;
    expect(count.className).toBe('alt-count over');
    expect(count.textContent).toMatch(/15.*10.*5/);
  });
});
