/**
 * The backend as Forge would ship it: `src/index.ts` bundled into one minified CommonJS file
 * for Node (esbuild), with where its bytes come from. Each invocation after idle loads this
 * file before running a line of the app, so its size and load time are the cold start.
 */
import { build, type Metafile } from 'esbuild';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const APP_ENTRY = path.join(REPO_ROOT, 'src', 'index.ts');
/** The issue panel's and the glance's own function (`panel.handler`). */
export const PANEL_ENTRY = path.join(REPO_ROOT, 'src', 'panel.ts');
export const MINIMAL_ENTRY = path.join(REPO_ROOT, 'bench', 'fixtures', 'minimal-function.ts');

export interface BackendBundle {
  entry: string;
  code: string;
  bytes: number;
  /** Bytes in the output per npm package (scoped packages by scope/name), and "app" for the app's own code. */
  byPackage: Record<string, number>;
  /** The files the output holds code of, as esbuild names them. */
  inputs: string[];
}

function packageOf(input: string): string {
  const at = input.lastIndexOf('node_modules/');
  if (at < 0) return 'app';
  const parts = input.slice(at + 'node_modules/'.length).split('/');
  return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1] ?? ''}` : (parts[0] ?? 'app');
}

export async function bundleBackend(entry: string): Promise<BackendBundle> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild produced nothing for ${entry}.`);
  const inputs = Object.values(result.metafile.outputs).flatMap((out) =>
    Object.entries(out.inputs)
      .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
      .map(([input]) => input),
  );
  return { entry, code: output.text, bytes: output.contents.byteLength, byPackage: bytesByPackage(result.metafile), inputs };
}

function bytesByPackage(metafile: Metafile): Record<string, number> {
  const byPackage: Record<string, number> = {};
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(input);
      byPackage[name] = (byPackage[name] ?? 0) + bytesInOutput;
    }
  }
  return byPackage;
}
