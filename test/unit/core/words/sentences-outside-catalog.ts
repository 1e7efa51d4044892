import ts from 'typescript';

/** A string in the source that reads like words for a person. */
type Finding = { file: string; line: number; text: string };

/** Two words of two letters or more, a space apart; or Japanese, which is never syntax. */
const WORDS = /[A-Za-z]{2,}[ ]+[A-Za-z]{2,}/;
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

/** pino's levels: a logger's message is for operators, in English by design. */
const LOG_METHODS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal']);

/** Errors that are never shown: the edge shows an unknown error only as a reference to its log line. */
const UNSHOWN_ERRORS = new Set(['Error', 'TypeError', 'RangeError']);

/** Start-up errors for operators: they stop the process before any channel hears from it, in English by design. */
const OPERATOR_ERRORS = new Set(['ConfigError']);

/** The class around `node`, when it is an error of that kind: its words are for the log alone. */
function insidePlainError(node: ts.Node): boolean {
  const owner = ts.findAncestor(node, ts.isClassLike);
  const heritage = owner?.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword);
  const base = heritage?.types[0]?.expression.getText();
  return base !== undefined && UNSHOWN_ERRORS.has(base);
}

function staticText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  // A placeholder is not a word: `${kind} on ${cluster}` reads as " on ", and is reported as {…}.
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('\u0000');
  return undefined;
}

function isLoggerCall(node: ts.CallExpression): boolean {
  const callee = node.expression;
  return (
    ts.isPropertyAccessExpression(callee) &&
    LOG_METHODS.has(callee.name.text) &&
    /(^|\.|#)(logger|log|child)$/.test(callee.expression.getText())
  );
}

/** Whether `parent` makes the strings under it unread: a module, a type, a key, a log line, an unshown error. */
function silences(parent: ts.Node, node: ts.Node): boolean {
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isLiteralTypeNode(parent)) return true;
  if (ts.isPropertyAssignment(parent)) return parent.name === node;
  if (ts.isNewExpression(parent)) {
    const created = parent.expression.getText();
    return UNSHOWN_ERRORS.has(created) || OPERATOR_ERRORS.has(created);
  }
  if (ts.isCallExpression(parent))
    return isLoggerCall(parent) || parent.expression.kind === ts.SyntaxKind.ImportKeyword;
  return false;
}

/** Whether the string sits where nobody reads it as words. */
function isExempt(literal: ts.Node): boolean {
  if (insidePlainError(literal)) return true;
  let node: ts.Node = literal;
  for (let parent = node.parent; parent !== undefined; node = parent, parent = parent.parent) {
    if (silences(parent, node)) return true;
    // A string inside a function body is judged by the statement it belongs to, not the whole file.
    if (ts.isStatement(parent) || ts.isFunctionLike(parent)) return false;
  }
  return false;
}

/**
 * Every string literal and template in `source` that contains natural-language words (two words a space apart,
 * or any Japanese) outside the places where words are allowed without the catalog. `allowed` lists exact
 * texts that look like words but are syntax.
 */
function sentencesIn(file: string, source: string, allowed: ReadonlySet<string> = new Set()): Finding[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const findings: Finding[] = [];
  const visit = (node: ts.Node): void => {
    const text = staticText(node);
    if (text !== undefined) {
      if ((WORDS.test(text) || JAPANESE.test(text)) && !allowed.has(text) && !isExempt(node)) {
        const line = tree.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        findings.push({ file, line, text: text.replaceAll('\u0000', '{…}') });
      }
      if (ts.isTemplateExpression(node)) {
        for (const span of node.templateSpans) visit(span.expression);
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return findings;
}

export type { Finding };
export { sentencesIn };
