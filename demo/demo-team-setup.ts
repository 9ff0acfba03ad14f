// The demo's people, projects and sprints: who may do what, and the sprint calendar around DEMO_NOW.
import type { ProjectRow, SiteDataset, SprintRow, UserRow } from '../emulator';
import type { SprintWindow } from './demo-generator';

const DAY_MS = 86_400_000;

/**
 * The demo's "now": 09:00 UTC yesterday, so that every sprint sits where its state says whatever
 * the day (the active sprint contains today, the next one starts later, the previous ended before),
 * and nothing is dated later than the moment the site starts. `LL_DEMO_TODAY=YYYY-MM-DD` fixes the day.
 */
export function demoNowFor(today: Date): Date {
  const day = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return new Date(day - DAY_MS + 9 * 3_600_000);
}

function today(): Date {
  const fixed = process.env.LL_DEMO_TODAY;
  const parsed = fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed) ? new Date(`${fixed}T12:00:00.000Z`) : null;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : new Date();
}

/** The day the demo is built on: its dates are relative to it (its content does not change with it). */
export const DEMO_NOW = demoNowFor(today());

export const at = (daysAgo: number, hour = 10): string => {
  const date = new Date(DEMO_NOW.getTime() - daysAgo * DAY_MS);
  date.setUTCHours(hour, 0, 0, 0);
  return date.toISOString();
};

export const DEMO_USERS = {
  alice: {
    accountId: '5b10ac8d82e05b22cc7d4ef5',
    handle: 'alice',
    displayName: 'Alice Moreau',
    email: 'alice.moreau@example.com',
    timeZone: 'Europe/Paris',
    defaultLevel: 'edit',
  },
  bob: {
    accountId: '5c3f9e2a1b7d4e0012a8c6f1',
    handle: 'bob',
    displayName: 'Bob Okafor',
    email: 'bob.okafor@example.com',
    timeZone: 'Europe/London',
    defaultLevel: 'edit',
  },
  carol: {
    accountId: '60a7d3c4e5f6071234ab9c0d',
    handle: 'carol',
    displayName: 'Carol Jiménez',
    email: 'carol.jimenez@example.com',
    timeZone: 'Europe/Madrid',
    defaultLevel: 'edit',
  },
  dan: {
    accountId: '61f2b8e9c0d1a2003456ef78',
    handle: 'dan',
    displayName: 'Dan Kowalski',
    email: 'dan.kowalski@example.com',
    timeZone: 'Europe/Warsaw',
    defaultLevel: 'browse',
  },
} as const satisfies Record<string, UserRow>;

export type DemoUserHandle = keyof typeof DEMO_USERS;

/** Grants that differ from each user's default. */
export const GRANTS: SiteDataset['grants'] = [
  { accountId: DEMO_USERS.bob.accountId, projectKey: 'CHK', level: 'browse' },
  { accountId: DEMO_USERS.carol.accountId, projectKey: 'GROW', level: 'none' },
  // Carol leads Search: she manages its sprints (their learning goals); alice, the admin, manages every project's.
  { accountId: DEMO_USERS.carol.accountId, projectKey: 'SRCH', level: 'manage-sprints' },
];

/** Whether a demo user may edit a project: their grant there, else their default level. */
export function mayEditProject(handle: DemoUserHandle, projectKey: string): boolean {
  const { accountId, defaultLevel } = DEMO_USERS[handle];
  const grant = GRANTS.find((g) => g.accountId === accountId && g.projectKey === projectKey);
  // Managing sprints includes editing issues.
  const level = grant?.level ?? defaultLevel;
  return level === 'edit' || level === 'manage-sprints';
}

/** One line per user, for the index page and the README. */
export const DEMO_PERMISSIONS_SUMMARY: Record<DemoUserHandle, string> = {
  alice: 'admin: browse and edit every project, manage every sprint',
  bob: 'browse and edit, except CHK (browse only)',
  carol: 'browse and edit, manages SRCH sprints, except GROW (cannot browse)',
  dan: 'browse only, everywhere',
};

