/**
 * Generated demo data at a benchmark size, seeded into the local site's
 * store (in memory). Seeding is timed: generating the records with the
 * domain code, then one SQLite transaction.
 */
import { generateLearnings } from '../../local/demo-data';
import type { DemoDataset, LocalStore } from '../../local/store';
import { LEARNING_PROPERTY_KEY } from '../../src/domain/learning-record';

export const BENCH_SEED = 20261121;

export interface SeededSize {
  /** Extra learnings asked for. */
  size: number;
  /** Issues with a learning record in the store (the demo's own ~175 plus the extra ones). */
  records: number;
  issues: number;
  generateMs: number;
  storeMs: number;
  /**
   * Generated issues dropped because their key was already taken (a generator
   * collision: the demo's fixed sets and the extra numbering overlap at large
   * sizes). 0 when the generator is sound.
   */
  droppedDuplicates: number;
}

function dedupe(data: DemoDataset): { data: DemoDataset; dropped: number } {
  const keys = new Set<string>();
  const issues = data.issues.filter((issue) => (keys.has(issue.key) ? false : (keys.add(issue.key), true)));
  const propertyKeys = new Set<string>();
  const properties = data.properties.filter((p) => {
    const k = `${p.issueKey}\u0000${p.key}`;
    return propertyKeys.has(k) ? false : (propertyKeys.add(k), true);
  });
  const kvsKeys = new Set<string>();
  const kvs = data.kvs.filter((k) => (kvsKeys.has(k.key) ? false : (kvsKeys.add(k.key), true)));
  return { data: { ...data, issues, properties, kvs }, dropped: data.issues.length - issues.length };
}

/** Replaces the store's content with the demo plus `size` generated learnings. */
export function seedSize(store: LocalStore, size: number, seed = BENCH_SEED): SeededSize {
  const t0 = performance.now();
  const generated = generateLearnings(size, seed);
  const { data, dropped } = dedupe(generated);
  const t1 = performance.now();
  store.replaceAll(data, new Date().toISOString());
  const t2 = performance.now();
  return {
    size,
    records: data.properties.filter((p) => p.key === LEARNING_PROPERTY_KEY).length,
    issues: data.issues.length,
    generateMs: t1 - t0,
    storeMs: t2 - t1,
    droppedDuplicates: dropped,
  };
}
