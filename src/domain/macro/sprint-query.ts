/**
 * The retro preset: the surprises of one sprint, pinned by its id, so a retro page
 * keeps showing its own sprint after the next one starts (`openSprints()` would not).
 * No zod here: the config view bundles this module.
 */
import { closedNewestFirst, RECENT_CLOSED_SPRINTS, type Sprint } from '../retro/sprint-choice';

/** `sprint = ID AND learningSurprise = "true"`, as `sprintJql` writes it (case and spacing as a person may retype them). */
const SPRINT_JQL = /^sprint\s*=\s*(\d{1,15})\s+AND\s+learningSurprise\s*=\s*"true"$/i;

/** What the macro collects for a picked sprint: its learnings flagged as surprises. */
export function sprintJql(sprintId: number): string {
  return `sprint = ${sprintId} AND learningSurprise = "true"`;
}

/** The sprint a query collects, when it is exactly what `sprintJql` writes; null otherwise. */
export function sprintIdOf(jql: string): number | null {
  const [, id] = SPRINT_JQL.exec(jql.trim()) ?? [];
  const value = id ? Number(id) : NaN;
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}

const started = (sprint: Sprint): number => (sprint.startDate ? Date.parse(sprint.startDate) || 0 : 0);

/**
 * The picker's order: active sprints (the latest started first), then future ones (the next
 * first), then the recent closed ones (the newest first); a picked older sprint is kept at the end.
 */
export function sprintPickerOrder(sprints: readonly Sprint[], picked: Sprint | null, recent = RECENT_CLOSED_SPRINTS): Sprint[] {
  const active = sprints.filter((s) => s.state === 'active').sort((a, b) => started(b) - started(a) || b.id - a.id);
  const future = sprints
    .filter((s) => s.state === 'future')
    .sort((a, b) => (started(a) || Infinity) - (started(b) || Infinity) || a.id - b.id);
  const closed = closedNewestFirst(sprints).slice(0, recent);
  const offered = [...active, ...future, ...closed];
  if (picked && !offered.some((s) => s.id === picked.id)) offered.push(picked);
  return offered;
}
