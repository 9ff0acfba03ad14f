/**
 * The contracts: every operation of the vendored specs, with its route, scopes and schemas.
 */
import path from 'node:path';
import { Router } from './router';
import { SchemaCompiler, describeErrors } from './schema';
import { requiredScopesOf, scopesGranted } from './scopes';
import { parameterPlans, type ParameterPlan } from './parameter-plan';
import {
  coerce,
  jsonMedia,
  mergeParameters,
  normaliseHeaders,
  normaliseQuery,
  paramSubject,
  resolveRef,
  safeDecode,
  serverPrefix,
} from './spec-doc';
import {
  HTTP_METHODS,
  SPEC_FILES,
  type HttpMethod,
  type JsonSchema,
  type MatchedOperation,
  type OasDocument,
  type OasOperation,
  type OasParameter,
  type OasRequestBody,
  type OasResponse,
  type Operation,
  type Problem,
  type ProblemLocation,
  type Product,
  type RequestInput,
  type ScopeVerdict,
  type SpecKey,
} from './types';
import { defined } from '../shared/defined';

export const DEFAULT_SPEC_DIR = path.resolve(__dirname, '..', 'specs');

export class Contracts {
  readonly operations: readonly Operation[];
  readonly docs: ReadonlyMap<SpecKey, OasDocument>;
  /** Server path prefix per spec (`/wiki/api/v2` for Confluence v2, whose `paths` omit it). */
  readonly prefixes: ReadonlyMap<SpecKey, string>;
  private readonly router = new Router();
  private readonly compiler: SchemaCompiler;
  private readonly loadQuirks: string[] = [];
  private readonly plans = new Map<string, ParameterPlan[]>();

  constructor(docs: Map<SpecKey, OasDocument>) {
    this.docs = docs;
    const prefixes = new Map<SpecKey, string>();
    const operations: Operation[] = [];
    for (const info of SPEC_FILES) {
      const doc = docs.get(info.key);
      if (!doc) continue;
      const prefix = serverPrefix(doc);
      prefixes.set(info.key, prefix);
      for (const [specPath, item] of Object.entries(doc.paths)) {
        const shared = (item['parameters'] as OasParameter[] | undefined) ?? [];
        for (const method of HTTP_METHODS) {
          const raw = item[method.toLowerCase()] as OasOperation | undefined;
          if (!raw || typeof raw !== 'object') continue;
          const pathTemplate = prefix + specPath;
          const op = {
            product: info.product,
            specKey: info.key,
            specFile: info.file,
            method,
            pathTemplate,
            specPath,
            operationId: raw.operationId ?? `${method} ${pathTemplate}`,
            summary: raw.summary ?? '',
            deprecated: raw.deprecated === true,
            anonymousAllowed: (raw.security ?? []).some((entry) => Object.keys(entry).length === 0),
            label: `${method} ${pathTemplate}`,
          } as Operation;
          // The rest is worked out when first read: a run reads a few dozen of the ~1,100 operations.
          lazy(op, 'requiredScopes', () => requiredScopesOf(raw));
          lazy(op, 'parameters', () => mergeParameters(doc, shared, raw.parameters ?? []));
          lazy(op, 'requestBody', () => resolveRef<OasRequestBody>(doc, raw.requestBody));
          lazy(op, 'responses', () =>
            Object.fromEntries(Object.entries(raw.responses ?? {}).map(([status, r]) => [status, resolveRef<OasResponse>(doc, r) ?? {}])),
          );
          operations.push(op);
          this.router.add(op);
        }
      }
    }
    this.operations = operations;
    this.prefixes = prefixes;
    this.compiler = new SchemaCompiler(docs);
  }

  /** Things in the specs that cannot be checked as written (found at load or while validating so far). */
  get quirks(): string[] {
    return [...this.loadQuirks, ...this.router.duplicates, ...this.compiler.quirks];
  }

  // ------------------------------------------------------------------ matching

