/**
 * Builds every Custom UI resource: each folder under static/ with an index.html
 * is built on its own (no chunk shared across resources) into
 * static/<resource>/build, then its JS and CSS sizes are printed. The settings
 * are in scripts/ui-build.ts, shared with the bench.
 *
 *   npm run build                 all resources
 *   npm run build -- issue-panel  only the named ones
 */
import { relative } from 'node:path';
import { STATIC_DIR, bundleSizesOf, outDirOf, uiResources, viteConfigFor } from './ui-build';

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const { build } = await import('vite');
  const names = uiResources(process.argv.slice(2));
  if (names.length === 0) throw new Error(`No resource with an index.html under ${STATIC_DIR}.`);

  const started = Date.now();
  for (const name of names) {
    await build(await viteConfigFor(name));
    const outDir = outDirOf(name);
    const { js, css, firstScreenJs } = bundleSizesOf(outDir);
    console.log(
      `${name.padEnd(16)} ${relative(process.cwd(), outDir)}  JS ${kb(js.raw)} (${kb(js.gzip)} gzip; first screen ${kb(firstScreenJs.gzip)})  CSS ${kb(css.raw)} (${kb(css.gzip)} gzip)`,
    );
  }
  console.log(`Built ${names.length} resource(s) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
