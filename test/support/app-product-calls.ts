/**
 * The product calls the app's code makes, found statically: every route`…` template in src/,
 * with the method of the call around it, as "METHOD /path/{p0}". Shared by the least-privilege
 * test and the README's table of operations and scopes.
 */
import fs from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');

export const srcFiles = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? srcFiles(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));

/** "METHOD /path/{p0}" for each route`…` in src/forge, "KVS @forge/kvs" for KVS use, "UNREVIEWED file" for anything else. */
export function staticEndpoints(): string[] {
  const out: string[] = [];
  for (const file of srcFiles(path.join(REPO_ROOT, 'src'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/route`([^`]*)`(\s*,\s*\{[^}]*?method:\s*'([A-Z]+)')?/g)) {
      if (!file.includes(`${path.sep}forge${path.sep}`))
        throw new Error(`${path.relative(REPO_ROOT, file)} builds a product route outside src/forge.`);
      let i = 0;
      const template = m[1]!
        .split('?')[0]!
        .replace(/\$\{[^}]*\}/g, () => `{p${i++}}`)
        .replace(/\/$/, '');
      out.push(`${m[3] ?? 'GET'} ${template}`);
    }
    if (/from '@forge\/kvs'/.test(text)) out.push('KVS @forge/kvs');
    if (
      /from '@forge\/api'/.test(text) &&
      /\b(storage|requestConfluence|requestBitbucket|fetch)\s*\(/.test(text) &&
      !file.endsWith('jira-client.ts')
    ) {
      out.push(`UNREVIEWED ${path.relative(REPO_ROOT, file)}`);
    }
  }
  return [...new Set(out)].sort();
}
