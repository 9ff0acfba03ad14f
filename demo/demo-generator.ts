/**
 * The bulk of the demo site, generated: issues, epics and learning records
 * for several past sprints, the active sprint and the next one, built from
 * hand-written fragments with a seeded PRNG, so it is believable and the same
 * every time. Themes (pricing, refunds, checkout, onboarding, search...) are
 * shared across teams, so one team's learning is relevant to another's.
 */
import type { Confidence, Outcome } from '../src/domain/record/learning-record';
import type { IssueRow, SprintRow } from '../emulator';

import { AUDIENCES, MARKETS, TEAM_PLANS, THEMES, type Handle, type TeamPlan, type Theme } from './demo-themes';
import type { GeneratedEntry, GeneratedIssue, GeneratedRecord, GenerateOptions, SprintWindow } from './demo-generated-types';

export type { Handle };
export type { GeneratedEntry, GeneratedIssue, GeneratedRecord, GenerateOptions, SprintWindow } from './demo-generated-types';
export { TEAM_PLANS };

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The item at an index the code knows is there; an error naming it if not. */
export function nth<T>(list: readonly T[], index: number, what: string): T {
  const item = list[index];
  if (item === undefined) throw new Error(`Missing ${what} (index ${index} of ${list.length}).`);
  return item;
}

const pick = <T>(rng: () => number, list: readonly T[]): T => nth(list, Math.floor(rng() * list.length), 'an item to pick');
const themeOf = (name: string): Theme => {
  const theme = THEMES[name];
  if (!theme) throw new Error(`No demo theme ${name}.`);
  return theme;
};
const fill = (rng: () => number, template: string) =>
  template.replace(/\{market\}/g, () => pick(rng, MARKETS)).replace(/\{audience\}/g, () => pick(rng, AUDIENCES));
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Generates issues and records for every team and sprint window. */
/** "a" or "an" before a number as it is read aloud: an 8, an 11, an 18, an 80-something; a 12. */
export function articleBefore(n: number): 'a' | 'an' {
  const digits = String(Math.trunc(Math.abs(n)));
  const eighteenOrEleven = digits.length % 3 === 2 && (digits.startsWith('11') || digits.startsWith('18'));
  return digits.startsWith('8') || eighteenOrEleven ? 'an' : 'a';
}

export function generateTeamWork(
  windows: SprintWindow[],
  options: GenerateOptions,
): { issues: GeneratedIssue[]; records: GeneratedRecord[] } {
  const rng = prng(options.seed);
  const out: TeamWork = { issues: [], records: [] };
  for (const plan of TEAM_PLANS) {
    let number = options.firstNumber[plan.projectKey] ?? 1;
    const team: Team = {
      plan,
      rng,
      options,
      epics: [...(options.existingEpics[plan.projectKey] ?? [])],
      activeSurprises: 0,
      nextKey: () => {
        while (options.takenKeys?.has(`${plan.projectKey}-${number}`)) number++;
        return { key: `${plan.projectKey}-${number}`, number: number++ };
      },
    };
    if (options.newEpics) addEpics(team, out);
    const teamWindows = windows.filter((w) => w.sprint.projectKey === plan.projectKey);
    const slots: Array<{ window: SprintWindow | null; count: number }> = [
      ...teamWindows.map((w) => ({
        window: w,
        count:
          w.sprint.state === 'closed'
            ? options.perClosedSprint
            : w.sprint.state === 'active'
              ? options.perActiveSprint
              : options.perFutureSprint,
      })),
      { window: null, count: options.backlog },
    ];
    for (const { window, count } of slots) {
      for (let i = 0; i < count; i++) addWorkItem(team, window, out);
    }
  }
  return out;
}

type TeamWork = { issues: GeneratedIssue[]; records: GeneratedRecord[] };

/** One team's generation state; the PRNG is shared by all teams, in order. */
interface Team {
  plan: TeamPlan;
  rng: () => number;
  options: GenerateOptions;
  epics: string[];
  /** Surprises in the active sprint so far: the first few entries there are surprises. */
  activeSurprises: number;
  /** The next free key of the team, and its number. */
  nextKey: () => { key: string; number: number };
}

function addEpics({ plan, rng, epics, nextKey }: Team, out: TeamWork): void {
  for (const [index, name] of plan.epics.entries()) {
    const { key, number: issueNumber } = nextKey();
    epics.push(key);
    const theme = themeOf(nth(plan.themes, index % plan.themes.length, 'a theme of the plan'));
    const lead = nth(plan.people, 0, 'the team lead');
    out.issues.push({
      key,
      projectKey: plan.projectKey,
      number: issueNumber,
      issueType: 'Epic',
      status: index === 2 ? 'To Do' : 'In Progress',
      summary: name,
      description: `${name}: the team's bet for this half. Starting point: ${fill(rng, pick(rng, theme.findings)).toLowerCase()}`,
      assignee: lead,
      reporter: lead,
      labels: [theme.tag],
      sprintId: null,
      parentKey: null,
      priority: 'High',
      createdDaysAgo: 120 - index * 10,
      updatedDaysAgo: 3 + index,
    });
  }
}