  match(product: Product, method: string, pathWithQuery: string): MatchedOperation | null {
    return this.router.match(product, method, pathWithQuery);
  }

  /** The methods documented at a path: empty for an unknown path (404), else the ones a 405 would list. */
  methodsAt(product: Product, pathWithQuery: string): HttpMethod[] {
    return this.router.methodsAt(product, pathWithQuery);
  }

  byOperationId(operationId: string): Operation | undefined {
    return this.operations.find((op) => op.operationId === operationId);
  }

  /** The operation's parameter plans, worked out once per operation (requests are many). */
  private plan(op: Operation): ParameterPlan[] {
    const key = `${op.specKey} ${op.label}`;
    let plans = this.plans.get(key);
    if (!plans) {
      plans = parameterPlans(op, defined(this.docs.get(op.specKey), `spec ${op.specKey}`), (quirk) => this.compiler.quirks.add(quirk));
      this.plans.set(key, plans);
    }
    return plans;
  }

  // ------------------------------------------------------------------ scopes

  scopesGranted(op: Operation, manifestScopes: readonly string[]): ScopeVerdict {
    return scopesGranted(op.requiredScopes, manifestScopes);
  }

  // ------------------------------------------------------------------ requests

  /**
   * Path, query and header parameters and the JSON body, against the operation.
   *
   * Query strings: an array is read as repeated parameters (`?accountId=a&accountId=b`, OpenAPI's
   * default form/explode style, which every parameter here has), and also split on commas where the
   * parameter's description says it takes a comma-separated list (`?fields=summary,status`; 30 of the
   * 153 array parameters). Numbers and booleans are parsed from their text (only `true`/`false` are
   * booleans). A parameter typed as an object (a generator artifact of the Agile spec, e.g. `state` of
   * getAllSprints) cannot come from a query string: it is not checked, and listed in `quirks`.
   *
   * Unknown query parameters: Jira and Confluence ignore them (the specs declare each operation's
   * parameters and never forbid others, and the servers do not refuse them), so one is a `warning`,
   * not an `error`: the request would succeed, but the parameter does nothing, which is usually a typo.
   */
  validateRequest(op: Operation | MatchedOperation, input: RequestInput = {}): Problem[] {
    const problems: Problem[] = [];
    const add = (severity: Problem['severity'], location: ProblemLocation, text: string) =>
      problems.push({ severity, location, operation: op.label, message: `${op.label}: ${text}` });

    const pathParams = input.pathParams ?? ('pathParams' in op ? op.pathParams : {});
    const query = normaliseQuery(input.query);
    const headers = normaliseHeaders(input.headers);

    for (const plan of this.plan(op)) {
      const { where } = plan;
      const values: Record<string, unknown> = {};
      for (const param of plan.params) {
        const pathValue = pathParams[param.name];
        const raw =
          where === 'path'
            ? pathValue !== undefined
              ? [safeDecode(pathValue)]
              : []
            : where === 'query'
              ? (query.get(param.name) ?? [])
              : (headers.get(param.name.toLowerCase()) ?? []);
        const first = raw[0];
        if (first === undefined) continue;
        if (param.type === 'array') {
          const items = param.commaSeparated ? raw.flatMap((v) => v.split(',')) : raw;
          values[param.name] = items.map((v) => coerce(v, param.itemType));
        } else {
          if (raw.length > 1) add('warning', where, `${where} parameter "${param.name}" is given ${raw.length} times but takes one value`);
          values[param.name] = coerce(first, param.type);
        }
      }
      if (where === 'query') {
        for (const name of query.keys()) {
          if (!plan.known.has(name))
            add('warning', 'query', `query parameter "${name}" is not documented for this operation (Jira and Confluence ignore it)`);
        }
      }
      if (!plan.schema) continue;
      const validate = this.compiler.compile(op.specKey, 'request', `${op.label} ${where}`, plan.schema);
      if (!validate(values)) {
        for (const text of describeErrors(validate.errors, (at) => paramSubject(where, at))) add('error', where, text);
      }
    }

    const body = op.requestBody;
    if (input.body === undefined) {
      if (body?.required) add('error', 'body', 'a request body is required');
    } else if (!body) {
      add('warning', 'body', 'the operation documents no request body');
    } else {
      const media = jsonMedia(body.content);
      if (media?.schema) {
        const validate = this.compiler.compile(op.specKey, 'request', `${op.label} body`, media.schema);
        if (!validate(input.body)) {
          for (const text of describeErrors(validate.errors, (at) => (at ? `request body at ${at}` : 'request body')))
            add('error', 'body', text);
        }
      }
    }
    return problems;
  }

