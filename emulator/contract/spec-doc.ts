/**
 * Reading the vendored OpenAPI documents: server prefixes, `$ref` pointers, merged parameters, JSON
 * media types; and turning a request's query and headers into what the validators check.
 */
import type { OasDocument, OasMediaType, OasParameter, RequestInput } from './types';

export function serverPrefix(doc: OasDocument): string {
  const url = doc.servers?.[0]?.url;
  if (!url) return '';
  // `https://{your-domain}/wiki/api/v2` -> `/wiki/api/v2`; `https://your-domain.atlassian.net` -> ``.
  const m = /^[a-z]+:\/\/[^/]+(\/.*)?$/i.exec(url);
  const p = m ? (m[1] ?? '') : url.startsWith('/') ? url : '';
  return p.endsWith('/') ? p.slice(0, -1) : p;
}

export function resolvePointer(doc: OasDocument, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

export function resolveRef<T>(doc: OasDocument, value: T | { $ref?: string } | undefined): T | undefined {
  let v: unknown = value;
  for (let i = 0; i < 10 && v && typeof v === 'object' && typeof (v as { $ref?: unknown }).$ref === 'string'; i++) {
    v = resolvePointer(doc, (v as { $ref: string }).$ref);
  }
  return v as T | undefined;
}

export function mergeParameters(
  doc: OasDocument,
  shared: Array<OasParameter | { $ref: string }>,
  own: Array<OasParameter | { $ref: string }>,
): OasParameter[] {
  const byKey = new Map<string, OasParameter>();
  for (const p of [...shared, ...own]) {
    const param = resolveRef<OasParameter>(doc, p);
    if (param) byKey.set(`${param.in} ${param.name}`, param);
  }
  return [...byKey.values()];
}

export function normaliseQuery(query: RequestInput['query']): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!query) return out;
  if (query instanceof URLSearchParams) {
    for (const [k, v] of query) out.set(k, [...(out.get(k) ?? []), v]);
    return out;
  }
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    out.set(k, Array.isArray(v) ? v.map(String) : [String(v)]);
  }
  return out;
}

export function normaliseHeaders(headers: RequestInput['headers']): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (v === undefined) continue;
    out.set(k.toLowerCase(), Array.isArray(v) ? v : [v]);
  }
  return out;
}

export function coerce(value: string, type: string | undefined): unknown {
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(value)) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function paramSubject(where: 'path' | 'query' | 'header', instancePath: string): string {
  const [, name, ...rest] = instancePath.split('/');
  const label = `${where} parameter "${(name ?? '').replace(/~1/g, '/').replace(/~0/g, '~')}"`;
  return rest.length ? `${label} item ${rest.join('/')}` : label;
}

export function jsonMedia(content: Record<string, OasMediaType> | undefined): OasMediaType | undefined {
  if (!content) return undefined;
  const key =
    Object.keys(content).find((k) => k === 'application/json') ??
    Object.keys(content).find((k) => /[/+]json\b/.test(k)) ??
    Object.keys(content).find((k) => k === '*/*');
  return key ? content[key] : undefined;
}
