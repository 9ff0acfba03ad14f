/**
 * Method + path -> operation. A template segment `{name}` matches one non-empty path segment; a
 * segment mixing text and parameters (`{a}.{b}`, `issue{id}`) is matched by a regex. Among the
 * templates that match, the most specific wins, compared segment by segment from the left: a literal
 * segment beats a mixed one, which beats a bare parameter (so `/rest/api/3/issue/picker` beats
 * `/rest/api/3/issue/{issueIdOrKey}`). This is JAX-RS's rule in spirit (Jira's REST layer is JAX-RS:
 * the template with more literal characters wins).
 *
 * @forge/lint differs: it turns each template into an unanchored regex and takes the first one in the
 * spec's order that matches (permission-linter.js processPaths / product-verifier.js lookupApiCall),
 * so it can attribute `/issue/picker` to `/issue/{issueIdOrKey}`. We do not copy that.
 */
import type { HttpMethod, MatchedOperation, Operation, Product } from './types';

/** How many concrete paths `match` remembers before it starts over. */
const RECENT_PATHS = 5000;

type Segment = { kind: 0; text: string } | { kind: 1; regex: RegExp; names: string[] } | { kind: 2; name: string };

interface Route {
  op: Operation;
  segments: Segment[];
  /** One rank per segment: 0 literal, 1 mixed, 2 parameter. Lower is more specific. */
  rank: number[];
}

export function splitPath(path: string): string[] {
  let p = path;
  const q = p.search(/[?#]/);
  if (q >= 0) p = p.slice(0, q);
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p.split('/').slice(1);
}

function parseTemplate(template: string): Segment[] {
  return splitPath(template).map((seg): Segment => {
    const whole = /^\{([^{}]+)\}$/.exec(seg);
    if (whole) return { kind: 2, name: whole[1] ?? '' };
    if (!seg.includes('{')) return { kind: 0, text: seg };
    const names: string[] = [];
    const source = seg
      .split(/(\{[^{}]+\})/)
      .map((part) => {
        const m = /^\{([^{}]+)\}$/.exec(part);
        if (m) {
          names.push(m[1] ?? '');
          return '([^/]+?)';
        }
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('');
    return { kind: 1, regex: new RegExp(`^${source}$`), names };
  });
}

export class Router {
  /** `${product} ${method} ${segmentCount}` -> routes */
  private readonly table = new Map<string, Route[]>();
  readonly duplicates: string[] = [];
  /** `${product} ${method} ${path}` -> the best route and its params (or null: none). */
  private readonly recent = new Map<string, { route: Route; params: Record<string, string> } | null>();

  add(op: Operation): void {
    const segments = parseTemplate(op.pathTemplate);
    const key = `${op.product} ${op.method} ${segments.length}`;
    const list = this.table.get(key) ?? [];
    const route: Route = { op, segments, rank: segments.map((s) => s.kind) };
    if (list.some((r) => r.op.pathTemplate === op.pathTemplate)) {
      this.duplicates.push(`${op.product}: ${op.label} is defined twice (${op.specKey} and another spec); the first wins`);
      return;
    }
    list.push(route);
    this.table.set(key, list);
  }

  match(product: Product, method: string, pathWithQuery: string): MatchedOperation | null {
    const m = method.toUpperCase() as HttpMethod;
    const q = pathWithQuery.search(/[?#]/);
    const path = q >= 0 ? pathWithQuery.slice(0, q) : pathWithQuery;
    const key = `${product} ${m} ${path}`;
    let best = this.recent.get(key);
    if (best === undefined) {
      best = this.best(product, m, path);
      // Tests and pages call the same few paths over and over: remember the last few thousand.
      if (this.recent.size >= RECENT_PATHS) this.recent.clear();
      this.recent.set(key, best);
    }
    if (!best) return null;
    return { ...best.route.op, path, pathParams: { ...best.params } };
  }

  private best(product: Product, method: HttpMethod, path: string): { route: Route; params: Record<string, string> } | null {
    const parts = splitPath(path);
    const candidates = this.table.get(`${product} ${method} ${parts.length}`);
    if (!candidates) return null;
    let best: { route: Route; params: Record<string, string> } | null = null;
    for (const route of candidates) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      if (!best || compareRank(route.rank, best.route.rank) < 0) best = { route, params };
    }
    return best;
  }

  /** The methods that some operation offers at this path (for telling 404 from 405). */
  methodsAt(product: Product, pathWithQuery: string): HttpMethod[] {
    const parts = splitPath(pathWithQuery);
    const out = new Set<HttpMethod>();
    for (const [key, routes] of this.table) {
      const [p, method, count] = key.split(' ');
      if (p !== product || Number(count) !== parts.length) continue;
      if (routes.some((r) => matchSegments(r.segments, parts))) out.add(method as HttpMethod);
    }
    return [...out];
  }
}

function matchSegments(segments: Segment[], parts: string[]): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (const [i, seg] of segments.entries()) {
    const part = parts[i] ?? '';
    if (seg.kind === 0) {
      if (seg.text !== part) return null;
    } else if (seg.kind === 2) {
      if (part === '') return null;
      params[seg.name] = part;
    } else {
      const m = seg.regex.exec(part);
      if (!m) return null;
      seg.names.forEach((name, j) => (params[name] = m[j + 1] ?? ''));
    }
  }
  return params;
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}
