/**
 * A stored learning record's learnings, decoded by hand from its raw JSON, for tests that check
 * what Jira or KVS holds without the app's reader. Version 1 spells every field out; version 2
 * uses short keys, names the author by its place (`a`) in `index.authors`, and leaves out
 * `s` when false and `u` when equal to `c`.
 */
export interface RawLearning {
  id: string;
  text: string;
  surprise: boolean;
  /** Undefined when the stored JSON names no author (a broken record). */
  author: string | undefined;
  createdAt: string;
  updatedAt: string;
}

interface V1Learning {
  id: string;
  text: string;
  surprise: boolean;
  authorAccountId: string;
  createdAt: string;
  updatedAt: string;
}

interface V2Learning {
  id: string;
  t: string;
  s?: boolean;
  a: number;
  c: string;
  u?: string;
}

interface RawRecord {
  schemaVersion?: unknown;
  learnings?: unknown[];
  index?: { authors?: string[] };
}

export function rawLearningsOf(stored: unknown): RawLearning[] {
  const record = (typeof stored === 'string' ? JSON.parse(stored) : stored) as RawRecord;
  const learnings = record.learnings ?? [];
  if (record.schemaVersion === 1) {
    return (learnings as V1Learning[]).map((l) => ({
      id: l.id,
      text: l.text,
      surprise: l.surprise,
      author: l.authorAccountId,
      createdAt: l.createdAt,
      updatedAt: l.updatedAt,
    }));
  }
  if (record.schemaVersion !== 2) throw new Error(`Not a stored record of version 1 or 2: ${JSON.stringify(stored).slice(0, 80)}`);
  const authors = record.index?.authors ?? [];
  return (learnings as V2Learning[]).map((l) => ({
    id: l.id,
    text: l.t,
    surprise: l.s === true,
    author: authors[l.a],
    createdAt: l.c,
    updatedAt: l.u ?? l.c,
  }));
}
