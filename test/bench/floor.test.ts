/**
 * The first-render floor swaps only the measured resource for the bare page: every other frame
 * on a host page (the macro behind its config dialog) is the app's own build in both runs, so
 * the ratio measures one resource (issue #14). Reads the app's builds: needs `npm run build`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { floorDirs } from '../../bench/lib/floor';
import { STATIC_DIR } from '../../bench/lib/bundles';

const BARE = '<!doctype html><title>Bare page</title><script type="module" src="./assets/bare.js"></script>';
const read = (staticDir: string, resource: string, file = 'index.html') => readFileSync(join(staticDir, resource, 'build', file), 'utf8');

describe('first-render floors', () => {
  const root = mkdtempSync(join(tmpdir(), 'll-floor-test-'));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it("serve the bare page for the measured resource and the app's own builds for the others", () => {
    const bare = join(root, 'bare-build');
    mkdirSync(join(bare, 'assets'), { recursive: true });
    writeFileSync(join(bare, 'index.html'), BARE);
    writeFileSync(join(bare, 'assets', 'bare.js'), 'console.log(1);');

    const dirs = floorDirs(root, bare, ['macro-config', 'learnings-macro']);
    const forConfig = dirs.get('macro-config')!;
    const forMacro = dirs.get('learnings-macro')!;

    expect(read(forConfig, 'macro-config')).toBe(BARE);
    expect(read(forConfig, 'macro-config', 'assets/bare.js')).toBe('console.log(1);');
    expect(read(forConfig, 'learnings-macro')).toBe(read(STATIC_DIR, 'learnings-macro'));
    expect(read(forConfig, 'retro')).toBe(read(STATIC_DIR, 'retro'));

    expect(read(forMacro, 'learnings-macro')).toBe(BARE);
    expect(read(forMacro, 'macro-config')).toBe(read(STATIC_DIR, 'macro-config'));
  });
});
