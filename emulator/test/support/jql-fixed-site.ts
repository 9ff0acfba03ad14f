// A small fixed Jira site for the JQL conformance tests: every expectation can be checked by hand.
// "Now" is Thursday 2026-11-12 12:00 UTC and every user is in UTC.
import { DEMO_USERS } from '../../../demo';
import { JiraStandIn, type JiraActor } from '../../jira/jira-stand-in';
import { LocalStore, type SiteDataset, type IssueRow } from '../../store/local-store';

/** The properties the demo's records and their texts live in (the app's keys: the emulator's tests name them, they do not import them). */
const LEARNING_PROPERTY_KEY = 'learning-loop';
const LEARNING_TEXT_PROPERTY_KEY = 'learning-loop-text';

const NOW = Date.parse('2026-11-12T12:00:00Z');
const U = DEMO_USERS;

function issue(id: number, key: string, over: Partial<IssueRow>): IssueRow {
  return {
    id: String(id),
    key,
    projectKey: key.split('-')[0]!,
    summary: key,
    description: '',
    issueType: 'Story',
    status: 'To Do',
    assigneeAccountId: null,
    reporterAccountId: U.alice.accountId,
    labels: [],
    sprintId: null,
    created: '2026-10-01T10:00:00Z',
    updated: '2026-10-01T10:00:00Z',
    parentKey: null,
    priority: 'Medium',
    ...over,
  };
}

interface LearningValues {
  hypothesis: string;
  outcome: string;
  confidence: string | null;
  tags: string[];
  updatedAt: string;
  text: string;
  surprise: boolean;
  count: number;
  surpriseCount: number;
}

/** A record as the app stores it: the record's property, and its learnings' texts in their own property. */
const learningRows = (issueKey: string, at: string, v: LearningValues): SiteDataset['properties'] => [
  { issueKey, key: LEARNING_PROPERTY_KEY, at, valueText: record(v) },
  { issueKey, key: LEARNING_TEXT_PROPERTY_KEY, at, valueText: JSON.stringify({ text: v.text }) },
];

const record = (v: LearningValues) =>
  JSON.stringify({
    schemaVersion: 1,
    hypothesis: v.hypothesis,
    learnings: [],
    outcome: v.outcome,
    confidence: v.confidence,
    tags: v.tags,
    evidence: [],
    revision: 1,
    updatedAt: v.updatedAt,
    updatedBy: U.alice.accountId,
    index: { surprise: v.surprise ? 'true' : 'false', count: v.count, surpriseCount: v.surpriseCount },
  });

