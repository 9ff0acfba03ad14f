/**
 * OpenAPI 3.0 schemas -> Ajv (JSON Schema draft-07), compiled lazily and cached.
 *
 * OpenAPI 3.0's Schema Object is "an extended subset" of JSON Schema draft-05/07. What differs, and
 * how it is handled here (the transform below runs once per schema and direction, on first use):
 *  - `nullable: true`                 -> `type: [t, 'null']` (and `null` added to an `enum`), or
 *                                        `anyOf: [schema, {type: 'null'}]` when there is no `type`;
 *  - `readOnly` / `writeOnly`         -> OpenAPI says a required readOnly property is required only in
 *                                        responses, a required writeOnly one only in requests: dropped
 *                                        from `required` in the other direction;
 *  - `$ref` with siblings             -> OpenAPI 3.0 ignores siblings of `$ref`; annotations are dropped,
 *                                        anything else is kept beside it in an `allOf`;
 *  - `example`, `xml`, `discriminator`, `externalDocs`, `x-*` -> removed (annotations; `discriminator`
 *                                        only narrows which `oneOf` branch applies, which Ajv finds anyway);
 *  - `$ref: '#/components/schemas/X'` -> the id of that component, which is transformed and registered
 *                                        with Ajv (once per spec and direction) only when an operation's
 *                                        schema reaches it, so a run pays only for the schemas it uses;
 *  - formats: `ajv-formats` knows the OpenAPI ones (int32, int64, float, double, byte, binary, uri, url,
 *                                        date, date-time, uuid, …); a format it does not know (the specs
 *                                        have `URL` and `string`) is accepted as unchecked and listed in `quirks`.
 */
import type Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { JsonSchema, OasDocument, SpecKey } from './types';
import type * as AjvModule from 'ajv';
import type * as AjvFormatsModule from 'ajv-formats';

export type Direction = 'request' | 'response';

const ANNOTATIONS = new Set([
  'description',
  'title',
  'example',
  'examples',
  'readOnly',
  'writeOnly',
  'deprecated',
  'default',
  'xml',
  'externalDocs',
]);
const DROPPED = new Set(['example', 'xml', 'discriminator', 'externalDocs', 'nullable']);

const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions'] as const;
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'] as const;
const SCHEMA_SINGLES = ['additionalProperties', 'not', 'items', 'additionalItems', 'propertyNames', 'contains'] as const;

/** The Ajv id of one component schema, e.g. `https://contract.learning-loop.local/jira-platform/response/IssueBean.json`. */
export function componentId(spec: SpecKey, direction: Direction, name: string): string {
  return `https://contract.learning-loop.local/${spec}/${direction}/${encodeURIComponent(name)}.json`;
}

const COMPONENT_REF = /^#\/components\/schemas\/([^/]+)$/;

export interface TransformHooks {
  /** Maps a `$ref` of the spec to the id Ajv knows it by (and makes sure Ajv has it). */
  ref: (ref: string) => string;
  format: (format: string) => void;
  /** A place where the spec, read literally, says something Atlassian cannot mean (see `repairs` below). */
  quirk: (where: string, what: string) => void;
}

/**
 * Transform one OpenAPI schema (see the file header). `at` names the place, for quirk messages.
 *
 * Two repairs, each for a pattern of Atlassian's schema generator that, read literally as JSON
 * Schema, rejects the very bodies Jira returns (each is reported in `Contracts.quirks`):
 *  1. `additionalProperties: false` beside `anyOf`/`oneOf` with no `properties` of its own (a
 *     polymorphic "interface", e.g. `JqlQueryClause`): JSON Schema reads it as "no property at all",
 *     so every parsed JQL clause would fail. Dropped: the branches list their own properties.
 *  2. `oneOf` + `discriminator`: the branches do not exclude each other, so a body can match two and
 *     fail `oneOf`. Read as OpenAPI means it: with a `mapping`, the discriminator value picks the
 *     branch (`if`/`then`); the body must match at least one branch (`anyOf`).
 */
