/**
 * The stable figures of `npm run bench`, asserted: remote calls per
 * operation (from the local site's accounting) on a small generated size,
 * and the Custom UI bundle budget. No wall-clock time is asserted.
 * Runs in `npm test`, after `npm run build`.
 */
import { startAppSite, type AppSite } from '../support/app-site';
import { DEFAULT_PAGE_SIZE } from '../../src/app/macro/collect-learnings';
import { bundleSizes, JS_GZIP_BUDGET } from '../../bench/lib/bundles';
import { seedSize, type SeededSize } from '../../bench/lib/dataset';
import { measureOperations, servedResolvers, type OperationResult } from '../../bench/lib/operations';

jest.setTimeout(60_000);

/** Small: the whole set still spans several pages, and it seeds in well under a second. */
const SIZE = 120;

describe('call budgets (bench figures) on generated demo data', () => {
  let site: AppSite;
  let seeded: SeededSize;
  let ops: OperationResult[];
  const op = (name: string): OperationResult => {
    const found = ops.find((o) => o.name === name || o.name.startsWith(`${name} `) || o.name.startsWith(`${name}(`));
    if (!found) throw new Error(`No operation "${name}" measured; got ${ops.map((o) => o.name).join(', ')}.`);
    return found;
  };

  beforeAll(async () => {
    site = await startAppSite({ port: 0, demo: false });
    seeded = seedSize(site.store, SIZE);
    ops = await measureOperations(site);
  });

  afterAll(async () => {
    await site?.close();
  });

  it('every operation answers ok', () => {
    expect(ops.filter((o) => !o.ok).map((o) => `${o.name}: ${o.error}`)).toEqual([]);
  });

  it('opening the panel costs two Jira calls in one round (the issue, and Edit permission), and no KVS call', () => {
    expect(op('open panel').calls.jira).toBe(2);
    expect(op('open panel').calls.endpoints['GET /rest/api/3/mypermissions']).toBe(1);
    expect(op('open panel').calls.kvs).toBe(0);
  });

  it('a save costs at most two Jira calls', () => {
    const save = op('save');
    expect(save.calls.jira).toBeLessThanOrEqual(2);
    expect(save.calls.jira).toBeGreaterThanOrEqual(1);
  });

  it("the macro's first screen is one search, no per-issue read", () => {
    const first = op('macro first screen');
    expect(first.calls.jira).toBe(1);
    expect(first.calls.searches).toBe(1);
    expect(first.calls.perIssue).toBe(0);
  });

  it('the whole set is ceil(N / page size) searches and no per-issue read', () => {
    const whole = op('macro whole set');
    expect(whole.items).toBe(seeded.records);
    expect(whole.calls.searches).toBe(Math.ceil(seeded.records / DEFAULT_PAGE_SIZE));
    expect(whole.calls.jira).toBe(whole.calls.searches);
    expect(whole.calls.perIssue).toBe(0);
    expect(whole.invocations).toBe(whole.calls.searches);
  });

  it('"learned before" is one search, no per-issue read (when served)', () => {
    if (!servedResolvers().includes('learnedBefore/find')) return;
    const found = op('learned before');
    expect(found.calls.jira).toBe(1);
    expect(found.calls.searches).toBe(1);
    expect(found.calls.perIssue).toBe(0);
  });

  it('the retro view costs boards + sprints + one search page per 100 issues per sprint + one names lookup, no per-issue read (when served)', () => {
    if (!servedResolvers().includes('retro/open')) return;
    const retros = ops.filter((o) => o.name.startsWith('retro view'));
    expect(retros.length).toBeGreaterThanOrEqual(1);
    for (const retro of retros) {
      expect(retro.calls.perIssue).toBe(0);
      // Stated in src/app/retro/open-retro.ts: boards (1), sprints (2: open and closed), the sprint's and the previous sprint's searches, names (1).
      expect(retro.calls.jira).toBe(retro.lowerBound);
      expect(retro.calls.endpoints['GET /rest/agile/1.0/board']).toBe(1);
      // The notes (one query), the person's recent learning writes and recent notes (one read each).
      expect(retro.calls.kvs).toBeLessThanOrEqual(3);
    }
  });

  it('no operation reads issue by issue', () => {
    for (const o of ops.filter((x) => !['open panel', 'save'].includes(x.name)))
      expect({ name: o.name, perIssue: o.calls.perIssue }).toEqual({ name: o.name, perIssue: 0 });
  });
});

describe('bundle budgets', () => {
  const bundles = bundleSizes();

  it('every Custom UI resource is built (run npm run build first)', () => {
    expect(bundles.length).toBeGreaterThan(0);
    expect(bundles.filter((b) => !b.built).map((b) => `static/${b.resource}/build is missing: run npm run build`)).toEqual([]);
  });

  it.each(bundles.map((b) => [b.resource, b] as const))('%s ships at most 150 KB of gzipped JS', (_name, b) => {
    expect(b.js.files).toBeGreaterThan(0);
    expect(b.js.gzip).toBeLessThanOrEqual(JS_GZIP_BUDGET);
  });
});
