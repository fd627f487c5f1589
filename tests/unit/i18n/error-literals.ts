import ts from 'typescript';
import type { LiteralText } from './jsx-literals';

const LETTER = /\p{L}/u;

/** True for text that would be frozen in one language: a literal with words, or a t() call. */
function frozenText(node: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(node)) return frozenText(node.expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    return LETTER.test(node.text);
  }
  if (ts.isTemplateExpression(node)) {
    const written = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
    return LETTER.test(written.join(''));
  }
  if (ts.isConditionalExpression(node)) {
    return frozenText(node.whenTrue) || frozenText(node.whenFalse);
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return frozenText(node.left) || frozenText(node.right);
  }
  // t() words the message once, in the worker's language: an outbox record would keep it.
  return ts.isCallExpression(node) && node.expression.getText() === 't';
}

/**
 * Finds `new CrosswindError(kind, message)` whose message is written out (or worded by t())
 * instead of `words(key, values)`, which is what lets a recorded error change language.
 */
export function findFrozenErrors(fileName: string, source: string): LiteralText[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: LiteralText[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isNewExpression(node) &&
      node.expression.getText(file) === 'CrosswindError' &&
      node.arguments?.[1] &&
      frozenText(node.arguments[1])
    ) {
      const message = node.arguments[1];
      const { line } = file.getLineAndCharacterOfPosition(message.getStart(file));
      found.push({ line: line + 1, text: message.getText(file) });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
