/** The demo site is valid for the app's own domain code, varied, and deterministic. */
import { buildDemoDataset, DEMO_USERS, FLEX_112, seedDemoData } from '../../demo';
import { LocalStore } from '../../emulator';
import { LEARNING_PROPERTY_KEY, OUTCOMES } from '../../src/domain/record/learning-record';
import { readStoredProperty } from '../../src/domain/record/record-schema';

const data = buildDemoDataset();
const recordOf = (issueKey: string) => {
  const property = data.properties.find((p) => p.issueKey === issueKey && p.key === LEARNING_PROPERTY_KEY);
  return property ? readStoredProperty(JSON.parse(property.valueText)) : { kind: 'absent' as const };
};

describe('demo data', () => {
  it('holds FLEX-112 with its hypothesis, learnings (one a surprise) and tags, readable by the domain', () => {
    const issue = data.issues.find((i) => i.key === FLEX_112.key);
    expect(issue?.summary).toBe('Offer Flex as a refund option in low-price journeys');
    const reading = recordOf('FLEX-112');
    if (reading.kind !== 'record') throw new Error(`FLEX-112 is ${reading.kind}`);
    const { record } = reading;
    expect(record.hypothesis).toBe('Presenting Flex as a refund option will reduce drop-off in low-price journeys.');
    expect(record.learnings.map((l) => l.text)).toEqual([
      "Customers in Spain engaged more, even if they didn't buy.",
      'Labeling matters more than refund amount.',
    ]);
    expect(record.learnings.filter((l) => l.surprise)).toHaveLength(1);
    expect(record.tags).toEqual(expect.arrayContaining(['pricing', 'refunds', 'checkout']));
    expect(record.evidence[0]?.url).toMatch(/^https:\/\//);
  });

  it('has every stored record readable, every outcome, shared tags and issues without learnings', () => {
    const stored = data.properties.filter((p) => p.key === LEARNING_PROPERTY_KEY);
    const readings = stored.map((p) => readStoredProperty(JSON.parse(p.valueText)));
    expect(readings.every((r) => r.kind === 'record')).toBe(true);
    // Each record's learnings' texts, one per line, in the property JQL's learningText reads.
    for (const [i, reading] of readings.entries()) {
      const texts = data.properties.find((p) => p.issueKey === stored[i]!.issueKey && p.key === 'learning-loop-text');
      const learnings = reading.kind === 'record' ? reading.record.learnings : [];
      expect(JSON.parse(texts?.valueText ?? 'null')).toEqual({ text: learnings.map((l) => l.text).join('\n') });
    }
    const records = readings.flatMap((r) => (r.kind === 'record' ? [r.record] : []));
    expect(records.length).toBeGreaterThanOrEqual(13);
    expect(new Set(records.map((r) => r.outcome))).toEqual(new Set(OUTCOMES));
    expect(records.flatMap((r) => r.learnings).filter((l) => l.surprise).length).toBeGreaterThanOrEqual(5);
    const projectsByTag = new Map<string, Set<string>>();
    for (const p of data.properties) {
      const r = recordOf(p.issueKey);
      if (r.kind !== 'record') continue;
      for (const tag of r.record.tags) projectsByTag.set(tag, (projectsByTag.get(tag) ?? new Set()).add(p.issueKey.split('-')[0]!));
    }
    expect(projectsByTag.get('pricing')?.size).toBeGreaterThanOrEqual(3);
    expect(data.issues.length - stored.length).toBeGreaterThanOrEqual(20);
  });

  it('has at least 3 projects, 40 issues and the 4 users with their permissions', () => {
    const store = LocalStore.open();
    store.replaceAll(data, '2026-11-16T09:00:00.000Z');
    expect(store.listProjects().length).toBeGreaterThanOrEqual(3);
    expect(store.listIssues().length).toBeGreaterThanOrEqual(40);
    const level = (user: keyof typeof DEMO_USERS, project: string) => store.permissionLevel(DEMO_USERS[user].accountId, project);
    expect(store.listProjects().every((p) => level('alice', p.key) === 'edit')).toBe(true);
    expect([level('bob', 'FLEX'), level('bob', 'CHK')]).toEqual(['edit', 'browse']);
    expect([level('carol', 'FLEX'), level('carol', 'GROW')]).toEqual(['edit', 'none']);
    expect(store.listProjects().every((p) => level('dan', p.key) === 'browse')).toBe(true);
    store.close();
  });

  it('keeps earlier revisions as the app history does, and is the same every time', () => {
    const flex = data.issues.find((i) => i.key === 'FLEX-112')!;
    const kept = data.kvs.filter((k) => k.key.startsWith(`history:${flex.id}:`));
    expect(kept.map((k) => (JSON.parse(k.valueText) as { revision: number }).revision)).toEqual([1, 2]);
    expect(buildDemoDataset()).toEqual(data);
  });

  it('adds 10,000 extra learnings for benchmarks on keys of their own (the labelled set keeps FLEX-901...)', () => {
    const store = LocalStore.open();
    seedDemoData(store, { extraLearnings: 10_000 });
    const issues = store.listIssues();
    expect(new Set(issues.map((i) => i.key)).size).toBe(issues.length);
    expect(issues.length).toBe(data.issues.length + 10_000);
    expect(issues.find((i) => i.key === 'FLEX-901')?.summary).toBe(data.issues.find((i) => i.key === 'FLEX-901')?.summary);
    store.close();
  });
});