const DATA: SiteDataset = {
  users: Object.values(U).map((u) => ({ ...u, timeZone: 'UTC', defaultLevel: u.defaultLevel })),
  grants: [{ accountId: U.carol.accountId, projectKey: 'GROW', level: 'none' }],
  projects: [
    { id: '10001', key: 'FLEX', name: 'Flex Refunds', leadAccountId: U.alice.accountId },
    { id: '10003', key: 'GROW', name: 'Growth', leadAccountId: U.alice.accountId },
  ],
  sprints: [
    {
      id: 1,
      projectKey: 'FLEX',
      name: 'FLEX Sprint 1',
      state: 'closed',
      startDate: '2026-10-19T08:00:00Z',
      endDate: '2026-11-01T17:00:00Z',
      completeDate: '2026-11-01T17:00:00Z',
      goal: 'Fix refunds',
    },
    {
      id: 2,
      projectKey: 'FLEX',
      name: 'FLEX Sprint 2',
      state: 'active',
      startDate: '2026-11-02T08:00:00Z',
      endDate: '2026-11-15T17:00:00Z',
      goal: 'Flex for low prices',
    },
    {
      id: 3,
      projectKey: 'FLEX',
      name: 'FLEX Sprint 3',
      state: 'future',
      startDate: '2026-11-16T08:00:00Z',
      endDate: '2026-11-29T17:00:00Z',
    },
    {
      id: 4,
      projectKey: 'GROW',
      name: 'GROW Sprint 1',
      state: 'active',
      startDate: '2026-11-02T08:00:00Z',
      endDate: '2026-11-15T17:00:00Z',
    },
  ],
  issues: [
    issue(1001, 'FLEX-1', {
      issueType: 'Epic',
      summary: 'Refund options epic',
      assigneeAccountId: U.alice.accountId,
      updated: '2026-11-10T10:00:00Z',
    }),
    issue(1002, 'FLEX-2', {
      summary: 'Offer Flex refunds in low-price journeys',
      status: 'In Progress',
      assigneeAccountId: U.alice.accountId,
      reporterAccountId: U.bob.accountId,
      labels: ['experiment', 'flex'],
      sprintId: 2,
      parentKey: 'FLEX-1',
      created: '2026-11-03T09:00:00Z',
      updated: '2026-11-11T09:00:00Z',
      priority: 'High',
    }),
    issue(1003, 'FLEX-3', {
      issueType: 'Bug',
      summary: 'Refund email sent twice',
      description: 'Customers receive the refund confirmation twice.',
      status: 'Done',
      assigneeAccountId: U.bob.accountId,
      reporterAccountId: U.carol.accountId,
      labels: ['bug'],
      sprintId: 1,
      parentKey: 'FLEX-1',
      created: '2026-10-20T10:00:00Z',
      updated: '2026-10-30T10:00:00Z',
      priority: 'Highest',
    }),
    issue(1004, 'FLEX-4', {
      issueType: 'Task',
      summary: 'Pricing bands with Finance',
      description: 'Agree the price bands used in reports.',
      sprintId: 3,
      created: '2026-11-10T10:00:00Z',
      updated: '2026-11-10T10:00:00Z',
      priority: 'Low',
    }),
    issue(1005, 'FLEX-5', {
      summary: 'Labeling test for the add-on',
      description: 'Compare two names for the add-on.',
      status: 'In Review',
      assigneeAccountId: U.carol.accountId,
      labels: ['experiment'],
      sprintId: 2,
      created: '2026-11-05T10:00:00Z',
      updated: '2026-11-12T08:00:00Z',
    }),
    issue(1006, 'GROW-1', {
      summary: 'Referral credit for refunds',
      status: 'In Progress',
      assigneeAccountId: U.bob.accountId,
      labels: ['experiment'],
      sprintId: 4,
      created: '2026-11-04T10:00:00Z',
      updated: '2026-11-09T10:00:00Z',
    }),
    issue(1007, 'GROW-2', {
      issueType: 'Task',
      summary: 'Onboarding checklist',
      status: 'Done',
      assigneeAccountId: U.dan.accountId,
      created: '2026-09-01T10:00:00Z',
      updated: '2026-09-10T10:00:00Z',
      priority: 'Lowest',
    }),
  ],
  properties: [
    ...learningRows('FLEX-2', '2026-11-11T15:00:00Z', {
      hypothesis: 'Presenting Flex as a refund option will reduce drop-off.',
      outcome: 'inconclusive',
      confidence: 'medium',
      tags: ['pricing', 'refunds'],
      updatedAt: '2026-11-11T15:00:00Z',
      text: 'Customers in Spain engaged more. Labeling matters more than refund amount.',
      surprise: true,
      count: 2,
      surpriseCount: 1,
    }),
    ...learningRows('FLEX-3', '2026-10-30T10:00:00Z', {
      hypothesis: 'Fixing duplicates will cut support contacts.',
      outcome: 'validated',
      confidence: 'high',
      tags: ['email'],
      updatedAt: '2026-10-30T10:00:00Z',
      text: 'Contacts fell by a fifth.',
      surprise: false,
      count: 1,
      surpriseCount: 0,
    }),
    ...learningRows('FLEX-5', '2026-11-12T09:00:00Z', {
      hypothesis: 'Calling it Flexible ticket raises uptake.',
      outcome: 'invalidated',
      confidence: 'low',
      tags: ['labeling', 'refunds'],
      updatedAt: '2026-11-12T09:00:00Z',
      text: 'Refunded customers preferred the old label. Nobody read the badge.',
      surprise: true,
      count: 2,
      surpriseCount: 2,
    }),
    ...learningRows('GROW-1', '2026-11-09T10:00:00Z', {
      hypothesis: 'A referral credit brings new customers.',
      outcome: 'open',
      confidence: null,
      tags: ['referrals', 'pricing'],
      updatedAt: '2026-11-09T10:00:00Z',
      text: 'Mostly existing users referred each other.',
      surprise: true,
      count: 1,
      surpriseCount: 1,
    }),
    { issueKey: 'FLEX-4', key: 'other-prop', at: '2026-11-10T10:00:00Z', valueText: '{"x":1}' },
  ],
  kvs: [],
};

/** Opens the fixed site for the test file (before all, closed after all) and returns its search helpers. */
export function useJqlFixedSite() {
  let store: LocalStore;
  let jira: JiraStandIn;

  beforeAll(() => {
    store = LocalStore.open();
    store.replaceAll(DATA, '2026-11-12T12:00:00Z');
    jira = new JiraStandIn(store, () => 'http://jira.test');
    jira.search.settings.now = () => NOW;
  });

  afterAll(() => {
    store.close();
  });

  const actorOf = (as: string): JiraActor =>
    as === 'app' ? { kind: 'app' } : { kind: 'user', accountId: U[as as keyof typeof U].accountId };

  function search(jql: string, as = 'alice') {
    const res = jira.handle(actorOf(as), {
      method: 'POST',
      path: '/rest/api/3/search/jql',
      headers: new Headers({ 'content-type': 'application/json' }),
      bodyText: JSON.stringify({ jql, fields: ['key'], maxResults: 100 }),
    });
    return {
      status: res.status,
      body: JSON.parse(res.body ?? 'null') as {
        issues?: Array<{ key: string }>;
        errorMessages?: string[];
        errors?: object;
        warningMessages?: string[];
      },
    };
  }

  const keys = (jql: string, as = 'alice') => {
    const { status, body } = search(jql, as);
    if (status !== 200) throw new Error(`${jql} → ${status} ${JSON.stringify(body)}`);
    return body.issues!.map((i) => i.key);
  };
  return { search, keys };
}
