import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { noHtmlSink } from '../../build/no-html-sink';

const REACT_DOM = path.resolve('node_modules/react-dom/cjs/react-dom-client.production.js');

function transform(code: string, id: string) {
  const error = vi.fn((message: string) => {
    throw new Error(message);
  });
  const hook = noHtmlSink().transform as (
    this: unknown,
    code: string,
    id: string,
  ) => { code: string } | undefined;
  return hook.call({ error }, code, id);
}

describe('noHtmlSink', () => {
  it('leaves React DOM with no innerHTML assignment from a value', () => {
    const result = transform(readFileSync(REACT_DOM, 'utf8'), REACT_DOM);
    expect(result?.code).toBeDefined();
    expect(result!.code).not.toMatch(/\.innerHTML\s*=\s*[A-Za-z_$]/);
    expect(result!.code).toContain('Crosswind renders no HTML');
  });

  it('fails the build when React DOM changed and the sinks are not where they were', () => {
    expect(() => transform('node.innerHTML = html;', REACT_DOM)).toThrow(
      /expected 2 dangerouslySetInnerHTML sinks .* found 0/,
    );
  });

  it('touches no other module', () => {
    expect(transform('(domElement.innerHTML = key)', '/p/components/Card.tsx')).toBeUndefined();
  });
});
