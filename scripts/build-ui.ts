/**
 * Builds every Custom UI resource: each folder under static/ with an index.html
 * is built on its own (no chunk shared across resources) into
 * static/<resource>/build, then its JS and CSS sizes are printed.
 *
 *   npm run build                 all resources
 *   npm run build -- issue-panel  only the named ones
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const staticDir = resolve(__dirname, '..', 'static');
const featureGatesStub = join(staticDir, 'shared', 'feature-gates-stub.ts');

function resources(only: readonly string[]): string[] {
  return readdirSync(staticDir)
    .filter((name) => statSync(join(staticDir, name)).isDirectory())
    .filter((name) => existsSync(join(staticDir, name, 'index.html')))
    .filter((name) => only.length === 0 || only.includes(name))
    .sort();
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

interface Sizes {
  js: { raw: number; gzip: number };
  css: { raw: number; gzip: number };
}

function sizesOf(outDir: string): Sizes {
  const sizes: Sizes = { js: { raw: 0, gzip: 0 }, css: { raw: 0, gzip: 0 } };
  for (const file of filesUnder(outDir)) {
    const kind = file.endsWith('.js') ? 'js' : file.endsWith('.css') ? 'css' : null;
    if (!kind) continue;
    const bytes = readFileSync(file);
    sizes[kind].raw += bytes.length;
    sizes[kind].gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return sizes;
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const { build } = await import('vite');
  const { default: react } = await import('@vitejs/plugin-react');
  const names = resources(process.argv.slice(2));
  if (names.length === 0) throw new Error(`No resource with an index.html under ${staticDir}.`);

  const started = Date.now();
  for (const name of names) {
    const root = join(staticDir, name);
    const outDir = join(root, 'build');
    await build({
      configFile: false,
      envDir: false,
      root,
      base: './',
      mode: 'production',
      logLevel: 'warn',
      plugins: [react()],
      resolve: {
        // Atlaskit asks Statsig about feature gates; no Statsig client runs in a
        // Custom UI iframe, so a stub gives the same "off" answers, much smaller.
        alias: [{ find: /^@atlaskit\/feature-gate-js-client(\/feature-gates)?$/, replacement: featureGatesStub }],
      },
      build: {
        outDir,
        emptyOutDir: true,
        target: 'es2022',
        sourcemap: false,
        chunkSizeWarningLimit: 1024,
      },
    });
    const { js, css } = sizesOf(outDir);
    console.log(
      `${name.padEnd(16)} ${relative(process.cwd(), outDir)}  JS ${kb(js.raw)} (${kb(js.gzip)} gzip)  CSS ${kb(css.raw)} (${kb(css.gzip)} gzip)`,
    );
  }
  console.log(`Built ${names.length} resource(s) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
