/**
 * Types of the contract module: Atlassian's published OpenAPI documents, read as data.
 * Only the parts of OpenAPI 3.0 that the vendored specs use are typed here.
 */

/** `jira` covers the Jira platform spec and the Jira Software (Agile) spec; `confluence` the Confluence v2 spec. */
export type Product = 'jira' | 'confluence';

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS';
export const HTTP_METHODS: readonly HttpMethod[] = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'];

/** One of the vendored spec files. */
export type SpecKey = 'jira-platform' | 'jira-software' | 'confluence-v2';

export interface SpecFileInfo {
  key: SpecKey;
  product: Product;
  file: string;
}

export const SPEC_FILES: readonly SpecFileInfo[] = [
  { key: 'jira-platform', product: 'jira', file: 'jira-platform.swagger-v3.json' },
  { key: 'jira-software', product: 'jira', file: 'jira-software.openapi.json' },
  { key: 'confluence-v2', product: 'confluence', file: 'confluence-v2.openapi.json' },
];

// ---------------------------------------------------------------- OpenAPI 3.0 (as used)

export type JsonSchema = Record<string, unknown>;

export interface OasParameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
  style?: string;
  explode?: boolean;
  deprecated?: boolean;
  description?: string;
}

export interface OasMediaType {
  schema?: JsonSchema;
  example?: unknown;
}

export interface OasRequestBody {
  required?: boolean;
  content?: Record<string, OasMediaType>;
  $ref?: string;
}

export interface OasResponse {
  description?: string;
  content?: Record<string, OasMediaType>;
  $ref?: string;
}

export interface OasScopeEntry {
  state: string;
  scheme: string;
  /** Optional in practice: the specs are JSON, not always complete. */
  scopes?: string[];
}

export interface OasOperation {
  operationId?: string;
  summary?: string;
  deprecated?: boolean;
  parameters?: Array<OasParameter | { $ref: string }>;
  requestBody?: OasRequestBody;
  responses?: Record<string, OasResponse>;
  security?: Array<Record<string, string[]>>;
  'x-atlassian-oauth2-scopes'?: OasScopeEntry[];
}

export interface OasDocument {
  openapi: string;
  info?: { title?: string; version?: string };
  servers?: Array<{ url: string }>;
  paths: Record<string, Record<string, unknown>>;
  components?: {
    schemas?: Record<string, JsonSchema>;
    requestBodies?: Record<string, OasRequestBody>;
    responses?: Record<string, OasResponse>;
    parameters?: Record<string, OasParameter>;
  };
}

// ---------------------------------------------------------------- the module's own shapes

/** One alternative set of OAuth scopes: the manifest must grant all of it. */
export interface ScopeAlternative {
  /** `current`: the `Current` entries of `x-atlassian-oauth2-scopes` (classic scopes in the Jira platform spec),
   *  or the OAuth2 scopes of `security` when the operation has no `x-atlassian-oauth2-scopes`;
   *  `beta`: the `Beta` entries (granular scopes in the Jira platform spec). */
  kind: 'current' | 'beta';
  scopes: string[];
}

export interface ScopeAlternatives {
  /** Where the scopes were read from. */
  source: 'x-atlassian-oauth2-scopes' | 'security' | 'none';
  current: string[];
  beta: string[];
  /** The alternatives that grant the operation, in the order @forge/lint tries them (current, then beta). */
  alternatives: ScopeAlternative[];
  /** True when the operation asks no scope of a Forge app in @forge/lint's reading (no `current` scopes). */
  requiresNone: boolean;
}

export interface Operation {
  product: Product;
  specKey: SpecKey;
  specFile: string;
  method: HttpMethod;
  /** The full path as an app calls it, e.g. `/wiki/api/v2/pages/{id}` (the spec's server prefix included). */
  pathTemplate: string;
  /** The path key as written in the spec's `paths` (Confluence v2 omits `/wiki/api/v2`). */
  specPath: string;
  operationId: string;
  summary: string;
  deprecated: boolean;
  requiredScopes: ScopeAlternatives;
  /** The spec's `security` holds an empty requirement (`{}`): Atlassian documents anonymous access. */
  anonymousAllowed: boolean;
  parameters: OasParameter[];
  requestBody: OasRequestBody | undefined;
  responses: Record<string, OasResponse>;
  /** `METHOD /path/{template}`, the name used in every problem message. */
  label: string;
}

/** An operation matched to a concrete path: its path parameters as they appeared (still URL-encoded). */
export interface MatchedOperation extends Operation {
  path: string;
  pathParams: Record<string, string>;
}

export type ProblemLocation = 'path' | 'query' | 'header' | 'body' | 'status' | 'response';

export interface Problem {
  /** `error`: Atlassian would refuse or the contract is broken; `warning`: accepted by Atlassian but without effect or undocumented. */
  severity: 'error' | 'warning';
  location: ProblemLocation;
  /** The operation's label, e.g. `GET /rest/api/3/issue/{issueIdOrKey}`. */
  operation: string;
  /** A full sentence that names the operation, e.g. `GET /rest/api/3/issue/{issueIdOrKey}: query parameter "fieldsByKeys" must be boolean`. */
  message: string;
}

export interface RequestInput {
  /** Path parameters; taken from a MatchedOperation when omitted. */
  pathParams?: Record<string, string>;
  query?: URLSearchParams | Record<string, string | string[] | number | boolean | undefined>;
  headers?: Record<string, string | string[] | undefined>;
  /** The parsed JSON body; `undefined` when the request has none. */
  body?: unknown;
}

export interface ScopeVerdict {
  ok: boolean;
  /** The missing scopes of the cheapest alternative (fewest missing; `current` wins a tie). Empty when ok. */
  missing: string[];
  /** Which alternative granted the operation: `none-required` when it asks no scope. */
  grantedBy: 'current' | 'beta' | 'none-required' | null;
  alternatives: Array<ScopeAlternative & { missing: string[] }>;
}