export function toJsonSchema(schema: unknown, direction: Direction, hooks: TransformHooks, at = '#'): unknown {
  if (Array.isArray(schema)) return schema.map((s, i) => toJsonSchema(s, direction, hooks, `${at}/${i}`));
  if (!schema || typeof schema !== 'object') return schema;
  const src = schema as JsonSchema;

  if (typeof src['$ref'] === 'string') {
    const siblings = Object.keys(src).filter((k) => k !== '$ref' && !ANNOTATIONS.has(k) && !k.startsWith('x-'));
    if (siblings.length === 0) return { $ref: hooks.ref(src['$ref']) };
    const rest: JsonSchema = {};
    for (const k of siblings) rest[k] = src[k];
    return toJsonSchema({ allOf: [{ $ref: src['$ref'] }], ...rest }, direction, hooks, at);
  }

  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(src)) {
    if (DROPPED.has(key) || key.startsWith('x-')) continue;
    if ((SCHEMA_MAPS as readonly string[]).includes(key) && value && typeof value === 'object') {
      const map: JsonSchema = {};
      for (const [name, sub] of Object.entries(value as JsonSchema))
        map[name] = toJsonSchema(sub, direction, hooks, `${at}/${key}/${name}`);
      out[key] = map;
    } else if ((SCHEMA_LISTS as readonly string[]).includes(key) && Array.isArray(value)) {
      out[key] = value.map((s, i) => toJsonSchema(s, direction, hooks, `${at}/${key}/${i}`));
    } else if ((SCHEMA_SINGLES as readonly string[]).includes(key) && value && typeof value === 'object') {
      out[key] = toJsonSchema(value, direction, hooks, `${at}/${key}`);
    } else {
      out[key] = value;
    }
  }
  if (typeof out['format'] === 'string') hooks.format(out['format']);

  const props = src['properties'] && typeof src['properties'] === 'object' ? (src['properties'] as Record<string, JsonSchema>) : undefined;

  // Repair 1: a closed "interface" schema whose properties live in its branches.
  if (src['additionalProperties'] === false && !props && (src['anyOf'] || src['oneOf'])) {
    delete out['additionalProperties'];
    hooks.quirk(at, '`additionalProperties: false` beside anyOf/oneOf and no properties would refuse every non-empty object: ignored');
  }

  // Repair 2: a discriminated oneOf.
  const disc = src['discriminator'] as { propertyName?: string; mapping?: Record<string, string> } | undefined;
  if (disc && Array.isArray(out['oneOf'])) {
    out['anyOf'] = out['oneOf'];
    delete out['oneOf'];
    if (disc.propertyName && disc.mapping) {
      const name = disc.propertyName;
      out['allOf'] = [
        ...((out['allOf'] as unknown[] | undefined) ?? []),
        ...Object.entries(disc.mapping).map(([value, ref]) => ({
          if: { properties: { [name]: { const: value } }, required: [name] },
          then: { $ref: hooks.ref(ref) },
        })),
      ];
    }
    hooks.quirk(
      at,
      `oneOf with a discriminator on "${disc.propertyName ?? '?'}": read as anyOf, the discriminator's mapping choosing the branch`,
    );
  }

  // readOnly / writeOnly properties are required in one direction only.
  if (Array.isArray(out['required'])) {
    const skip = direction === 'request' ? 'readOnly' : 'writeOnly';
    const required = (out['required'] as string[]).filter((name) => props?.[name]?.[skip] !== true);
    if (required.length > 0) out['required'] = required;
    else delete out['required'];
  }

  if (src['nullable'] === true) {
    if (typeof out['type'] === 'string') {
      out['type'] = [out['type'], 'null'];
      if (Array.isArray(out['enum']) && !out['enum'].includes(null)) out['enum'] = [...(out['enum'] as unknown[]), null];
    } else if (Array.isArray(out['type'])) {
      if (!out['type'].includes('null')) out['type'] = [...(out['type'] as unknown[]), 'null'];
    } else {
      return { anyOf: [out, { type: 'null' }] };
    }
  }
  return out;
}

/** Formats the specs use that ajv-formats does not define: accepted unchecked. */
const KNOWN_FORMATS = new Set<string>([
  'date',
  'time',
  'date-time',
  'duration',
  'uri',
  'uri-reference',
  'uri-template',
  'url',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'regex',
  'uuid',
  'json-pointer',
  'json-pointer-uri-fragment',
  'relative-json-pointer',
  'byte',
  'int32',
  'int64',
  'float',
  'double',
  'password',
  'binary',
]);

export class SchemaCompiler {
  private ajv: Ajv | undefined;
  private readonly registered = new Set<string>();
  private readonly cache = new Map<string, ValidateFunction>();
  /** Things in the specs that cannot be checked as written, collected as they are met. */
  readonly quirks = new Set<string>();
  /** Warnings Ajv logged while compiling (strict mode is off: the specs are not ours to fix). */
  readonly ajvWarnings: string[] = [];

