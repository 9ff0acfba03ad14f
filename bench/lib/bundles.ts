/**
 * Custom UI bundle sizes (static/<resource>/build, after `npm run build`):
 * JS and CSS, raw and gzip, against the budget; and, for a resource near or
 * over it, where the bytes come from: a module-size listing from Vite's own
 * build output (rolldown's per-module rendered code), grouped by package.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { STATIC_DIR, bundleSizesOf, outDirOf, uiResources, viteConfigFor, type BuildSizes } from '../../scripts/ui-build';

export { STATIC_DIR };
/** Budget of gzipped JS per resource. */
export const JS_GZIP_BUDGET = 150 * 1024;

export interface BundleSizes extends BuildSizes {
  resource: string;
  built: boolean;
}

/** Every built resource's sizes (scripts/ui-build.ts finds and measures them, as `npm run build` does). */
export function bundleSizes(staticDir = STATIC_DIR): BundleSizes[] {
  return uiResources([], staticDir).map((resource) => {
    const outDir = outDirOf(resource, staticDir);
    return { resource, built: existsSync(join(outDir, 'index.html')), ...bundleSizesOf(outDir) };
  });
}

export interface PackageShare {
  /** "@atlaskit/tokens", "react-dom", or "app: static/shared" for the app's own code. */
  name: string;
  modules: number;
  /** Rendered (minified) bytes in the bundle. */
  raw: number;
  /** Gzip of that package's rendered code on its own (an estimate: shares compress a little better together). */
  gzip: number;
  /** The app's own files that import this package directly (why it is in the bundle). */
  importedBy: string[];
}

export interface BundleAnalysis {
  resource: string;
  totalRaw: number;
  packages: PackageShare[];
}

function packageOf(id: string): string {
  const clean = id.replace(/^\0/, '').replace(/\?.*$/, '');
  const at = clean.lastIndexOf('node_modules/');
  if (at >= 0) {
    const rest = clean.slice(at + 'node_modules/'.length).split('/');
    const [first = '', second = ''] = rest;
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  const inStatic = clean.indexOf('/static/');
  if (inStatic >= 0) return `app: static/${clean.slice(inStatic + '/static/'.length).split('/')[0]}`;
  const inSrc = clean.indexOf('/src/');
  if (inSrc >= 0) return 'app: src (shared with the backend)';
  return clean.startsWith('vite/') || clean.includes('vite') ? 'vite runtime' : clean;
}

/**
 * Builds one resource in memory (nothing written) with the settings of
 * `npm run build` (scripts/ui-build.ts), and lists its bytes by package.
 */
export async function analyseBundle(resource: string, staticDir = STATIC_DIR): Promise<BundleAnalysis> {
  const { build } = await import('vite');
  const repo = resolve(staticDir, '..');
  const importedBy = new Map<string, Set<string>>();
  type ModuleInfoLike = { importers?: readonly string[] } | null;
  const traceImporters = {
    name: 'll-bench-importers',
    generateBundle(this: { getModuleIds(): IterableIterator<string>; getModuleInfo(id: string): ModuleInfoLike }) {
      for (const id of this.getModuleIds()) {
        if (!id.includes('node_modules/')) continue;
        const pkg = packageOf(id);
        for (const importer of this.getModuleInfo(id)?.importers ?? []) {
          if (importer.includes('node_modules/')) continue;
          const set = importedBy.get(pkg) ?? new Set<string>();
          set.add(importer.replace(/\?.*$/, '').replace(`${repo}/`, ''));
          importedBy.set(pkg, set);
        }
      }
    },
  };
  const output = await build(
    await viteConfigFor(resource, {
      staticDir,
      logLevel: 'silent',
      plugins: [traceImporters],
      build: { write: false, emptyOutDir: false },
    }),
  );
  const outputs = (Array.isArray(output) ? output : [output]) as Array<{
    output: Array<{ type: string; fileName: string; modules?: Record<string, { code?: string | null; renderedLength?: number }> }>;
  }>;
  const byPackage = new Map<string, { modules: number; raw: number; code: string[] }>();
  let totalRaw = 0;
  for (const out of outputs) {
    for (const chunk of out.output) {
      if (chunk.type !== 'chunk' || !chunk.modules) continue;
      for (const [id, info] of Object.entries(chunk.modules)) {
        const length = info.renderedLength ?? info.code?.length ?? 0;
        if (length === 0) continue;
        const name = packageOf(id);
        const entry = byPackage.get(name) ?? { modules: 0, raw: 0, code: [] };
        entry.modules += 1;
        entry.raw += length;
        if (info.code) entry.code.push(info.code);
        byPackage.set(name, entry);
        totalRaw += length;
      }
    }
  }
  const packages = [...byPackage.entries()]
    .map(([name, e]) => ({
      name,
      modules: e.modules,
      raw: e.raw,
      gzip: e.code.length ? gzipSync(e.code.join('\n'), { level: 9 }).length : 0,
      importedBy: [...(importedBy.get(name) ?? [])].sort(),
    }))
    .sort((a, b) => b.raw - a.raw);
  return { resource, totalRaw, packages };
}
