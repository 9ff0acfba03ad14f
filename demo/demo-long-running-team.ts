/**
 * A long-running team: Booking Platform (PLAT) has run one-week sprints for four years,
 * 212 of them closed, one active, one planned. Jira's Agile API lists a board's sprints
 * oldest first (closed, then active, then future), 50 at most per page: an app that pages
 * from the start reads five pages of closed sprints before it meets the active one.
 */
import type { IssueRow, ProjectRow, SprintRow } from '../emulator';

type Handle = 'alice' | 'bob' | 'carol' | 'dan';

/** The project, led by bob (demo-data.ts fills in his account id). */
export const PLATFORM: Omit<ProjectRow, 'leadAccountId'> & { lead: Handle } = {
  id: '10005',
  key: 'PLAT',
  name: 'Booking Platform',
  lead: 'bob',
};

/** Closed sprints 1 to 212, the active 213, the future 214. */
export const PLATFORM_CLOSED_SPRINTS = 212;
export const PLATFORM_ACTIVE_SPRINT = PLATFORM_CLOSED_SPRINTS + 1;
const sprintId = (n: number) => 1000 + n;

const GOALS: Record<number, string> = {
  210: 'Seat maps without the legacy cache',
  211: 'Black Friday readiness',
  212: 'Split the booking database',
  213: 'Idempotent bookings everywhere',
  214: 'Booking API v3 beta',
};

/** The sprints, by `at(daysAgo, hour)` of the demo's clock: each starts on a Thursday, a week after the one before. */
export function platformSprints(at: (daysAgo: number, hour?: number) => string): SprintRow[] {
  const sprints: SprintRow[] = [];
  for (let n = 1; n <= PLATFORM_ACTIVE_SPRINT + 1; n++) {
    const startDaysAgo = 4 + 7 * (PLATFORM_ACTIVE_SPRINT - n);
    const state: SprintRow['state'] = n < PLATFORM_ACTIVE_SPRINT ? 'closed' : n === PLATFORM_ACTIVE_SPRINT ? 'active' : 'future';
    sprints.push({
      id: sprintId(n),
      projectKey: PLATFORM.key,
      name: `PLAT Sprint ${n}`,
      state,
      startDate: at(startDaysAgo, 9),
      endDate: at(startDaysAgo - 7, 8),
      completeDate: state === 'closed' ? at(startDaysAgo - 7, 8) : null,
      goal: GOALS[n] ?? '',
    });
  }
  return sprints;
}

export interface PlatformIssue {
  number: number;
  issueType: IssueRow['issueType'];
  status: IssueRow['status'];
  summary: string;
  description: string;
  assignee: Handle | null;
  reporter: Handle;
  labels: string[];
  /** The sprint's number (213 is the active one), or null for the backlog. */
  sprint: number | null;
  createdDaysAgo: number;
}

const issue = (
  number: number,
  issueType: IssueRow['issueType'],
  status: IssueRow['status'],
  summary: string,
  description: string,
  assignee: Handle | null,
  reporter: Handle,
  labels: string[],
  sprint: number | null,
  createdDaysAgo: number,
): PlatformIssue => ({
  number,
  issueType,
  status,
  summary,
  description,
  assignee,
  reporter,
  labels,
  sprint,
  createdDaysAgo,
});

