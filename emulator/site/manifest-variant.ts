/**
 * A copy of a manifest with its permissions or `app.compatibility` changed, for starting a site as
 * the app would run with that manifest (a scope left out, no compatibility declared…). The copy is
 * written to a temporary folder; resources still resolve from the original's folder (`staticRoot`).
 * A `function` handler is resolved from the manifest's folder, so pass `handler` to `startSite` too
 * when the site invokes resolvers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { DEFAULT_MANIFEST } from '../hosting/module-registry';

export interface ManifestVariantOptions {
  /** The manifest to copy; default the app's `manifest.yml`. */
  from?: string;
  /** Scopes added to `permissions.scopes`. */
  addScopes?: readonly string[];
  /** Scopes taken out of `permissions.scopes`. */
  removeScopes?: readonly string[];
  /** `app.compatibility` replaced; null takes it out (a single-app manifest). */
  compatibility?: Record<string, { required: boolean }> | null;
}

export interface ManifestVariant {
  manifestPath: string;
  /** The original's folder, where its resources resolve from. */
  staticRoot: string;
}

/** Writes the variant and returns where it is, ready to spread into `startSite({ ...variant, handler })`. */
export function writeManifestVariant(options: ManifestVariantOptions = {}): ManifestVariant {
  const from = path.resolve(options.from ?? DEFAULT_MANIFEST);
  const doc = parseDocument(fs.readFileSync(from, 'utf8'));
  if (options.addScopes || options.removeScopes) {
    const current = (doc.getIn(['permissions', 'scopes']) as { toJSON(): unknown } | undefined)?.toJSON();
    const scopes = (Array.isArray(current) ? (current as string[]) : []).filter((s) => !options.removeScopes?.includes(s));
    for (const scope of options.addScopes ?? []) if (!scopes.includes(scope)) scopes.push(scope);
    doc.setIn(['permissions', 'scopes'], scopes);
  }
  if (options.compatibility === null) doc.deleteIn(['app', 'compatibility']);
  else if (options.compatibility) doc.setIn(['app', 'compatibility'], options.compatibility);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-manifest-'));
  const manifestPath = path.join(dir, 'manifest.yml');
  fs.writeFileSync(manifestPath, doc.toString());
  return { manifestPath, staticRoot: path.dirname(from) };
}
