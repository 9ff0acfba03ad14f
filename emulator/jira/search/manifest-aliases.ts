/**
 * The JQL search aliases of the app's `jira:entityProperty` modules, read from
 * manifest.yml itself so the local site indexes exactly what the app declares.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export type AliasType = 'string' | 'text' | 'number' | 'date' | 'user';

export interface EntityPropertyAlias {
  /** As declared, e.g. "learningOutcome"; JQL matches it case-insensitively. */
  alias: string;
  propertyKey: string;
  /** Dotted path inside the property's JSON, e.g. "index.text". */
  path: string;
  type: AliasType;
}

const TYPES: readonly AliasType[] = ['string', 'text', 'number', 'date', 'user'];

export const MANIFEST_FILE = path.resolve(__dirname, '..', '..', '..', 'manifest.yml');

/** Every issue-property index value of a manifest, with or without a search alias. */
export function aliasesOfManifest(manifestText: string): { aliases: EntityPropertyAlias[]; indexed: EntityPropertyAlias[] } {
  const doc = parse(manifestText) as { modules?: Record<string, unknown> } | null;
  const modules = (doc?.modules?.['jira:entityProperty'] ?? []) as Array<Record<string, unknown>>;
  const indexed: EntityPropertyAlias[] = [];
  for (const module of modules) {
    if ((module.entityType ?? 'issue') !== 'issue' || typeof module.propertyKey !== 'string') continue;
    for (const value of (module.values ?? []) as Array<Record<string, unknown>>) {
      const type = (typeof value.type === 'string' ? value.type : '') as AliasType;
      if (typeof value.path !== 'string' || !TYPES.includes(type)) continue;
      indexed.push({
        alias: typeof value.searchAlias === 'string' ? value.searchAlias : '',
        propertyKey: module.propertyKey,
        path: value.path,
        type,
      });
    }
  }
  return { aliases: indexed.filter((a) => a.alias !== ''), indexed };
}

let cached: { mtimeMs: number; value: ReturnType<typeof aliasesOfManifest> } | undefined;

/** The aliases of /manifest.yml, re-read when the file changes. */
export function manifestAliases(file: string = MANIFEST_FILE): ReturnType<typeof aliasesOfManifest> {
  const mtimeMs = fs.statSync(file).mtimeMs;
  if (!cached || cached.mtimeMs !== mtimeMs || file !== MANIFEST_FILE) {
    const value = aliasesOfManifest(fs.readFileSync(file, 'utf8'));
    if (file !== MANIFEST_FILE) return value;
    cached = { mtimeMs, value };
  }
  return cached.value;
}

/**
 * The values Jira's index keeps for one path of a property's JSON: arrays are
 * indexed element by element; objects are not indexed.
 */
export function valuesAtPath(json: unknown, dottedPath: string): unknown[] {
  let current: unknown[] = [json];
  for (const part of dottedPath.split('.')) {
    const next: unknown[] = [];
    for (const value of current) {
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) {
        if (item !== null && typeof item === 'object' && !Array.isArray(item) && part in item)
          next.push((item as Record<string, unknown>)[part]);
      }
    }
    current = next;
  }
  return current
    .flatMap((v) => (Array.isArray(v) ? (v as unknown[]) : [v]))
    .filter((v) => v !== null && v !== undefined && typeof v !== 'object');
}
