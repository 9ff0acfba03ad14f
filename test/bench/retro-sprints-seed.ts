/**
 * Generated learnings with FLEX's active sprint and the closed sprint before it holding exactly the given
 * numbers of issues with records: the retro view's round-counting tests (issue #14) size its searches so.
 */
import { generateLearnings } from '../../demo';
import { BENCH_SEED } from '../../bench/lib/dataset';
import type { AppSite } from '../support/app-site';

/** The property the records live in (named here, not imported from the app). */
const RECORD_KEY = 'learning-loop';

const started = (iso: string) => Date.parse(iso);

export interface RetroSprintSizes {
  current: number;
  previous: number;
}

/** Seeds `generated` learnings, then moves records into the two sprints; returns how many each holds. */
export function seedRetroSprints(site: AppSite, generated: number, wanted: RetroSprintSizes): RetroSprintSizes {
  const data = generateLearnings(generated, BENCH_SEED);
  const flex = data.sprints.filter((s) => s.projectKey === 'FLEX');
  const active = flex.find((s) => s.state === 'active');
  const previous = flex
    .filter((s) => s.state === 'closed' && active && started(s.startDate) < started(active.startDate))
    .sort((a, b) => started(b.startDate) - started(a.startDate))[0];
  if (!active || !previous) throw new Error('The generated data has an active FLEX sprint after a closed one.');
  const keys = new Set(data.properties.filter((p) => p.key === RECORD_KEY).map((p) => p.issueKey));
  const withRecord = data.issues.filter((i) => keys.has(i.key));
  for (const issue of withRecord) if (issue.sprintId === active.id || issue.sprintId === previous.id) issue.sprintId = null;
  withRecord.slice(0, wanted.current).forEach((i) => (i.sprintId = active.id));
  withRecord.slice(wanted.current, wanted.current + wanted.previous).forEach((i) => (i.sprintId = previous.id));
  site.store.replaceAll(data, new Date().toISOString());
  const count = (id: number) => withRecord.filter((i) => i.sprintId === id).length;
  return { current: count(active.id), previous: count(previous.id) };
}