  // ------------------------------------------------------------------ responses

  /**
   * A response against the operation: the status must be documented (exactly, as `2XX`, or by
   * `default`), and a JSON body must match that response's schema. A body returned where the spec
   * documents none is a warning (Atlassian's specs often omit the error body of 401/403/404).
   */
  validateResponse(op: Operation, status: number, body: unknown): Problem[] {
    const problems: Problem[] = [];
    const add = (severity: Problem['severity'], location: ProblemLocation, text: string) =>
      problems.push({ severity, location, operation: op.label, message: `${op.label}: ${text}` });
    const key = this.documentedResponse(op, status)?.key;
    if (!key) {
      add('error', 'status', `status ${status} is not documented (documented: ${Object.keys(op.responses).join(', ')})`);
      return problems;
    }
    const response = defined(op.responses[key], `response ${key}`);
    const empty = body === undefined || body === null || body === '';
    const media = jsonMedia(response.content);
    if (!response.content || Object.keys(response.content).length === 0) {
      if (!empty) add('warning', 'response', `status ${status} documents no response body, but one was returned`);
      return problems;
    }
    // Not JSON (an image, say), no schema (much of the Agile spec), or `schema: {}` (anything, or
    // nothing: PUT issue property documents `{}` for 200/201 and Jira sends an empty body): not checked.
    if (!media?.schema || Object.keys(media.schema).length === 0) return problems;
    if (empty && body !== null) {
      if (status >= 200 && status < 300 && status !== 204)
        add('error', 'response', `status ${status} documents a JSON body, but none was returned`);
      return problems;
    }
    const validate = this.compiler.compile(op.specKey, 'response', `${op.label} ${key}`, media.schema);
    if (!validate(body)) {
      for (const text of describeErrors(validate.errors, (at) => (at ? `response ${status} body at ${at}` : `response ${status} body`)))
        add('error', 'response', text);
    }
    return problems;
  }

  /**
   * What the spec documents for a status: the response key used (`200`, `2XX`, `default`), its JSON
   * schema and example (parsed when the spec stores it as a string). `schema` is undefined where the
   * spec gives none (25 of the Jira Software spec's 2xx responses, `getSprint` among them): such a
   * body is not checked, and the example is the only contract there is.
   */
  documentedResponse(op: Operation, status: number): { key: string; schema: JsonSchema | undefined; example: unknown } | null {
    const code = String(status);
    const key =
      code in op.responses ? code : `${code[0]}XX` in op.responses ? `${code[0]}XX` : 'default' in op.responses ? 'default' : null;
    if (!key) return null;
    const media = jsonMedia(defined(op.responses[key], `response ${key}`).content);
    let example = media?.example;
    if (typeof example === 'string') {
      try {
        example = JSON.parse(example);
      } catch {
        // a plain string example
      }
    }
    return { key, schema: media?.schema, example };
  }

  // ------------------------------------------------------------------ helpers
}

/** An own, enumerable property computed on first read, then kept as a plain value (spread and equality see it as one). */
function lazy<K extends keyof Operation>(op: Operation, key: K, compute: () => Operation[K]): void {
  Object.defineProperty(op, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = compute();
      Object.defineProperty(op, key, { value, enumerable: true, configurable: true, writable: true });
      return value;
    },
  });
}
