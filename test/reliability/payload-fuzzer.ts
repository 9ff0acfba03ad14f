/**
 * Seeded generators of hostile resolver payloads: wrong types, missing and
 * extra fields, huge strings, deep nesting, prototype keys, unicode edge
 * cases, numbers at the edges. A failing seed replays exactly.
 */

/** The demo data's seeded generator: the same sequence for the same seed everywhere. */
export { prng as seededRandom } from '../../demo';

export class Fuzzer {
  constructor(private readonly random: () => number) {}

  int(max: number): number {
    return Math.floor(this.random() * max);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  static readonly STRINGS = [
    '',
    ' ',
    'a',
    '\u0000',
    '\uD800', // a lone surrogate
    '\uDFFF\uD800',
    '\u202Eevil\u202C', // right-to-left override
    '\u200B\u200D\uFEFF', // zero-width
    'e\u0301\u0301\u0301', // stacked combining marks
    '👩‍👩‍👧‍👦🏳️‍🌈',
    '𝕳𝖊𝖑𝖑𝖔',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'https://example.com/ok',
    'HTTPS://EXAMPLE.COM',
    '" OR 1=1 --',
    '../../etc/passwd',
    '%00%2e%2e%2f',
    '${7*7}{{7*7}}',
    'project = FLEX',
    'learningTags = pricing',
    'ORDER BY',
    '__proto__',
    'constructor',
    'prototype',
    'FLEX-112',
    'GROW-9',
    '5b10ac8d82e05b22cc7d4ef5',
  ];

  static readonly NUMBERS = [
    0,
    -0,
    1,
    -1,
    0.5,
    2 ** 31,
    2 ** 53,
    2 ** 53 + 2,
    -(2 ** 53),
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    1e308,
    -1e308,
    42,
  ];

  string(): string {
    switch (this.int(5)) {
      case 0:
        return this.pick(Fuzzer.STRINGS);
      case 1:
        return this.pick(Fuzzer.STRINGS).repeat(1 + this.int(50));
      case 2:
        return 'x'.repeat(this.pick([1999, 2000, 2001, 32_768, 100_000]));
      case 3:
        return Array.from({ length: this.int(30) }, () => String.fromCharCode(this.int(0xffff))).join('');
      default:
        return `tag-${this.int(1000)}`;
    }
  }

  /** Any JSON value, nested to at most `depth`. */
  value(depth = 3): unknown {
    const kind = this.int(depth > 0 ? 9 : 6);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return this.chance(0.5);
      case 2:
        return this.pick(Fuzzer.NUMBERS);
      case 3:
      case 4:
        return this.string();
      case 5:
        return undefined;
      case 6:
        return Array.from({ length: this.int(5) }, () => this.value(depth - 1));
      case 7:
        return this.object(depth - 1);
      default:
        return this.deep(20 + this.int(200));
    }
  }

  object(depth = 2): Record<string, unknown> {
    const keys = [
      'id',
      'text',
      'surprise',
      'draft',
      'config',
      'jql',
      'revision',
      'baseRevision',
      'accountIds',
      'pageToken',
      '__proto__',
      'constructor',
      'issueKey',
      'accountId',
      'projectKey',
      this.string(),
    ];
    const entries = Array.from({ length: this.int(6) }, () => [this.pick(keys), this.value(depth)] as const);
    // Through JSON so that "__proto__" is an own key, as it is after the bridge's JSON round trip.
    return JSON.parse(JSON.stringify(Object.fromEntries(entries))) as Record<string, unknown>;
  }

  deep(levels: number): unknown {
    let node: unknown = this.string();
    for (let i = 0; i < levels; i++) node = this.chance(0.5) ? [node] : { nested: node };
    return node;
  }

  /** A valid payload with one thing broken, replaced, added or removed somewhere inside it. */
  mutate(valid: unknown): unknown {
    const copy = JSON.parse(JSON.stringify(valid ?? {})) as unknown;
    const paths: Array<Array<string | number>> = [];
    const walk = (node: unknown, path: Array<string | number>) => {
      paths.push(path);
      if (Array.isArray(node))
        node.forEach((child, i) => {
          walk(child, [...path, i]);
        });
      else if (node && typeof node === 'object') for (const [k, child] of Object.entries(node)) walk(child, [...path, k]);
    };
    walk(copy, []);
    const path = this.pick(paths);
    if (path.length === 0) return this.value();
    const parentPath = path.slice(0, -1);
    const last = path[path.length - 1] as string | number;
    const parent = parentPath.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], copy) as Record<
      string | number,
      unknown
    >;
    switch (this.int(4)) {
      case 0:
        Reflect.deleteProperty(parent, last);
        break;
      case 1:
        parent[last] = this.value(2);
        break;
      case 2:
        parent[this.pick(['extra', '__proto__', 'constructor', 'issueKey'])] = this.value(1);
        break;
      default:
        parent[last] = this.string();
    }
    return JSON.parse(JSON.stringify(copy)) as unknown;
  }
}
