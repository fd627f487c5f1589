import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = `${resolve('.')}/`;

/**
 * Text fields without a direction: free text follows what is typed (`dir="auto"`), an address
 * or a handle reads left to right in every language (`dir="ltr"`).
 */
function fieldsWithoutDirection(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const missing: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isJsxSelfClosingElement(node) || ts.isJsxOpeningElement(node)) {
      const tag = node.tagName.getText(file);
      const attributes = new Map(
        node.attributes.properties
          .filter(ts.isJsxAttribute)
          .map((attribute) => [attribute.name.getText(file), attribute.initializer?.getText(file)]),
      );
      const type = attributes.get('type')?.replaceAll(/["']/g, '') ?? 'text';
      const textField =
        tag === 'textarea' || (tag === 'input' && ['text', 'search'].includes(type));
      const direction = attributes.get('dir');
      if (textField && direction !== '"auto"' && direction !== '"ltr"') {
        const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
        missing.push(`${fileName}:${line + 1} <${tag}>`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return missing;
}

// The shared pages; each network's own connect form is checked by its network's tests.
const files = ['components', 'entrypoints']
  .flatMap((dir) =>
    readdirSync(`${ROOT}${dir}`, { recursive: true, encoding: 'utf8' }).map(
      (file) => `${dir}/${file}`,
    ),
  )
  .filter((file) => file.endsWith('.tsx'))
  .sort();

describe('text fields have a direction: what is typed (Arabic, Hebrew), or left to right', () => {
  it('finds a text field without dir="auto"', () => {
    expect(
      fieldsWithoutDirection('x.tsx', '<div><textarea /><input type="text" dir="auto" /></div>'),
    ).toEqual(['x.tsx:1 <textarea>']);
  });

  it.each(files)('%s gives every text field a direction', (file) => {
    expect(fieldsWithoutDirection(file, readFileSync(`${ROOT}${file}`, 'utf8'))).toEqual([]);
  });
});
