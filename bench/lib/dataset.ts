/**
 * Generated demo data at a benchmark size, seeded into the local site's
 * store (in memory). Seeding is timed: generating the records with the
 * domain code, then one SQLite transaction.
 */
import { generateLearnings } from '../../demo';
import type { LocalStore } from '../../emulator';
import { LEARNING_PROPERTY_KEY } from '../../src/domain/record/learning-record';

export const BENCH_SEED = 20261121;

export interface SeededSize {
  /** Extra learnings asked for. */
  size: number;
  /** Issues with a learning record in the store (the demo's own ~175 plus the extra ones). */
  records: number;
  issues: number;
  generateMs: number;
  storeMs: number;
}

/** Replaces the store's content with the demo plus `size` generated learnings. */
export function seedSize(store: LocalStore, size: number, seed = BENCH_SEED): SeededSize {
  const t0 = performance.now();
  const data = generateLearnings(size, seed);
  const t1 = performance.now();
  store.replaceAll(data, new Date().toISOString());
  const t2 = performance.now();
  return {
    size,
    records: data.properties.filter((p) => p.key === LEARNING_PROPERTY_KEY).length,
    issues: data.issues.length,
    generateMs: t1 - t0,
    storeMs: t2 - t1,
  };
}
