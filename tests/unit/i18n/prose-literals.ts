import ts from 'typescript';
import type { LiteralText } from './jsx-literals';

/** Three words or more, the first with letters: how a sentence for people starts. */
const PROSE = /\p{L}[\p{L}’'-]*(\s+[\p{L}’'-]+){2,}/u;

/** Calls whose strings are for developers (logs, programming errors), not for people. */
const DEVELOPER_CALLS = /^(console\.\w+|Error|TypeError|RangeError|\w+Error)$/;

function calleeName(node: ts.CallExpression | ts.NewExpression, file: ts.SourceFile): string {
  return node.expression.getText(file);
}

/** True when the literal is an argument of a log call or of a programmer's Error. */
function forDevelopers(node: ts.Node, file: ts.SourceFile): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) {
      return DEVELOPER_CALLS.test(calleeName(parent, file));
    }
    if (ts.isBlock(parent) || ts.isSourceFile(parent)) return false;
  }
  return false;
}

function written(
  node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression,
) {
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' … ');
  }
  return node.text;
}

/**
 * Finds string and template literals in a .ts source that read as prose for people, outside
 * imports, types, log calls and programming errors. Words for people come from t() or words().
 */
export function findProse(fileName: string, source: string): LiteralText[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: LiteralText[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isTypeNode(node)) return;
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateExpression(node)
    ) {
      const text = written(node);
      if (PROSE.test(text) && !forDevelopers(node, file)) {
        const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
        found.push({ line: line + 1, text });
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
