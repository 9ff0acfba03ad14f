/**
 * Production code must not know the demo site: no project key of the demo
 * (FLEX, CHK, GROW, SRCH, PLAT) in src/ or static/ outside comments. Tokens are
 * read with TypeScript's own scanner, so strings, templates, JSX text and names
 * are checked and comments are not.
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

/** Every token but comments and whitespace whose text names a demo project. */
function demoKeyHits(text: string, tsx: boolean): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, tsx ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard, text);
  const hits: string[] = [];
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    const tokenText = scanner.getTokenText();
    if (DEMO_KEYS.test(tokenText)) hits.push(tokenText);
  }
  return hits;
}

describe('no demo keys in production code', () => {
  it('the scan sees strings and names, and skips comments', () => {
    expect(demoKeyHits("// FLEX-1 in a comment\nconst jql = 'project = FLEX';", false)).toEqual(["'project = FLEX'"]);
    expect(demoKeyHits('/** CHK-60 */ const a = `key = ${GROW}`;', false)).toEqual(['GROW']);
    expect(demoKeyHits('/* PLAT */ const ok = "PLATFORM";', false)).toEqual([]);
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
