/**
 * The demo site: four teams with ~100 issues each, a long-running fifth (demo-long-running-team.ts), four users with different
 * permissions, and learning records built with the app's own domain code so
 * they are valid. Deterministic: every date is relative to DEMO_NOW.
 */
import {
  LEARNING_PROPERTY_KEY,
  emptyDraft,
  stampRevision,
  toStoredProperty,
  type Confidence,
  type LearningDraft,
  type LearningRecord,
  type Outcome,
} from '../src/domain/record/learning-record';
import { storageKeys } from '../src/forge/platform/storage-keys';
import { personalDataIndexOf } from './demo-personal-data';
import { generateTeamWork, type GeneratedIssue, type SprintWindow } from './demo-generator';
import { PLATFORM, PLATFORM_ISSUES, PLATFORM_RECORDS, platformSprintId, platformSprints } from './demo-long-running-team';
import { relevanceSetKeys, withRelevanceSet } from './demo-relevance-set';
import type { SiteDataset, IssueRow, LocalStore, PermissionLevel, ProjectRow, SprintRow, UserRow } from '../emulator';

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

const at = (daysAgo: number, hour = 10): string => {
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
const GRANTS: SiteDataset['grants'] = [
  { accountId: DEMO_USERS.bob.accountId, projectKey: 'CHK', level: 'browse' },
  { accountId: DEMO_USERS.carol.accountId, projectKey: 'GROW', level: 'none' },
];

/** One line per user, for the index page and the README. */
export const DEMO_PERMISSIONS_SUMMARY: Record<DemoUserHandle, string> = {
  alice: 'admin: browse and edit every project',
  bob: 'browse and edit, except CHK (browse only)',
  carol: 'browse and edit, except GROW (cannot browse)',
  dan: 'browse only, everywhere',
};

const PROJECTS: ProjectRow[] = [
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
const SPRINTS: SprintRow[] = PROJECTS.flatMap((project, index) => {
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
const SPRINT_WINDOWS: SprintWindow[] = SPRINTS.map((sprint) => ({
  sprint,
  startDaysAgo: Math.round((DEMO_NOW.getTime() - Date.parse(sprint.startDate)) / DAY_MS),
  endDaysAgo: Math.round((DEMO_NOW.getTime() - Date.parse(sprint.endDate)) / DAY_MS),
}));

type Who = DemoUserHandle | null;
/**
 * [number, type, status, summary, description, assignee, reporter, labels, sprint (22|23|null), created days ago].
 * `Closed` (FLEX-103, 104, 108): finished and closed, a status whose fields Jira does not let anyone edit
 * (jira.issue.editable=false), though learnings may still be written there.
 */
type IssueSpec = [number, IssueRow['issueType'], IssueRow['status'], string, string, Who, DemoUserHandle, string[], 22 | 23 | null, number];

const ISSUES: Record<string, IssueSpec[]> = {
  FLEX: [
    [
      101,
      'Epic',
      'In Progress',
      'Flex refunds for low-price journeys',
      'Make Flex (a refundable ticket add-on) work for journeys under €30, where today almost nobody buys it.',
      'alice',
      'alice',
      ['flex'],
      null,
      60,
    ],
    [
      102,
      'Story',
      'Done',
      'Track refund-option impressions per journey price band',
      'Add an analytics event whenever the refund options are shown, with the journey price band, so we can compare uptake across bands.',
      'bob',
      'alice',
      ['analytics'],
      22,
      40,
    ],
    [
      103,
      'Task',
      'Closed',
      'Define price bands with Finance',
      'Agree with Finance on the price bands (<€15, €15–30, €30–60, >€60) used in every Flex report.',
      'alice',
      'alice',
      [],
      22,
      38,
    ],
    [
      104,
      'Bug',
      'Closed',
      'Flex price shown in GBP for Spanish customers',
      'Customers browsing from Spain see the Flex add-on price in GBP on the seat page. Should follow the journey currency.',
      'bob',
      'carol',
      ['bug', 'i18n'],
      22,
      30,
    ],
    [
      105,
      'Story',
      'Done',
      'Show the refund amount upfront on seat selection',
      'Display "Get €X back if you cancel" next to the Flex option on the seat selection page.',
      'carol',
      'alice',
      ['experiment'],
      22,
      29,
    ],
    [
      106,
      'Task',
      'In Progress',
      'Refund policy copy review with Legal',
      'Legal review of the new refund wording before it goes to all markets.',
      'alice',
      'bob',
      ['legal'],
      23,
      20,
    ],
    [
      107,
      'Story',
      'To Do',
      'Offer Flex in the app booking flow',
      'The mobile app still shows the old "refundable ticket" upsell. Bring Flex to the app booking flow.',
      null,
      'alice',
      ['mobile'],
      null,
      18,
    ],
    [
      108,
      'Story',
      'Closed',
      'A/B test: "Flex" versus "Flexible ticket" label',
      'Run a two-week A/B test of the add-on label on the payment page in ES, IT and FR.',
      'carol',
      'alice',
      ['experiment', 'copy'],
      22,
      26,
    ],
    [
      109,
      'Bug',
      'In Review',
      'Flex refund email sent twice',
      'Some customers receive the Flex refund confirmation email twice when they cancel from the app.',
      'bob',
      'dan',
      ['bug', 'email'],
      23,
      9,
    ],
    [
      110,
      'Story',
      'In Progress',
      'Bundle Flex with seat choice in Italy',
      'Offer Flex and a seat choice together at a small discount, for Italian journeys only.',
      'carol',
      'alice',
      ['experiment'],
      23,
      8,
    ],
    [
      111,
      'Task',
      'To Do',
      'Flex uptake dashboard for the weekly review',
      'One dashboard with Flex uptake per market and per price band, refreshed daily.',
      'bob',
      'alice',
      ['analytics'],
      23,
      6,
    ],
    [
      112,
      'Story',
      'In Progress',
      'Offer Flex as a refund option in low-price journeys',
      'Today Flex is only offered on journeys over €30. Offer it as a refund option in low-price journeys too, and measure drop-off on the payment page.',
      'alice',
      'alice',
      ['experiment', 'flex'],
      23,
      24,
    ],
    [
      113,
      'Story',
      'To Do',
      'Explain Flex in the FAQ and help centre',
      'Write the help centre article and FAQ entries for Flex, in all supported languages.',
      null,
      'bob',
      ['content'],
      null,
      4,
    ],
    [
      114,
      'Bug',
      'To Do',
      'Flex badge overlaps price on small screens',
      'On screens narrower than 360 px, the Flex badge covers the ticket price on the results page.',
      null,
      'dan',
      ['bug', 'mobile'],
      null,
      2,
    ],
  ],
  CHK: [
    [
      40,
      'Epic',
      'In Progress',
      'Faster guest checkout',
      'Cut the time and steps a guest needs to pay, without hurting fraud rates.',
      'bob',
      'bob',
      [],
      null,
      70,
    ],
    [
      41,
      'Task',
      'Done',
      'Instrument checkout step timings',
      'Record time spent on each checkout step, per device, to find where people stall.',
      'alice',
      'bob',
      ['analytics'],
      22,
      45,
    ],
    [
      42,
      'Story',
      'Done',
      'Remove the account-creation step from guest checkout',
      'Let guests pay without creating an account; offer account creation on the confirmation page instead.',
      'bob',
      'bob',
      ['experiment'],
      22,
      35,
    ],
    [
      43,
      'Bug',
      'Done',
      'Promo code field clears on payment error',
      'If the card is declined, the promo code field is emptied and the discount disappears.',
      'carol',
      'dan',
      ['bug'],
      22,
      28,
    ],
    [
      44,
      'Task',
      'In Progress',
      'Upgrade the payment SDK to v5',
      'The payment provider retires SDK v4 in January. Upgrade and re-test 3-D Secure flows.',
      'alice',
      'bob',
      ['tech-debt'],
      23,
      15,
    ],
    [
      45,
      'Story',
      'Done',
      'Apple Pay as the first payment option on mobile',
      'On iOS, show Apple Pay above cards as the default payment option.',
      'bob',
      'bob',
      ['experiment', 'mobile'],
      22,
      27,
    ],
    [
      46,
      'Bug',
      'In Review',
      'Checkout total rounds wrong with three passengers',
      'With three passengers and a 10% discount, the total is off by one cent.',
      'carol',
      'dan',
      ['bug'],
      23,
      7,
    ],
    [
      47,
      'Story',
      'Done',
      'Show the full price breakdown before payment',
      'Show fees, taxes and add-ons line by line before the payment step.',
      'alice',
      'bob',
      ['experiment', 'pricing'],
      22,
      33,
    ],
    [
      48,
      'Task',
      'To Do',
      'Remove the legacy PayPal redirect flow',
      'The in-context PayPal flow has been live for a quarter; remove the redirect fallback.',
      null,
      'bob',
      ['tech-debt'],
      null,
      10,
    ],
    [
      49,
      'Story',
      'Done',
      'Countdown timer on the seat hold',
      'Show how long the selected seats are held (10 minutes) with a visible countdown.',
      'carol',
      'bob',
      ['experiment'],
      22,
      31,
    ],
    [
      50,
      'Story',
      'In Progress',
      'Save card details for returning guests',
      'Offer guests to save their card with the payment provider for next time, without an account.',
      'bob',
      'bob',
      ['experiment'],
      23,
      9,
    ],
    [
      51,
      'Bug',
      'To Do',
      'Address autocomplete fails for Irish Eircodes',
      'Billing address autocomplete does not recognise Eircodes.',
      null,
      'carol',
      ['bug', 'i18n'],
      null,
      3,
    ],
  ],
  GROW: [
    [
      7,
      'Epic',
      'In Progress',
      'Referral programme',
      'A referral programme that brings in new customers, not just rewards existing ones.',
      'alice',
      'alice',
      [],
      null,
      90,
    ],
    [
      8,
      'Task',
      'Done',
      'Referral landing page',
      'A landing page for referred customers, with the credit applied automatically.',
      'dan',
      'alice',
      [],
      22,
      50,
    ],
    [
      9,
      'Story',
      'Done',
      'Referral credit for the first booking',
      'Give €5 credit to both the referrer and the new customer on their first booking.',
      'bob',
      'alice',
      ['experiment'],
      22,
      44,
    ],
    [
      10,
      'Bug',
      'Done',
      'Referral links broken in WhatsApp previews',
      'Shared referral links lose their tracking parameter in WhatsApp link previews.',
      'bob',
      'dan',
      ['bug'],
      22,
      25,
    ],
    [
      11,
      'Task',
      'In Progress',
      'Weekly growth metrics review template',
      'A Confluence template for the weekly review of acquisition and retention metrics.',
      'alice',
      'alice',
      [],
      23,
      12,
    ],
    [
      12,
      'Story',
      'Done',
      'Price-drop alert emails',
      'Let customers follow a route and email them when the price drops by more than 10%.',
      'alice',
      'alice',
      ['experiment', 'email'],
      22,
      40,
    ],
    [
      13,
      'Story',
      'To Do',
      'Win-back campaign for lapsed customers',
      'Target customers who have not booked for 6 months with a tailored offer.',
      null,
      'alice',
      ['email'],
      null,
      5,
    ],
    [
      14,
      'Story',
      'Done',
      'Onboarding checklist in the app',
      'A three-step checklist (add a passenger, follow a route, enable notifications) for new app users.',
      'bob',
      'alice',
      ['experiment', 'mobile'],
      22,
      36,
    ],
    [
      15,
      'Bug',
      'In Review',
      'Unsubscribe link returns 500 for old accounts',
      'Accounts created before 2019 get a server error when unsubscribing from alert emails.',
      'dan',
      'bob',
      ['bug', 'email'],
      23,
      6,
    ],
    [
      16,
      'Task',
      'To Do',
      'Consent banner update for alerts',
      'Update the consent wording for price alerts after the privacy review.',
      null,
      'alice',
      ['legal'],
      null,
      3,
    ],
    [
      17,
      'Story',
      'In Progress',
      'Push notifications for price drops',
      'Send price-drop alerts as push notifications to app users who prefer them.',
      'bob',
      'alice',
      ['experiment', 'mobile'],
      23,
      8,
    ],
  ],
  SRCH: [
    [
      201,
      'Epic',
      'In Progress',
      'Search results that help people choose',
      'Make the results page help people pick a journey, not just list them.',
      'carol',
      'carol',
      [],
      null,
      80,
    ],
    [
      202,
      'Task',
      'Done',
      'Log result clicks with position',
      'Record the position of each clicked result so ranking changes can be evaluated.',
      'carol',
      'carol',
      ['analytics'],
      22,
      48,
    ],
    [
      203,
      'Story',
      'Done',
      'Default sort by "best value"',
      'Make "best value" (price weighted by duration and changes) the default sort instead of departure time.',
      'carol',
      'carol',
      ['experiment', 'ranking'],
      22,
      34,
    ],
    [
      204,
      'Bug',
      'Done',
      'Results flicker when changing the date',
      'The results list flashes empty for a moment when the date is changed.',
      'bob',
      'dan',
      ['bug'],
      22,
      23,
    ],
    [
      205,
      'Task',
      'In Progress',
      'Move search to the new pricing service',
      'Search still calls the legacy fare service; switch to the pricing service.',
      'alice',
      'carol',
      ['tech-debt'],
      23,
      14,
    ],
    [
      206,
      'Story',
      'Done',
      'Flexible dates toggle in search',
      'A toggle that shows the cheapest journeys within ±3 days of the chosen date.',
      'carol',
      'carol',
      ['experiment'],
      22,
      32,
    ],
    [
      207,
      'Bug',
      'To Do',
      'Station names not accented in autocomplete',
      'Autocomplete shows "Cordoba" for "Córdoba" and does not match accented input.',
      null,
      'carol',
      ['bug', 'i18n'],
      null,
      4,
    ],
    [
      208,
      'Story',
      'Done',
      'Refund policy badge on search results',
      'Show a "Free cancellation" or "Flex available" badge on each result.',
      'bob',
      'carol',
      ['experiment', 'flex'],
      22,
      30,
    ],
    [
      209,
      'Story',
      'In Progress',
      'Recently searched routes on the home page',
      'Show the last three searched routes on the home page for quick re-search.',
      'carol',
      'carol',
      [],
      23,
      9,
    ],
    [
      210,
      'Task',
      'To Do',
      'Search latency budget and alerting',
      'Set a p95 latency budget of 800 ms for search and alert when it is exceeded.',
      null,
      'carol',
      ['performance'],
      null,
      2,
    ],
  ],
};

interface EntrySpec {
  text: string;
  surprise?: boolean;
  by: DemoUserHandle;
  daysAgo: number;
}

interface RecordSpec {
  issueKey: string;
  hypothesis: string;
  hypothesisBy: DemoUserHandle;
  hypothesisDaysAgo: number;
  entries: EntrySpec[];
  outcome: Outcome;
  confidence: Confidence | null;
  tags: string[];
  evidence?: Array<{ url: string; title: string }>;
}

export const FLEX_112 = {
  key: 'FLEX-112',
  summary: 'Offer Flex as a refund option in low-price journeys',
  hypothesis: 'Presenting Flex as a refund option will reduce drop-off in low-price journeys.',
  learnings: ["Customers in Spain engaged more, even if they didn't buy.", 'Labeling matters more than refund amount.'],
} as const;

const HAND_WRITTEN_RECORDS: RecordSpec[] = [
  {
    issueKey: FLEX_112.key,
    hypothesis: FLEX_112.hypothesis,
    hypothesisBy: 'alice',
    hypothesisDaysAgo: 24,
    entries: [
      { text: FLEX_112.learnings[0], by: 'carol', daysAgo: 10 },
      { text: FLEX_112.learnings[1], surprise: true, by: 'alice', daysAgo: 6 },
    ],
    outcome: 'inconclusive',
    confidence: 'medium',
    tags: ['pricing', 'refunds', 'checkout'],
    evidence: [
      { url: 'https://analytics.example.com/dashboards/flex-low-price-funnel', title: 'Low-price journey funnel, last eight weeks' },
      { url: 'https://research.example.com/studies/flex-refund-interviews-es', title: 'Customer interviews, Spain' },
    ],
  },
  {
    issueKey: 'FLEX-108',
    hypothesis:
      'Calling the add-on "Flexible ticket" instead of "Flex" will raise the add rate, because people understand it without reading the details.',
    hypothesisBy: 'carol',
    hypothesisDaysAgo: 26,
    entries: [
      { text: '"Flexible ticket" beat "Flex" by 4 points of add rate in all three markets.', surprise: true, by: 'carol', daysAgo: 12 },
      { text: 'The effect was largest on journeys under €20, where the add-on price is a big share of the fare.', by: 'bob', daysAgo: 11 },
    ],
    outcome: 'validated',
    confidence: 'high',
    tags: ['labeling', 'copy', 'refunds'],
    evidence: [{ url: 'https://experiments.example.com/exp/flex-label-ab', title: 'A/B test results: add-on label' }],
  },
  {
    issueKey: 'FLEX-105',
    hypothesis: 'Showing the exact refund amount on seat selection will increase Flex uptake.',
    hypothesisBy: 'alice',
    hypothesisDaysAgo: 29,
    entries: [{ text: 'Showing the amount did not move uptake: people skim past numbers on the seat page.', by: 'carol', daysAgo: 16 }],
    outcome: 'invalidated',
    confidence: 'medium',
    tags: ['pricing', 'refunds'],
  },
  {
    issueKey: 'FLEX-110',
    hypothesis:
      'We believe bundling Flex with a seat choice will raise the Flex attach rate in Italy. We will know when the attach rate grows by 3 points over two weeks.',
    hypothesisBy: 'carol',
    hypothesisDaysAgo: 8,
    entries: [],
    outcome: 'open',
    confidence: null,
    tags: ['bundling', 'pricing'],
  },
  {
    issueKey: 'CHK-42',
    hypothesis: 'Letting guests pay without creating an account will cut checkout abandonment by 10%.',
    hypothesisBy: 'bob',
    hypothesisDaysAgo: 35,
    entries: [
      { text: 'Abandonment fell by 6%, not 10%: the payment step is now the biggest drop.', by: 'bob', daysAgo: 20 },
      {
        text: 'Returning customers still created accounts afterwards, at the same rate as before.',
        surprise: true,
        by: 'alice',
        daysAgo: 18,
      },
    ],
    outcome: 'validated',
    confidence: 'medium',
    tags: ['checkout', 'conversion'],
    evidence: [{ url: 'https://analytics.example.com/dashboards/guest-checkout', title: 'Guest checkout funnel' }],
  },
  {
    issueKey: 'CHK-45',
    hypothesis: 'Putting Apple Pay first on iOS will make mobile payment faster without changing conversion.',
    hypothesisBy: 'bob',
    hypothesisDaysAgo: 27,
    entries: [
      { text: 'Apple Pay first doubled wallet usage on iOS and cut payment time by 40 seconds.', by: 'bob', daysAgo: 14 },
      {
        text: 'Customers who used to reuse a saved card now mostly use Apple Pay, so saved-card reuse dropped.',
        surprise: true,
        by: 'carol',
        daysAgo: 13,
      },
    ],
    outcome: 'validated',
    confidence: 'high',
    tags: ['checkout', 'payments', 'mobile'],
  },
  {
    issueKey: 'CHK-47',
    hypothesis: 'Showing the full price breakdown before payment will reduce support contacts about fees.',
    hypothesisBy: 'alice',
    hypothesisDaysAgo: 33,
    entries: [
      { text: 'Fee-related support contacts dropped 18% in the two weeks after release.', by: 'alice', daysAgo: 15 },
      { text: 'Conversion on the payment step did not change.', by: 'bob', daysAgo: 15 },
    ],
    outcome: 'validated',
    confidence: 'high',
    tags: ['pricing', 'checkout', 'support'],
  },
  {
    issueKey: 'CHK-49',
    hypothesis: 'A visible countdown on the seat hold will make people finish checkout faster.',
    hypothesisBy: 'carol',
    hypothesisDaysAgo: 31,
    entries: [
      { text: 'Median checkout time fell by 25 seconds.', by: 'carol', daysAgo: 17 },
      { text: 'Abandonment rose among customers over 60: the timer made them anxious.', surprise: true, by: 'carol', daysAgo: 16 },
    ],
    outcome: 'inconclusive',
    confidence: 'low',
    tags: ['checkout', 'urgency'],
  },
  {
    issueKey: 'CHK-50',
    hypothesis: 'Offering guests to save their card will increase repeat bookings within 30 days.',
    hypothesisBy: 'bob',
    hypothesisDaysAgo: 9,
    entries: [],
    outcome: 'open',
    confidence: null,
    tags: ['checkout', 'payments', 'retention'],
  },
  {
    issueKey: 'GROW-9',
    hypothesis: 'A €5 referral credit will bring in new customers at a lower cost than paid search.',
    hypothesisBy: 'alice',
    hypothesisDaysAgo: 44,
    entries: [
      {
        text: 'Most credits went to existing heavy users referring each other, not to new customers.',
        surprise: true,
        by: 'bob',
        daysAgo: 21,
      },
      { text: 'Cost per genuinely new customer was twice that of paid search.', by: 'alice', daysAgo: 20 },
    ],
    outcome: 'invalidated',
    confidence: 'high',
    tags: ['referrals', 'acquisition'],
  },
  {
    issueKey: 'GROW-12',
    hypothesis: 'Price-drop alerts will bring customers back to book more often.',
    hypothesisBy: 'alice',
    hypothesisDaysAgo: 40,
    entries: [
      { text: 'Alert subscribers booked 2.3 times more often than similar customers.', by: 'alice', daysAgo: 19 },
      {
        text: 'They mostly booked routes they already travel: alerts changed timing, not destinations.',
        surprise: true,
        by: 'dan',
        daysAgo: 18,
      },
    ],
    outcome: 'validated',
    confidence: 'medium',
    tags: ['pricing', 'email', 'retention'],
    evidence: [{ url: 'https://analytics.example.com/reports/price-alerts-cohort', title: 'Price alerts cohort report' }],
  },
  {
    issueKey: 'GROW-14',
    hypothesis: 'Completing an onboarding checklist will raise 30-day retention of new app users.',
    hypothesisBy: 'bob',
    hypothesisDaysAgo: 36,
    entries: [
      {
        text: 'Users who completed the checklist retained better, but forcing it on everyone did not help.',
        surprise: true,
        by: 'bob',
        daysAgo: 17,
      },
    ],
    outcome: 'inconclusive',
    confidence: 'low',
    tags: ['onboarding', 'retention', 'mobile'],
  },
  {
    issueKey: 'SRCH-203',
    hypothesis: 'Sorting by "best value" by default will help people choose faster and book more.',
    hypothesisBy: 'carol',
    hypothesisDaysAgo: 34,
    entries: [
      {
        text: 'Clicks on the first result dropped 12%: people expect the cheapest journey first.',
        surprise: true,
        by: 'carol',
        daysAgo: 19,
      },
      { text: 'Bookings were flat; time to first click went up.', by: 'carol', daysAgo: 19 },
    ],
    outcome: 'invalidated',
    confidence: 'high',
    tags: ['search', 'pricing', 'ranking'],
  },
  {
    issueKey: 'SRCH-206',
    hypothesis: 'A flexible-dates toggle will help price-sensitive customers find a journey they book.',
    hypothesisBy: 'carol',
    hypothesisDaysAgo: 32,
    entries: [
      { text: 'People who used flexible dates booked journeys 14% cheaper and converted at the same rate.', by: 'carol', daysAgo: 14 },
    ],
    outcome: 'validated',
    confidence: 'medium',
    tags: ['search', 'pricing'],
  },
  {
    issueKey: 'SRCH-208',
    hypothesis: 'A refund-policy badge on each result will raise clicks on refundable journeys.',
    hypothesisBy: 'carol',
    hypothesisDaysAgo: 30,
    entries: [
      { text: 'A "Free cancellation" badge lifted clicks by 9%; "Flex available" did nothing.', surprise: true, by: 'bob', daysAgo: 12 },
      { text: 'The wording of the badge mattered more than the policy behind it.', by: 'carol', daysAgo: 11 },
    ],
    outcome: 'validated',
    confidence: 'medium',
    tags: ['refunds', 'labeling', 'search'],
  },
];

const slug = (issueKey: string): string => issueKey.toLowerCase().replace(/[^a-z0-9]+/g, '');

/**
 * Builds a record the way the app would have: one revision for the
 * hypothesis, then one per learning, each by its author at its time. Earlier
 * revisions become the app's kept history in KVS.
 */
function buildRecord(spec: RecordSpec): { record: LearningRecord; history: LearningRecord[] } {
  const history: LearningRecord[] = [];
  const evidence = (spec.evidence ?? []).map((link, index) => ({ id: `ev-${slug(spec.issueKey)}-${index + 1}`, ...link }));
  const first: LearningDraft = {
    ...emptyDraft(),
    hypothesis: spec.hypothesis,
    tags: [...spec.tags],
    evidence: spec.entries.length === 0 ? evidence : [],
    outcome: spec.entries.length === 0 ? spec.outcome : 'open',
    confidence: spec.entries.length === 0 ? spec.confidence : null,
  };
  let record = stampRevision(null, first, {
    accountId: DEMO_USERS[spec.hypothesisBy].accountId,
    now: new Date(at(spec.hypothesisDaysAgo)),
  });
  spec.entries.forEach((entry, index) => {
    history.push(record);
    const last = index === spec.entries.length - 1;
    const draft: LearningDraft = {
      hypothesis: record.hypothesis,
      learnings: [
        ...record.learnings.map(({ id, text, surprise }) => ({ id, text, surprise })),
        { id: `l-${slug(spec.issueKey)}-${index + 1}`, text: entry.text, surprise: entry.surprise ?? false },
      ],
      outcome: last ? spec.outcome : record.outcome,
      confidence: last ? spec.confidence : record.confidence,
      tags: [...record.tags],
      evidence: last ? evidence : record.evidence,
    };
    record = stampRevision(record, draft, { accountId: DEMO_USERS[entry.by].accountId, now: new Date(at(entry.daysAgo, 15)) });
  });
  return { record, history };
}

/** The demo's seed: change it and the generated part of the site changes, deterministically. */
export const DEMO_SEED = 20261116;

export interface DemoOptions {
  /** Extra issues with a learning record each, for benchmarks (spread over the teams' closed sprints). */
  extraLearnings?: number;
  /** Seed of the extra learnings (the demo itself always uses DEMO_SEED). */
  seed?: number;
}

const lastNumber = (project: string) => Math.max(...(ISSUES[project] ?? []).map(([n]) => n));
const EXISTING_EPICS: Record<string, string[]> = Object.fromEntries(
  Object.entries(ISSUES).map(([project, specs]) => [project, specs.filter(([, type]) => type === 'Epic').map(([n]) => `${project}-${n}`)]),
);

/**
 * The generated part of the demo: epics, ~70 issues per team over sprints 18–24 and the backlog, most with a record.
 * Its numbering skips the labelled set's keys (FLEX-901...), which large `extraLearnings` would otherwise reach.
 */
function generatedWork(options: DemoOptions): { issues: GeneratedIssue[]; records: RecordSpec[] } {
  const takenKeys = relevanceSetKeys();
  const base = generateTeamWork(SPRINT_WINDOWS, {
    seed: DEMO_SEED,
    perClosedSprint: 10,
    perActiveSprint: 12,
    perFutureSprint: 6,
    backlog: 6,
    recordShare: 0.62,
    firstNumber: Object.fromEntries(PROJECTS.map((p) => [p.key, lastNumber(p.key) + 1])),
    existingEpics: EXISTING_EPICS,
    newEpics: true,
    takenKeys,
  });
  if (!options.extraLearnings) return base;
  const next: Record<string, number> = {};
  for (const issue of base.issues) next[issue.projectKey] = Math.max(next[issue.projectKey] ?? 0, issue.number + 1);
  const closedWindows = SPRINT_WINDOWS.filter((w) => w.sprint.state === 'closed');
  const perSprint = Math.ceil(options.extraLearnings / closedWindows.length);
  const extra = generateTeamWork(closedWindows, {
    seed: options.seed ?? DEMO_SEED + 1,
    perClosedSprint: perSprint,
    perActiveSprint: 0,
    perFutureSprint: 0,
    backlog: 0,
    recordShare: 1.01,
    firstNumber: next,
    existingEpics: EXISTING_EPICS,
    newEpics: false,
    takenKeys,
  });
  const keep = new Set(extra.records.slice(0, options.extraLearnings).map((r) => r.issueKey));
  return {
    issues: [...base.issues, ...extra.issues.filter((i) => keep.has(i.key))],
    records: [...base.records, ...extra.records.filter((r) => keep.has(r.issueKey))],
  };
}

/** Every record spec of the demo: the hand-written ones (FLEX-112...) and the generated ones. */
function allRecords(options: DemoOptions = {}): RecordSpec[] {
  return [...HAND_WRITTEN_RECORDS, ...withRelevanceSet(generatedWork(options)).records, ...PLATFORM_RECORDS];
}

/** The demo records by issue key, as the app would read them. */
export function demoRecords(): Map<string, LearningRecord> {
  return new Map(allRecords().map((spec) => [spec.issueKey, buildRecord(spec).record]));
}

/**
 * `n` extra learning records (with their issues) on top of the demo, for
 * benchmarks: `seedDemoData(store, { extraLearnings: n, seed })` stores them.
 */
export function generateLearnings(n: number, seed: number = DEMO_SEED + 1): SiteDataset {
  return buildDemoDataset({ extraLearnings: n, seed });
}

export function buildDemoDataset(options: DemoOptions = {}): SiteDataset {
  const users: UserRow[] = Object.values(DEMO_USERS).map((u) => ({ ...u, defaultLevel: u.defaultLevel as PermissionLevel }));
  const issues: IssueRow[] = [];
  let nextId = 10100;
  for (const project of PROJECTS) {
    const specs = ISSUES[project.key] ?? [];
    for (const [number, issueType, status, summary, description, assignee, reporter, labels, sprint, createdDaysAgo] of specs) {
      const sprintId = sprint === null ? null : demoSprintId(project.key, sprint);
      issues.push({
        id: String(nextId++),
        key: `${project.key}-${number}`,
        projectKey: project.key,
        summary,
        description,
        issueType,
        status,
        assigneeAccountId: assignee ? DEMO_USERS[assignee].accountId : null,
        reporterAccountId: DEMO_USERS[reporter].accountId,
        labels,
        sprintId,
        created: at(createdDaysAgo, 9),
        updated: at(Math.max(0, Math.floor(createdDaysAgo / 3)), 16),
      });
    }
  }
  const generated = withRelevanceSet(generatedWork(options));
  for (const g of generated.issues) {
    issues.push({
      id: String(nextId++),
      key: g.key,
      projectKey: g.projectKey,
      summary: g.summary,
      description: g.description,
      issueType: g.issueType,
      status: g.status,
      assigneeAccountId: g.assignee ? DEMO_USERS[g.assignee].accountId : null,
      reporterAccountId: DEMO_USERS[g.reporter].accountId,
      labels: g.labels,
      sprintId: g.sprintId,
      created: at(g.createdDaysAgo, 9),
      updated: at(g.updatedDaysAgo, 16),
      parentKey: g.parentKey,
      priority: g.priority,
    });
  }
  // The long-running team last, so the other issues keep their ids.
  for (const p of PLATFORM_ISSUES) {
    issues.push({
      id: String(nextId++),
      key: `${PLATFORM.key}-${p.number}`,
      projectKey: PLATFORM.key,
      summary: p.summary,
      description: p.description,
      issueType: p.issueType,
      status: p.status,
      assigneeAccountId: p.assignee ? DEMO_USERS[p.assignee].accountId : null,
      reporterAccountId: DEMO_USERS[p.reporter].accountId,
      labels: p.labels,
      sprintId: platformSprintId(p.sprint),
      created: at(p.createdDaysAgo, 9),
      updated: at(Math.max(0, Math.floor(p.createdDaysAgo / 3)), 16),
      parentKey: p.issueType === 'Epic' ? null : 'PLAT-3390',
    });
  }
  const issueByKey = new Map(issues.map((i) => [i.key, i]));
  const properties: SiteDataset['properties'] = [];
  const kvs: SiteDataset['kvs'] = [];
  for (const spec of [...HAND_WRITTEN_RECORDS, ...generated.records, ...PLATFORM_RECORDS]) {
    const issue = issueByKey.get(spec.issueKey);
    if (!issue) throw new Error(`Demo record for unknown issue ${spec.issueKey}`);
    const { record, history } = buildRecord(spec);
    properties.push({
      issueKey: spec.issueKey,
      key: LEARNING_PROPERTY_KEY,
      valueText: JSON.stringify(toStoredProperty(record)),
      at: record.updatedAt,
    });
    for (const kept of history) {
      const snapshot = { revision: kept.revision, savedAt: kept.updatedAt, savedBy: kept.updatedBy, value: toStoredProperty(kept) };
      kvs.push({ key: storageKeys.historyRevision(issue.id, kept.revision), valueText: JSON.stringify(snapshot), at: kept.updatedAt });
    }
  }
  const platform: ProjectRow = {
    id: PLATFORM.id,
    key: PLATFORM.key,
    name: PLATFORM.name,
    leadAccountId: DEMO_USERS[PLATFORM.lead].accountId,
  };
  return {
    users,
    grants: GRANTS,
    projects: [...PROJECTS, platform],
    sprints: [...SPRINTS, ...platformSprints(at)],
    issues,
    properties,
    kvs: [...kvs, ...personalDataIndexOf(kvs)],
  };
}

/** Replaces whatever is in the store with the demo site. */
export function seedDemoData(store: LocalStore, options: DemoOptions = {}): void {
  store.replaceAll(buildDemoDataset(options), new Date().toISOString());
}
