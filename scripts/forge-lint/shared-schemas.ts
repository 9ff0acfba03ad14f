// @forge/manifest compiles its 2.3 MB JSON schema with a new Ajv in each of five linters; equal
// schemas with equal options share one compiled validator here (see lint-app.ts).
import { createRequire } from 'node:module';
import { patch } from './offline-sandbox';

type Compile = (this: AjvInstance, schema: object, meta?: boolean) => unknown;
interface AjvInstance {
  opts: object;
  formats: object;
}
const compiledSchemas = new Map<string, unknown>();

/** Ajv as `@forge/manifest` loads it: one compiled validator per (schema, options, formats). */
export function shareCompiledSchemas(): () => void {
  // The ajv that @forge/manifest itself resolves.
  const requireFromManifest = createRequire(require.resolve('@forge/manifest'));
  const Ajv = requireFromManifest('ajv') as { prototype: { compile: Compile } };
  return patch(
    Ajv.prototype,
    'compile',
    (compile) =>
      function (this: AjvInstance, schema, meta) {
        if (meta !== undefined) return compile.call(this, schema, meta);
        const key = stableKey([schema, this.opts, Object.keys(this.formats).sort()]);
        if (!compiledSchemas.has(key)) compiledSchemas.set(key, compile.call(this, schema));
        return compiledSchemas.get(key);
      },
  );
}

/** JSON of a value, an object met a second time (a JSON module's `default`) written as a marker. */
function stableKey(value: unknown): string {
  const seen = new WeakSet();
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'function') return `[function ${item.name}]`;
    if (typeof item !== 'object' || item === null) return item;
    if (seen.has(item)) return '[seen]';
    seen.add(item);
    return item;
  });
}
