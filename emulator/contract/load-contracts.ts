/**
 * Loading the three vendored specs: once per directory and module registry (a jest test file has its
 * own), then every site of the process shares them and their compiled validators.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Contracts, DEFAULT_SPEC_DIR } from './contracts';
import { SPEC_FILES, type OasDocument, type SpecKey } from './types';

const cache = new Map<string, Contracts>();

/** The contracts of `specDir` (default: `emulator/specs`), parsed on first use and cached. */
export function loadContracts(specDir: string = DEFAULT_SPEC_DIR): Contracts {
  const dir = path.resolve(specDir);
  const hit = cache.get(dir);
  if (hit) return hit;
  const docs = new Map<SpecKey, OasDocument>();
  for (const info of SPEC_FILES) {
    docs.set(info.key, JSON.parse(readFileSync(path.join(dir, info.file), 'utf8')) as OasDocument);
  }
  const contracts = new Contracts(docs);
  cache.set(dir, contracts);
  return contracts;
}
