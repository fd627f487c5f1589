import ts from 'typescript';

/** A piece of text in a component that a user reads but that did not come from t(). */
export interface LiteralText {
  line: number;
  text: string;
}

/** Attributes whose value is read by people (or read out by screen readers). */
const READ_ATTRIBUTES = new Set([
  'alt',
  'aria-description',
  'aria-label',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'placeholder',
  'title',
]);

/** Props of our own components that carry words, by their name's ending (label, busyLabel…). */
const READ_PROP = /(label|title|text|message|hint|placeholder|description)$/i;

const LETTER = /\p{L}/u;

/**
 * Examples of an address or a format ("mastodon.social", "https://pds.example.com",
 * "xxxx-xxxx-xxxx-xxxx") read the same in every language: not words to translate.
 */
const EXAMPLE_VALUE = /^(https?:\/\/\S+|[\w-]+(\.[\w-]+)+|[x-]+)$/;

function isReadAttribute(name: string): boolean {
  return READ_ATTRIBUTES.has(name) || (!name.includes('-') && READ_PROP.test(name));
}

/**
 * The strings an expression can evaluate to when it is put on screen: the literal itself, both
 * branches of `a ? b : c`, the right side of `&&`, both sides of `||` and `??`. Calls (t())
 * and comparisons (`state === 'done'`) are not text.
 */
function resultStrings(node: ts.Node): ts.Node[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node];
  if (ts.isTemplateExpression(node)) return [node];
  if (ts.isParenthesizedExpression(node)) return resultStrings(node.expression);
  if (ts.isConditionalExpression(node)) {
    return [...resultStrings(node.whenTrue), ...resultStrings(node.whenFalse)];
  }
  if (ts.isBinaryExpression(node)) {
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return resultStrings(node.right);
    if (
      operator === ts.SyntaxKind.BarBarToken ||
      operator === ts.SyntaxKind.QuestionQuestionToken ||
      operator === ts.SyntaxKind.PlusToken
    ) {
      return [...resultStrings(node.left), ...resultStrings(node.right)];
    }
  }
  return [];
}

/** The words of a literal (for templates, only the written parts, not `${…}`). */
function literalWords(node: ts.Node): string {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
  }
  return '';
}

/** Finds JSX text and read attributes/props written as literals in one TSX source. */
export function findLiteralText(fileName: string, source: string): LiteralText[] {
  const file = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: LiteralText[] = [];
  const report = (node: ts.Node, text: string) => {
    if (!LETTER.test(text) || EXAMPLE_VALUE.test(text.trim())) return;
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    found.push({ line: line + 1, text: text.trim() });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      for (const literal of resultStrings(node.expression)) report(literal, literalWords(literal));
    }
    if (ts.isJsxAttribute(node) && isReadAttribute(node.name.getText(file))) {
      const value = node.initializer;
      if (value && ts.isStringLiteral(value)) report(value, value.text);
      if (value && ts.isJsxExpression(value) && value.expression) {
        for (const literal of resultStrings(value.expression))
          report(literal, literalWords(literal));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
