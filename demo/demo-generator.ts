/**
 * The bulk of the demo site, generated: issues, epics and learning records
 * for several past sprints, the active sprint and the next one, built from
 * hand-written fragments with a seeded PRNG, so it is believable and the same
 * every time. Themes (pricing, refunds, checkout, onboarding, search...) are
 * shared across teams, so one team's learning is relevant to another's.
 */
import type { Confidence, Outcome } from '../src/domain/record/learning-record';
import type { IssueRow, SprintRow } from '../emulator';

import { AUDIENCES, MARKETS, TEAM_PLANS, THEMES, type Handle, type Idea, type TeamPlan, type Theme } from './demo-themes';
import { uniqueTitle, type TitledType } from './demo-titles';
import type { GeneratedEntry, GeneratedIssue, GeneratedRecord, GenerateOptions, SprintWindow } from './demo-generated-types';
import { CoverageQuota } from './demo-coverage-story';

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
  const titles = new Set(options.takenSummaries);
  const quota = new CoverageQuota(options.coverageStory);
  // The story's extra records draw from their own stream, so every other ticket stays as the seed made it.
  const storyRng = prng(options.seed ^ 0x5707);
  for (const plan of TEAM_PLANS) {
    let number = options.firstNumber[plan.projectKey] ?? 1;
    const writers = plan.people.filter((handle) => options.mayEdit(handle, plan.projectKey));
    if (writers.length === 0) throw new Error(`No one may edit ${plan.projectKey} in the demo.`);
    const team: Team = {
      plan,
      rng,
      storyRng,
      quota,
      options,
      writers,
      titles,
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
  storyRng: () => number;
  quota: CoverageQuota;
  options: GenerateOptions;
  /** The plan's people who may edit the project: they report, work on and write the records of its tickets. */
  writers: Handle[];
  /** Every ticket title so far, of every team: no two tickets share one. */
  titles: Set<string>;
  epics: string[];
  /** Surprises in the active sprint so far: the first few entries there are surprises. */
  activeSurprises: number;
  /** The next free key of the team, and its number. */
  nextKey: () => { key: string; number: number };
}

function addEpics({ plan, rng, epics, nextKey, writers, titles }: Team, out: TeamWork): void {
  for (const [index, name] of plan.epics.entries()) {
    const { key, number: issueNumber } = nextKey();
    epics.push(key);
    const theme = themeOf(nth(plan.themes, index % plan.themes.length, 'a theme of the plan'));
    const lead = nth(writers, 0, 'the team lead');
    titles.add(name);
    out.issues.push({
      key,
      projectKey: plan.projectKey,
      number: issueNumber,
      issueType: 'Epic',
      status: index === 2 ? 'To Do' : 'In Progress',
      summary: name,
      description: `${name}: the team's bet for this half. Starting point: ${nth(pick(rng, theme.ideas).findings, 0, 'a finding')
        .replace(/\{market\}/g, pick(rng, MARKETS))
        .toLowerCase()}`,
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

/** One story, task or bug in a sprint (or the backlog), and its learning record when it has one (bugs have none). */
function addWorkItem(team: Team, window: SprintWindow | null, out: TeamWork): void {
  const { plan, rng, options, epics, writers } = team;
  const theme = themeOf(rng() < 0.4 ? nth(plan.themes, 0, 'the main theme') : pick(rng, plan.themes));
  const roll = rng();
  // Bulk benchmark data (every item with a record) has no bugs: a bug's fix is not an experiment.
  const issueType: TitledType = roll < 0.55 || (roll >= 0.8 && options.recordShare >= 1) ? 'Story' : roll < 0.8 ? 'Task' : 'Bug';
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
  const idea = pick(rng, theme.ideas);
  const titled =
    issueType === 'Bug'
      ? uniqueTitle(rng, team.titles, 'Bug', pick(rng, theme.bugs), idea.metric)
      : uniqueTitle(rng, team.titles, issueType, idea.summary, idea.metric);
  const about: About = { idea, market: titled.market ?? pick(rng, MARKETS), audience: titled.audience ?? pick(rng, AUDIENCES) };
  const assignee = state === 'backlog' && rng() < 0.6 ? null : pick(rng, writers);
  const { key, number: issueNumber } = team.nextKey();
  const rolled = issueType !== 'Bug' && rng() < options.recordShare;
  const hasRecord = team.quota.hasRecord({ projectKey: plan.projectKey, window, status, mayHaveRecord: issueType !== 'Bug', rolled });
  out.issues.push({
    key,
    projectKey: plan.projectKey,
    number: issueNumber,
    issueType,
    status,
    summary: titled.title,
    description:
      issueType === 'Bug'
        ? `${titled.title}. Seen by ${about.audience} in ${about.market}; reported through support.`
        : `Try ${idea.change}. Why: we want to ${idea.effect}. Measure ${idea.metric} before and after.`,
    assignee,
    reporter: pick(rng, writers),
    labels: [...new Set([...(hasRecord ? ['experiment'] : []), ...(rng() < 0.4 ? [theme.tag] : [])])],
    sprintId: window?.sprint.id ?? null,
    parentKey: epics.length > 0 && rng() < 0.7 ? pick(rng, epics) : null,
    priority: pick(rng, ['Highest', 'High', 'Medium', 'Medium', 'Medium', 'Low', 'Lowest'] as const),
    createdDaysAgo,
    updatedDaysAgo: Math.max(0, Math.min(createdDaysAgo - 1, endDaysAgo)),
  });
  if (!rolled && !hasRecord) return;
  const hypothesisDaysAgo = Math.min(createdDaysAgo, Math.max(2, startDaysAgo + 1)); // at planning, not before the issue's creation
  const author = assignee ?? nth(writers, 0, 'the first writer of the team');
  // A rolled record is drawn even when the story drops it: the seeded stream goes on as before.
  const drawn = { ...team, rng: rolled ? team.rng : team.storyRng };
  const record = recordFor(drawn, theme, about, { key, state, author, hypothesisDaysAgo, endDaysAgo });
  if (rolled) team.activeSurprises = drawn.activeSurprises;
  if (hasRecord) out.records.push(record);
}

/** What a ticket is about: its idea, and the market and audience its title, hypothesis and learnings name. */
interface About {
  idea: Idea;
  market: string;
  audience: string;
}

interface RecordSeed {
  key: string;
  state: SprintRow['state'] | 'backlog';
  author: Handle;
  hypothesisDaysAgo: number;
  endDaysAgo: number;
}

function recordFor(
  team: Team,
  theme: Theme,
  about: About,
  { key, state, author, hypothesisDaysAgo, endDaysAgo }: RecordSeed,
): GeneratedRecord {
  const { rng } = team;
  const { idea, audience } = about;
  const n = 3 + Math.floor(rng() * 8) * 2;
  const hypothesis = `We believe ${idea.change} will ${idea.effect} for ${audience}. We'll know when we see ${articleBefore(n)} ${n}% change in ${idea.metric} over two weeks.`;
  const entryCount = state === 'closed' ? 1 + Math.floor(rng() * 3) : state === 'active' ? Math.floor(rng() * 3) : 0;
  const entries = entriesFor(team, about, state, entryCount, hypothesisDaysAgo, endDaysAgo);
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
            { url: `https://analytics.example.com/dashboards/${key.toLowerCase()}`, title: `${capitalise(idea.metric)} dashboard` },
          ],
        }
      : {}),
  };
}

/** Up to `entryCount` learnings about the ticket's own idea, none repeated, each by someone who may edit the ticket. */
function entriesFor(
  team: Team,
  about: About,
  state: RecordSeed['state'],
  entryCount: number,
  hypothesisDaysAgo: number,
  endDaysAgo: number,
): GeneratedEntry[] {
  const { rng, writers } = team;
  const fillIn = (text: string) => capitalise(text.replace(/\{market\}/g, about.market).replace(/\{audience\}/g, about.audience));
  const findings = about.idea.findings.map(fillIn);
  const surprises = about.idea.surprises.map(fillIn);
  const count = Math.min(entryCount, findings.length + surprises.length);
  const entries: GeneratedEntry[] = [];
  const lastDay = Math.max(1, endDaysAgo);
  const span = Math.max(1, hypothesisDaysAgo - lastDay);
  for (let e = 0; e < count; e++) {
    const forceSurprise = state === 'active' && team.activeSurprises < 4 && e === 0;
    const wantsSurprise = forceSurprise || rng() < 0.28;
    const surprise = surprises.length > 0 && (wantsSurprise || findings.length === 0);
    const from = surprise ? surprises : findings;
    const [text] = from.splice(Math.floor(rng() * from.length), 1);
    if (text === undefined) break;
    if (surprise && state === 'active') team.activeSurprises++;
    entries.push({
      text,
      surprise,
      by: pick(rng, writers),
      daysAgo: Math.max(1, Math.round(hypothesisDaysAgo - ((e + 1) * span) / (entryCount + 1))),
    });
  }
  return entries;
}
