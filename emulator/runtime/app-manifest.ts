/**
 * What the platform reads from the app's manifest at run time: `permissions.scopes` (what every
 * product and storage call is checked against) and `app.compatibility` (which Atlassian apps the app
 * may call across). Re-read when the file changes, as the module registry does.
 */
import fs from 'node:fs';
import { parse as parseYaml } from 'yaml';

/** `app.compatibility`: the Atlassian apps the app declares, each required or optional. */
export type Compatibility = Partial<Record<string, { required: boolean }>>;

export interface AppPermissions {
  readonly manifestPath: string;
  /** `permissions.scopes` as written (none when absent). */
  scopes(): readonly string[];
  /** `app.compatibility`, or null when the manifest declares none (a single-app app). */
  compatibility(): Compatibility | null;
}

interface Read {
  scopes: string[];
  compatibility: Compatibility | null;
}

function readManifest(manifestPath: string): Read {
  const doc = (parseYaml(fs.readFileSync(manifestPath, 'utf8')) ?? {}) as {
    app?: { compatibility?: Record<string, unknown> };
    permissions?: { scopes?: unknown };
  };
  const raw = doc.permissions?.scopes;
  const scopes = Array.isArray(raw) ? raw.filter((s): s is string => typeof s === 'string') : [];
  const declared = doc.app?.compatibility;
  let compatibility: Compatibility | null = null;
  if (declared && typeof declared === 'object') {
    compatibility = {};
    for (const [product, value] of Object.entries(declared)) {
      compatibility[product] = { required: (value as { required?: unknown } | null)?.required === true };
    }
  }
  return { scopes, compatibility };
}

/** The manifest's permissions, cached until the file's mtime changes. */
export function appPermissionsOf(manifestPath: string): AppPermissions {
  let mtimeMs = -1;
  let read: Read = { scopes: [], compatibility: null };
  const current = (): Read => {
    const stat = fs.statSync(manifestPath, { throwIfNoEntry: false });
    if (!stat) return read;
    if (stat.mtimeMs !== mtimeMs) {
      read = readManifest(manifestPath);
      mtimeMs = stat.mtimeMs;
    }
    return read;
  };
  return {
    manifestPath,
    scopes: () => current().scopes,
    compatibility: () => current().compatibility,
  };
}
