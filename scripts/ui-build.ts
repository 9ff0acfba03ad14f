/**
 * The one Custom UI build configuration: which resources there are, the Vite
 * settings each is built with, and how a build's size is measured. Used by
 * scripts/build-ui.ts (`npm run build`) and by the bench (bench/lib/bundles.ts),
 * so what the bench measures is what ships.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BuildOptions, InlineConfig, LogLevel, Plugin, PluginOption } from 'vite';

export const STATIC_DIR = resolve(__dirname, '..', 'static');

/** Every Custom UI resource: a folder of static/ with an index.html, sorted; only the named ones when `only` is not empty. */
export function uiResources(only: readonly string[] = [], staticDir = STATIC_DIR): string[] {
  return readdirSync(staticDir)
    .filter((name) => statSync(join(staticDir, name)).isDirectory())
    .filter((name) => existsSync(join(staticDir, name, 'index.html')))
    .filter((name) => only.length === 0 || only.includes(name))
    .sort();
}

/** Where a resource's build goes (what manifest.yml points at). */
export const outDirOf = (resource: string, staticDir = STATIC_DIR): string => join(staticDir, resource, 'build');

/**
 * The entry module (main.tsx) only starts the first call and the theme, then imports the app's root
 * (static/shared/start-app.ts). Vite preloads an entry's static imports from index.html, not its dynamic
 * ones: this adds the root chunk (src/root.tsx) and what it imports, JS and CSS, so they download beside
 * the entry, not after it.
 */
export function preloadAppRoot(): Plugin {
  return {
    name: 'learning-loop:preload-app-root',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk }) {
        if (!bundle || !chunk) return [];
        const loaded = new Set<string>([chunk.fileName, ...chunk.imports]);
        const scripts: string[] = [];
        const styles = new Set<string>();
        const add = (fileName: string): void => {
          const found = bundle[fileName];
          if (loaded.has(fileName) || found?.type !== 'chunk') return;
          loaded.add(fileName);
          scripts.push(fileName);
          found.viteMetadata?.importedCss.forEach((css) => styles.add(css));
          found.imports.forEach(add);
        };
        // Only the root: other dynamic imports (the bridge's iframe-resizer, views on demand) load when asked.
        const isRoot = (fileName: string): boolean => {
          const found = bundle[fileName];
          return found?.type === 'chunk' && /[\\/]src[\\/]root\.tsx$/.test(found.facadeModuleId ?? '');
        };
        chunk.dynamicImports.filter(isRoot).forEach(add);
        // Fetched, not applied: Vite's import applies them, and the app mounts once they are.
        const link = (rel: string, fileName: string, as?: string) => ({
          tag: 'link',
          attrs: { rel, ...(as ? { as } : {}), crossorigin: true, href: `./${fileName}` },
          injectTo: 'head' as const,
        });
        return [...scripts.map((f) => link('modulepreload', f)), ...[...styles].map((f) => link('preload', f, 'style'))];
      },
    },
  };
}

export interface ViteOverrides {
  staticDir?: string;
  logLevel?: LogLevel;
  /** Added after the app's own plugins. */
  plugins?: PluginOption[];
  /** Merged over the build settings (e.g. `{ write: false }` to build in memory). */
  build?: BuildOptions;
}

/**
 * The Vite settings for one resource: built on its own (no chunk shared across
 * resources) into static/<resource>/build. Async because Vite and its React
 * plugin are ES modules, loaded on demand.
 */
export async function viteConfigFor(resource: string, overrides: ViteOverrides = {}): Promise<InlineConfig> {
  const { default: react } = await import('@vitejs/plugin-react');
  const staticDir = overrides.staticDir ?? STATIC_DIR;
  return {
    configFile: false,
    envDir: false,
    root: join(staticDir, resource),
    base: './',
    mode: 'production',
    logLevel: overrides.logLevel ?? 'warn',
    plugins: [react(), preloadAppRoot(), ...(overrides.plugins ?? [])],
    resolve: {
      // Atlaskit asks Statsig about feature gates; no Statsig client runs in a
      // Custom UI iframe, so a stub gives the same "off" answers, much smaller.
      alias: [
        { find: /^@atlaskit\/feature-gate-js-client(\/feature-gates)?$/, replacement: join(staticDir, 'shared', 'feature-gates-stub.ts') },
        // Lozenge's import of the Emotion Pressable (deprecated): the compiled one, without Emotion's runtime.
        { find: /^@atlaskit\/primitives\/pressable$/, replacement: join(staticDir, 'shared', 'compiled-pressable.ts') },
      ],
    },
    build: {
      outDir: outDirOf(resource, staticDir),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      chunkSizeWarningLimit: 1024,
      ...overrides.build,
    },
  };
}

export interface AssetSizes {
  raw: number;
  gzip: number;
  files: number;
}

export interface BuildSizes {
  js: AssetSizes;
  css: AssetSizes;
  /** The JS the page loads before its first screen: index.html's script and modulepreloads (the rest loads on demand). */
  firstScreenJs: AssetSizes;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** The JS files a built page loads at once: its module script and modulepreload links, as paths under outDir. */
export function firstScreenJsFiles(outDir: string): string[] {
  const indexHtml = join(outDir, 'index.html');
  if (!existsSync(indexHtml)) return [];
  const html = readFileSync(indexHtml, 'utf8');
  const refs = [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\.\/([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  return refs.filter(Boolean).map((ref) => join(outDir, ref));
}

function add(sizes: AssetSizes, bytes: Buffer): void {
  sizes.raw += bytes.length;
  sizes.gzip += gzipSync(bytes, { level: 9 }).length;
  sizes.files += 1;
}

/** JS and CSS under a build folder, raw and gzip (level 9); zeros when it does not exist. */
export function bundleSizesOf(outDir: string): BuildSizes {
  const zero = (): AssetSizes => ({ raw: 0, gzip: 0, files: 0 });
  const sizes: BuildSizes = { js: zero(), css: zero(), firstScreenJs: zero() };
  if (!existsSync(outDir)) return sizes;
  const firstScreen = new Set(firstScreenJsFiles(outDir));
  for (const file of filesUnder(outDir)) {
    const kind = file.endsWith('.js') ? 'js' : file.endsWith('.css') ? 'css' : null;
    if (!kind) continue;
    const bytes = readFileSync(file);
    add(sizes[kind], bytes);
    if (firstScreen.has(file)) add(sizes.firstScreenJs, bytes);
  }
  return sizes;
}