export const PROJECTS: ProjectRow[] = [
  { id: '10001', key: 'FLEX', name: 'Flex Refunds', leadAccountId: DEMO_USERS.alice.accountId },
  { id: '10002', key: 'CHK', name: 'Checkout', leadAccountId: DEMO_USERS.bob.accountId },
  { id: '10003', key: 'GROW', name: 'Growth', leadAccountId: DEMO_USERS.alice.accountId },
  { id: '10004', key: 'SRCH', name: 'Search', leadAccountId: DEMO_USERS.carol.accountId },
];

const SPRINT_GOALS: Record<string, string[]> = {
  FLEX: [
    'Flex pricing bands agreed',
    'Refund copy in every market',
    'Flex on the seat page',
    'A/B test the add-on label',
    'Ship the Flex label test',
    'Flex for low-price journeys',
    'Flex in the app',
  ],
  CHK: [
    'Checkout timings per device',
    'Guest checkout without an account',
    'Price breakdown before payment',
    'Apple Pay first on iOS',
    'Seat-hold countdown',
    'Save cards for guests',
    'One-page checkout pilot',
  ],
  GROW: [
    'Referral landing page',
    'Referral credit test',
    'Price-drop alerts',
    'Onboarding checklist',
    'Alert emails that work',
    'Push alerts for price drops',
    'Win-back campaign',
  ],
  SRCH: [
    'Click logging with position',
    'Best-value sort test',
    'Flexible dates toggle',
    'Refund badges on results',
    'Results without flicker',
    'Pricing service migration',
    'Search latency budget',
  ],
};

/** Two-week sprints: 18 to 22 closed, 23 active (DEMO_NOW is in its second week), 24 next. Ids 1 and 2 of each team stay as they were. */
export const SPRINTS: SprintRow[] = PROJECTS.flatMap((project, index) => {
  const base = 100 + index * 10;
  const goals = SPRINT_GOALS[project.key] ?? [];
  const closed = (id: number, n: number, startDaysAgo: number): SprintRow => ({
    id,
    projectKey: project.key,
    name: `${project.key} Sprint ${n}`,
    state: 'closed',
    startDate: at(startDaysAgo, 8),
    endDate: at(startDaysAgo - 14, 17),
    completeDate: at(startDaysAgo - 14, 17),
    goal: goals[n - 18] ?? '',
  });
  return [
    closed(base + 1, 22, 21),
    {
      id: base + 2,
      projectKey: project.key,
      name: `${project.key} Sprint 23`,
      state: 'active',
      startDate: at(7, 8),
      endDate: at(-7, 17),
      goal: goals[5] ?? '',
    },
    {
      id: base + 3,
      projectKey: project.key,
      name: `${project.key} Sprint 24`,
      state: 'future',
      startDate: at(-7, 8),
      endDate: at(-21, 17),
      goal: goals[6] ?? '',
    },
    closed(base + 4, 18, 77),
    closed(base + 5, 19, 63),
    closed(base + 6, 20, 49),
    closed(base + 7, 21, 35),
  ] satisfies SprintRow[];
});

/** A demo sprint's id by its project and number ("FLEX", 23): what a retro page pins, since sprints are chosen by name. */
export function demoSprintId(projectKey: string, sprintNumber: number): number {
  const sprint = SPRINTS.find((s) => s.projectKey === projectKey && s.name === `${projectKey} Sprint ${sprintNumber}`);
  if (!sprint) throw new Error(`The demo has no ${projectKey} Sprint ${sprintNumber}.`);
  return sprint.id;
}

/** The sprint windows, in days before DEMO_NOW, for the generated work. */
export const SPRINT_WINDOWS: SprintWindow[] = SPRINTS.map((sprint) => ({
  sprint,
  startDaysAgo: Math.round((DEMO_NOW.getTime() - Date.parse(sprint.startDate)) / DAY_MS),
  endDaysAgo: Math.round((DEMO_NOW.getTime() - Date.parse(sprint.endDate)) / DAY_MS),
}));
