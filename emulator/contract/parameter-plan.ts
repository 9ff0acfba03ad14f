/**
 * What checking an operation's path, query and header parameters needs, worked out once per
 * operation: each parameter's type (following `$ref` and one-element `allOf`), whether an array takes
 * a comma-separated list, the parameters declared, and the JSON schema of the values object.
 */
import { resolvePointer } from './spec-doc';
import type { JsonSchema, OasDocument, Operation } from './types';

/** How Atlassian's parameter descriptions say that an array parameter takes a comma-separated list. */
const COMMA_SEPARATED = /comma[- ]?(separated|delimited)|separated by commas?/i;

/** Authorization is added by the Forge runtime (asUser/asApp), never by the app: not checked. */
const HEADERS_SUPPLIED_BY_FORGE = new Set(['authorization']);

/** An operation's parameters in one place (path, query or header), ready to check a request against. */
export interface ParameterPlan {
  where: 'path' | 'query' | 'header';
  params: Array<{ name: string; type: string | undefined; itemType: string | undefined; commaSeparated: boolean }>;
  /** Every parameter the operation declares there (an unknown query parameter is a warning). */
  known: Set<string>;
  /** The JSON schema of the values object; none when the operation declares no parameter there. */
  schema: JsonSchema | undefined;
}

/** The type (and item type) of a parameter schema, following `$ref` and one-element `allOf`. */
export function shapeOf(doc: OasDocument, schema: JsonSchema): { type: string | undefined; itemType: string | undefined } {
  const deref = (s: JsonSchema | undefined, depth = 0): JsonSchema | undefined => {
    if (!s || depth > 10) return s;
    if (typeof s['$ref'] === 'string') return deref(resolvePointer(doc, s['$ref']) as JsonSchema | undefined, depth + 1);
    const allOf = s['allOf'];
    if (!s['type'] && Array.isArray(allOf) && allOf.length === 1) return deref(allOf[0] as JsonSchema, depth + 1);
    return s;
  };
  const s = deref(schema);
  const type = typeof s?.['type'] === 'string' ? s['type'] : s?.['enum'] ? 'string' : undefined;
  const items = type === 'array' ? deref(s?.['items'] as JsonSchema | undefined) : undefined;
  const itemType = typeof items?.['type'] === 'string' ? items['type'] : undefined;
  return { type, itemType };
}

/**
 * The plans of an operation. A parameter typed as an object (a generator artifact of the Agile spec,
 * e.g. `state` of getAllSprints) cannot come from a query string: it is left out and named to `quirk`.
 */
export function parameterPlans(op: Operation, doc: OasDocument, quirk: (text: string) => void): ParameterPlan[] {
  return (['path', 'query', 'header'] as const).map((where): ParameterPlan => {
    const declared = op.parameters.filter(
      (p) => p.in === where && !(where === 'header' && HEADERS_SUPPLIED_BY_FORGE.has(p.name.toLowerCase())),
    );
    const params: ParameterPlan['params'] = [];
    const properties: Record<string, unknown> = {};
    const required: string[] = [];
    for (const param of declared) {
      const shape = shapeOf(doc, param.schema ?? {});
      if (shape.type === 'object' || shape.itemType === 'object') {
        quirk(
          `${op.label}: ${where} parameter "${param.name}" is typed as ${shape.type === 'object' ? 'an object' : 'an array of objects'} in the spec, which no query string can be: not checked`,
        );
        continue;
      }
      if (param.required || where === 'path') required.push(param.name);
      properties[param.name] = param.schema ?? {};
      params.push({
        name: param.name,
        type: shape.type,
        itemType: shape.itemType,
        commaSeparated: COMMA_SEPARATED.test(param.description ?? ''),
      });
    }
    const known = new Set(op.parameters.filter((p) => p.in === where).map((p) => p.name));
    const schema = declared.length ? { type: 'object', properties, ...(required.length ? { required } : {}) } : undefined;
    return { where, params, known, schema };
  });
}