export const PLATFORM_ISSUES: PlatformIssue[] = [
  issue(
    3390,
    'Epic',
    'In Progress',
    'Booking API v3',
    'A booking API that partners can call twice without booking twice.',
    'bob',
    'bob',
    [],
    null,
    120,
  ),
  issue(
    3395,
    'Story',
    'Done',
    'Split the booking service database',
    'Move seat holds out of the bookings database so a hold storm cannot slow down payments.',
    'bob',
    'bob',
    ['tech-debt', 'experiment'],
    212,
    12,
  ),
  issue(
    3396,
    'Task',
    'Done',
    'Load test the Black Friday peak',
    "Replay last year's Black Friday traffic at twice its volume against staging.",
    'alice',
    'bob',
    ['performance', 'experiment'],
    211,
    19,
  ),
  issue(
    3397,
    'Bug',
    'Done',
    'Timeouts on seat release under load',
    'Seat holds are not released when the release call times out under load.',
    'carol',
    'dan',
    ['bug'],
    212,
    10,
  ),
  issue(
    3401,
    'Story',
    'In Progress',
    'Cache seat maps at the edge',
    'Serve seat maps from the CDN for 30 seconds instead of asking the inventory service each time.',
    'bob',
    'bob',
    ['performance', 'experiment'],
    213,
    6,
  ),
  issue(
    3402,
    'Task',
    'In Review',
    'Retry policy for the payment gateway',
    'Retry a declined-for-timeout payment once, with the same idempotency key.',
    'alice',
    'bob',
    ['reliability'],
    213,
    5,
  ),
  issue(
    3403,
    'Bug',
    'To Do',
    'Booking reference collides after midnight UTC',
    'Two bookings made in the same second after midnight UTC can get the same reference.',
    null,
    'dan',
    ['bug'],
    213,
    3,
  ),
  issue(
    3404,
    'Story',
    'In Progress',
    'Idempotent booking requests',
    'Accept an idempotency key on POST /bookings and answer a repeat with the first booking.',
    'carol',
    'bob',
    ['experiment', 'reliability'],
    213,
    6,
  ),
  issue(
    3405,
    'Story',
    'To Do',
    'Deprecation notices for Booking API v2',
    'Tell partners still on v2 when it goes, in the API response headers and by email.',
    null,
    'bob',
    ['content'],
    null,
    2,
  ),
];

export interface PlatformRecord {
  issueKey: string;
  hypothesis: string;
  hypothesisBy: Handle;
  hypothesisDaysAgo: number;
  entries: Array<{ text: string; surprise?: boolean; by: Handle; daysAgo: number }>;
  outcome: 'open' | 'validated' | 'invalidated' | 'inconclusive';
  confidence: 'low' | 'medium' | 'high' | null;
  tags: string[];
}

export const PLATFORM_RECORDS: PlatformRecord[] = [
  {
    issueKey: 'PLAT-3401',
    hypothesis: 'Caching seat maps at the edge for 30 seconds will halve inventory calls without more double-booked seats.',
    hypothesisBy: 'bob',
    hypothesisDaysAgo: 6,
    entries: [
      { text: 'Inventory calls fell by 70% on the first day.', by: 'bob', daysAgo: 3 },
      {
        text: 'Seat conflicts at payment rose: people picked seats the cache still showed as free.',
        surprise: true,
        by: 'carol',
        daysAgo: 2,
      },
    ],
    outcome: 'inconclusive',
    confidence: 'medium',
    tags: ['performance', 'seats'],
  },
  {
    issueKey: 'PLAT-3404',
    hypothesis: 'Idempotency keys on booking requests will remove the duplicate bookings partners report after timeouts.',
    hypothesisBy: 'carol',
    hypothesisDaysAgo: 5,
    entries: [],
    outcome: 'open',
    confidence: null,
    tags: ['reliability', 'partners'],
  },
  {
    issueKey: 'PLAT-3396',
    hypothesis: "The booking service can take twice last year's Black Friday peak without new hardware.",
    hypothesisBy: 'alice',
    hypothesisDaysAgo: 18,
    entries: [
      { text: 'It held twice the peak, but the seat-hold table locked up at 2.4 times.', by: 'alice', daysAgo: 13 },
      { text: 'The slowest part was not the database but the PDF ticket renderer.', surprise: true, by: 'bob', daysAgo: 12 },
    ],
    outcome: 'validated',
    confidence: 'high',
    tags: ['performance', 'peak'],
  },
  {
    issueKey: 'PLAT-3395',
    hypothesis: 'Moving seat holds to their own database will keep payment latency flat during hold storms.',
    hypothesisBy: 'bob',
    hypothesisDaysAgo: 12,
    entries: [{ text: 'Payment p95 stayed under 400 ms through a simulated hold storm.', by: 'bob', daysAgo: 8 }],
    outcome: 'validated',
    confidence: 'medium',
    tags: ['performance', 'tech-debt'],
  },
];

/** The sprint id of a PLAT issue's sprint number. */
export const platformSprintId = (n: number | null): number | null => (n === null ? null : sprintId(n));
