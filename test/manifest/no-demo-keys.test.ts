/**
 * Production code must not know the demo site: no project key of the demo
 * (FLEX, CHK, GROW, SRCH, PLAT) in src/ or static/ outside comments. Files are
 * parsed with TypeScript, so strings, templates, JSX text and names are checked
 * and comments are not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
const DEMO_KEYS = /\b(FLEX|CHK|GROW|SRCH|PLAT)\b/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

/** Every string, template part, name, JSX text and regular expression (not comments) that names a demo project. */
function demoKeyHits(text: string, tsx: boolean): string[] {
  const source = ts.createSourceFile(
    tsx ? 'file.tsx' : 'file.ts',
    text,
    ts.ScriptTarget.Latest,
    false,
    tsx ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const hits: string[] = [];
  const visit = (node: ts.Node): void => {
    const checked =
      ts.isStringLiteralLike(node) ||
      ts.isTemplateLiteralToken(node) ||
      ts.isIdentifier(node) ||
      ts.isJsxText(node) ||
      ts.isRegularExpressionLiteral(node);
    // getText leaves out the comments before a node.
    if (checked && DEMO_KEYS.test(node.getText(source))) hits.push(node.getText(source));
    node.forEachChild(visit);
  };
  visit(source);
  return hits;
}

describe('no demo keys in production code', () => {
  it('the scan sees strings, templates, names and JSX text, and skips comments', () => {
    expect(demoKeyHits("// FLEX-1 in a comment\nconst jql = 'project = FLEX';", false)).toEqual(["'project = FLEX'"]);
    expect(demoKeyHits('/** CHK-60 */ const a = `key = ${GROW}`;', false)).toEqual(['GROW']);
    expect(demoKeyHits('/* PLAT */ const ok = "PLATFORM";', false)).toEqual([]);
    expect(demoKeyHits('const a = `x ${b} y`; // SRCH-1\nconst c = <p>See SRCH-1</p>;', true)).toEqual(['See SRCH-1']);
  });

  it('src/ and static/ name no demo project outside comments', () => {
    const files = [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'static'))];
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) =>
      demoKeyHits(readFileSync(file, 'utf8'), file.endsWith('.tsx')).map((hit) => `${relative(ROOT, file)}: ${hit}`),
    );
    expect(found).toEqual([]);
  });
});
