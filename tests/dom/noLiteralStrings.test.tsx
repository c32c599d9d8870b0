/**
 * Components hold no user-visible text of their own: every label comes from
 * src/i18n/strings.ts, so every label exists in English and Chinese. This
 * scans the pane's components with the TypeScript parser for JSX text and
 * for string literals in user-visible attributes.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');
const COMPONENT_DIRS = ['src/taskpane', 'src/preview'];
/** Attributes a user sees or a screen reader speaks. */
const VISIBLE_ATTRIBUTES = new Set(['aria-label', 'aria-valuetext', 'title', 'placeholder', 'label', 'alt', 'content', 'validationMessage', 'hint']);
/** Text that needs translating: any letter of a script, or CJK. */
const WORDY = /[A-Za-z\u00C0-\u024F\u3400-\u9FFF]/;

function tsxFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...tsxFiles(full));
    else if (full.endsWith('.tsx')) out.push(full);
  }
  return out;
}

/** Literal user-visible strings in one TSX source: `file:line: text`. */
export function literalStrings(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, value: string): void => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${path.relative(ROOT, fileName)}:${line + 1}: ${value.trim()}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && WORDY.test(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText(file)) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init) && WORDY.test(init.text)) report(node, init.text);
      if (ts.isJsxExpression(init) && init.expression && (ts.isStringLiteral(init.expression) || ts.isNoSubstitutionTemplateLiteral(init.expression)) && WORDY.test(init.expression.text)) {
        report(node, init.expression.text);
      }
    }
    // {'Some text'} as a JSX child.
    if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent)) && node.expression) {
      const e = node.expression;
      if ((ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) && WORDY.test(e.text)) report(node, e.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('no literal user-visible strings in components', () => {
  it('finds literal text in a sample component (the check can fail)', () => {
    const sample = `export const A = () => <div title="Open the table"><b>Hello</b>{'World'}<i>{x}</i><span aria-label={'Close pane'}>·</span></div>;`;
    expect(literalStrings('sample.tsx', sample).map((s) => s.split(': ')[1])).toEqual(['Open the table', 'Hello', 'World', 'Close pane']);
  });

  it('accepts punctuation and looked-up text', () => {
    const sample = `export const A = () => <div title={t('x')}>({n}) · {t('y')} — {' '}</div>;`;
    expect(literalStrings('sample.tsx', sample)).toEqual([]);
  });

  it.each(COMPONENT_DIRS)('%s has none', (dir) => {
    const files = tsxFiles(path.join(ROOT, dir));
    expect(files.length).toBeGreaterThan(0);
    const found = files.flatMap((file) => literalStrings(file, readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });
});
