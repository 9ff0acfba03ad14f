/**
 * The demo's dates are relative to today (issue #15, item 11): whatever the day the site starts,
 * each team's active sprint contains today, the next one is still to come, the closed ones have
 * ended, and nothing is dated in the future.
 */
import { buildDemoDataset, demoNowFor } from '../../demo';
import { rawLearningsOf, type RawLearning } from '../support/stored-json';
import { recordRows } from './record-rows';

const now = Date.now();
const data = buildDemoDataset();
const recordProperties = recordRows(data);
const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) : NaN);

interface StoredRecord {
  hypothesis: string;
  hypothesisAt?: string;
  learnings: RawLearning[];
}
interface Kept {
  value: StoredRecord;
}

describe("the demo's dates", () => {
  it.each(data.projects.map((p) => p.key))(
    '%s: the active sprint contains today, the future one starts later, closed ones ended before',
    (key) => {
      const sprints = data.sprints.filter((s) => s.projectKey === key);
      const active = sprints.filter((s) => s.state === 'active');
      expect(active).toHaveLength(1);
      expect(time(active[0]!.startDate)).toBeLessThan(now);
      expect(time(active[0]!.endDate)).toBeGreaterThan(now);
      for (const future of sprints.filter((s) => s.state === 'future')) expect(time(future.startDate)).toBeGreaterThan(now);
      const closed = sprints.filter((s) => s.state === 'closed');
      expect(closed.length).toBeGreaterThan(0);
      for (const sprint of closed) expect(time(sprint.completeDate ?? sprint.endDate)).toBeLessThan(now);
    },
  );

  it('dates no issue, record or revision after now', () => {
    const dates = [
      ...data.issues.flatMap((i) => [i.created, i.updated]),
      ...recordProperties.map((p) => p.at),
      ...data.kvs.map((k) => k.at),
    ].map(time);
    expect(dates.filter((t) => Number.isNaN(t))).toEqual([]);
    expect(Math.max(...dates)).toBeLessThanOrEqual(now);
  });

  it('dates each hypothesis between its issue’s creation and its first learning, the same in every kept revision', () => {
    const created = new Map(data.issues.map((i) => [i.key, time(i.created)]));
    const idOf = new Map(data.issues.map((i) => [i.key, i.id]));
    const records = recordProperties.map((p) => ({
      key: p.issueKey,
      record: { ...(JSON.parse(p.valueText) as StoredRecord), learnings: rawLearningsOf(p.valueText) },
    }));
    const written = records.filter(({ record }) => record.hypothesis.trim() !== '');
    expect(written.length).toBeGreaterThan(200);
    for (const { key, record } of written) {
      const at = time(record.hypothesisAt);
      expect([key, at >= created.get(key)!]).toEqual([key, true]);
      for (const learning of record.learnings) expect([key, time(learning.createdAt) >= at]).toEqual([key, true]);
      const kept = data.kvs.filter((k) => k.key.startsWith(`history:${idOf.get(key)}:`)).map((k) => JSON.parse(k.valueText) as Kept);
      for (const { value } of kept)
        if (value.hypothesis.trim() !== '') expect([key, value.hypothesisAt]).toEqual([key, record.hypothesisAt]);
    }
  });

  it("puts the demo's clock on yesterday at 09:00 UTC, on any day of the year", () => {
    for (const today of ['2026-11-30T02:51:00Z', '2027-01-01T00:00:00Z', '2028-02-29T23:59:59Z']) {
      const at = demoNowFor(new Date(today));
      expect(at.getUTCHours()).toBe(9);
      const hoursBefore = (Date.parse(today) - at.getTime()) / 3_600_000;
      expect(hoursBefore).toBeGreaterThanOrEqual(15);
      expect(hoursBefore).toBeLessThan(39);
    }
  });
});