  constructor(private readonly docs: ReadonlyMap<SpecKey, OasDocument>) {}

  /** Ajv is required on first use, so that matching and scopes alone do not pay for loading it. */
  private get instance(): Ajv {
    if (this.ajv) return this.ajv;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { default: AjvClass } = require('ajv') as typeof AjvModule;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { default: addFormats } = require('ajv-formats') as typeof AjvFormatsModule;
    const collect = (...args: unknown[]) => void this.ajvWarnings.push(args.map(String).join(' '));
    const ajv = new AjvClass({
      strict: false,
      allErrors: true,
      validateSchema: false,
      // Ajv's code optimiser costs more than it saves for schemas compiled once per run.
      code: { optimize: false },
      // Each component compiled once and called by reference, not inlined at every use: the big
      // response graphs (IssueBean, User) refer to the same components many times.
      inlineRefs: false,
      logger: { log: () => undefined, warn: collect, error: collect },
    });
    addFormats(ajv);
    this.ajv = ajv;
    return ajv;
  }

  private hooks(spec: SpecKey, direction: Direction): TransformHooks {
    return {
      ref: (ref) => {
        const m = COMPONENT_REF.exec(ref);
        if (!m) {
          this.quirks.add(`${spec}: reference ${ref} is not to a component schema: not followed`);
          return 'https://contract.learning-loop.local/unresolved.json';
        }
        return this.ensureComponent(spec, direction, decodeURIComponent(m[1] ?? ''));
      },
      quirk: (where, what) => void this.quirks.add(`${spec}: ${where}: ${what}`),
      format: (format) => {
        if (KNOWN_FORMATS.has(format)) return;
        KNOWN_FORMATS.add(format);
        this.instance.addFormat(format, true);
        this.quirks.add(`format "${format}" is not a known format: accepted unchecked`);
      },
    };
  }

  /** Transform and register one component schema (and, through the ref hook, those it refers to). */
  private ensureComponent(spec: SpecKey, direction: Direction, name: string): string {
    const id = componentId(spec, direction, name);
    if (this.registered.has(id)) return id;
    this.registered.add(id); // before recursing: components refer to each other in cycles
    const schema = this.docs.get(spec)?.components?.schemas?.[name];
    if (!schema) {
      this.quirks.add(`${spec}: #/components/schemas/${name} is referred to but not defined: anything is accepted there`);
      this.instance.addSchema({ $id: id }, id);
      return id;
    }
    const json = toJsonSchema(schema, direction, this.hooks(spec, direction), `#/components/schemas/${name}`) as JsonSchema;
    // A `$ref` beside `$id` would make Ajv resolve the ref against the new id: keep them apart.
    this.instance.addSchema(typeof json['$ref'] === 'string' ? { $id: id, allOf: [json] } : { ...json, $id: id });
    return id;
  }

  /** A validator for `schema` (an OpenAPI schema from `spec`), cached under `cacheKey`. */
  compile(spec: SpecKey, direction: Direction, cacheKey: string, schema: unknown): ValidateFunction {
    const key = `${spec} ${direction} ${cacheKey}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const json = toJsonSchema(schema, direction, this.hooks(spec, direction), cacheKey) as JsonSchema;
    const validate = this.instance.compile(json);
    this.cache.set(key, validate);
    return validate;
  }
}

/** Ajv errors -> short phrases, e.g. `/fields/summary must be string`. `subject(path)` names the place. */
export function describeErrors(errors: ErrorObject[] | null | undefined, subject: (instancePath: string) => string): string[] {
  if (!errors) return [];
  const out: string[] = [];
  for (const e of errors) {
    const p = e.params as Record<string, unknown>;
    let what: string;
    let at = e.instancePath;
    switch (e.keyword) {
      case 'required':
        at = `${at}/${String(p['missingProperty'])}`;
        what = 'is required';
        break;
      case 'additionalProperties':
        at = `${at}/${String(p['additionalProperty'])}`;
        what = 'is not allowed (the schema has no such property)';
        break;
      case 'enum':
        what = `must be one of ${(p['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
        break;
      case 'type':
        what = `must be ${String(p['type']).replace(/,/g, ' or ')}`;
        break;
      case 'format':
        what = `must match format "${String(p['format'])}"`;
        break;
      default:
        what = e.message ?? e.keyword;
    }
    out.push(`${subject(at)} ${what}`);
  }
  return [...new Set(out)];
}