/** One story, task or bug in a sprint (or the backlog), and its learning record when it has one. */
function addWorkItem(team: Team, window: SprintWindow | null, out: TeamWork): void {
  const { plan, rng, options, epics } = team;
  const themeName = rng() < 0.55 ? nth(plan.themes, 0, 'the main theme') : pick(rng, plan.themes);
  const theme = themeOf(themeName);
  const roll = rng();
  const issueType: IssueRow['issueType'] = roll < 0.55 ? 'Story' : roll < 0.8 ? 'Task' : 'Bug';
  const state = window?.sprint.state ?? 'backlog';
  const status: IssueRow['status'] =
    state === 'closed'
      ? rng() < 0.92
        ? 'Done'
        : 'In Review'
      : state === 'active'
        ? pick(rng, ['To Do', 'In Progress', 'In Progress', 'In Review', 'Done'] as const)
        : 'To Do';
  const startDaysAgo = window ? window.startDaysAgo : 30;
  const createdDaysAgo = Math.max(1, startDaysAgo + 1 + Math.floor(rng() * 12));
  const endDaysAgo = window ? Math.max(1, window.endDaysAgo) : 2;
  const summary = fill(rng, issueType === 'Bug' ? pick(rng, theme.bugs) : pick(rng, theme.summaries));
  const change = fill(rng, pick(rng, theme.changes));
  const assignee = state === 'backlog' && rng() < 0.6 ? null : pick(rng, plan.people);
  const { key, number: issueNumber } = team.nextKey();
  const hasRecord = issueType !== 'Bug' || options.recordShare >= 1 ? rng() < options.recordShare : rng() < options.recordShare / 3;
  out.issues.push({
    key,
    projectKey: plan.projectKey,
    number: issueNumber,
    issueType,
    status,
    summary,
    description:
      issueType === 'Bug'
        ? `${summary}. Seen by ${pick(rng, AUDIENCES)} in ${pick(rng, MARKETS)}; reported through support.`
        : `Try ${change}. Why: we want to ${fill(rng, pick(rng, theme.effects))}. Measure ${pick(rng, theme.metrics)} before and after.`,
    assignee,
    reporter: pick(rng, plan.people),
    labels: [...new Set([...(hasRecord ? ['experiment'] : []), ...(rng() < 0.4 ? [theme.tag] : [])])],
    sprintId: window?.sprint.id ?? null,
    parentKey: epics.length > 0 && rng() < 0.7 ? pick(rng, epics) : null,
    priority: pick(rng, ['Highest', 'High', 'Medium', 'Medium', 'Medium', 'Low', 'Lowest'] as const),
    createdDaysAgo,
    updatedDaysAgo: Math.max(0, Math.min(createdDaysAgo - 1, endDaysAgo)),
  });
  if (!hasRecord) return;
  const hypothesisDaysAgo = Math.max(2, Math.min(createdDaysAgo, startDaysAgo + 1));
  out.records.push(
    recordFor(team, theme, { key, state, change, author: assignee ?? nth(plan.people, 0, 'the team lead'), hypothesisDaysAgo, endDaysAgo }),
  );
}

interface RecordSeed {
  key: string;
  state: SprintRow['state'] | 'backlog';
  change: string;
  author: Handle;
  hypothesisDaysAgo: number;
  endDaysAgo: number;
}

function recordFor(team: Team, theme: Theme, { key, state, change, author, hypothesisDaysAgo, endDaysAgo }: RecordSeed): GeneratedRecord {
  const { rng } = team;
  const audience = pick(rng, AUDIENCES);
  const n = 3 + Math.floor(rng() * 8) * 2;
  const hypothesis = `We believe ${change} will ${fill(rng, pick(rng, theme.effects))} for ${audience}. We'll know when we see ${articleBefore(n)} ${n}% change in ${pick(rng, theme.metrics)} over two weeks.`;
  const entryCount = state === 'closed' ? 1 + Math.floor(rng() * 3) : state === 'active' ? Math.floor(rng() * 3) : 0;
  const entries = entriesFor(team, theme, state, entryCount, hypothesisDaysAgo, endDaysAgo);
  const outcome: Outcome =
    state === 'closed'
      ? pick(rng, ['validated', 'validated', 'invalidated', 'inconclusive'] as const)
      : state === 'active' && entries.length > 0 && rng() < 0.4
        ? 'inconclusive'
        : 'open';
  const confidence: Confidence | null = outcome === 'open' ? null : pick(rng, ['low', 'medium', 'medium', 'high'] as const);
  const tags = [...new Set([theme.tag, ...theme.related.filter(() => rng() < 0.45)])].slice(0, 4);
  return {
    issueKey: key,
    hypothesis,
    hypothesisBy: author,
    hypothesisDaysAgo,
    entries,
    outcome,
    confidence,
    tags,
    ...(rng() < 0.3 && entries.length > 0
      ? {
          evidence: [
            {
              url: `https://analytics.example.com/dashboards/${key.toLowerCase()}`,
              title: `${capitalise(pick(rng, theme.metrics))} dashboard`,
            },
          ],
        }
      : {}),
  };
}

function entriesFor(
  team: Team,
  theme: Theme,
  state: RecordSeed['state'],
  entryCount: number,
  hypothesisDaysAgo: number,
  endDaysAgo: number,
): GeneratedEntry[] {
  const { rng, plan } = team;
  const entries: GeneratedEntry[] = [];
  const lastDay = Math.max(1, endDaysAgo);
  const span = Math.max(1, hypothesisDaysAgo - lastDay);
  const used = new Set<string>();
  for (let e = 0; e < entryCount; e++) {
    const forceSurprise = state === 'active' && team.activeSurprises < 4 && e === 0;
    const surprise = forceSurprise || rng() < 0.28;
    let text = fill(rng, pick(rng, surprise ? theme.surprises : theme.findings));
    if (used.has(text)) text = `${text.replace(/\.$/, '')} (again in ${pick(rng, MARKETS)}).`;
    used.add(text);
    if (surprise && state === 'active') team.activeSurprises++;
    entries.push({
      text: capitalise(text),
      surprise,
      by: pick(rng, plan.people),
      daysAgo: Math.max(1, Math.round(hypothesisDaysAgo - ((e + 1) * span) / (entryCount + 1))),
    });
  }
  return entries;
}
