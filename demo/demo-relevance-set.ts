/**
 * The labelled set for "Learned before": hypotheses a person might be
 * writing on a new ticket, each with the earlier learnings a person would
 * judge relevant (from several teams), and decoys that only look similar
 * (they share a word, not the idea). Seeded with the demo; the relevance
 * test (test/resolvers/learned-before-relevance.test.ts) reports precision@5
 * and recall@5 over it through the real resolver.
 *
 * Topics are ones the generated demo work does not cover, so the judgments
 * are complete: anything else shown for these queries counts as not relevant.
 */
import { nth, type GeneratedIssue, type GeneratedRecord, type Handle } from './demo-generator';
import { RELEVANCE_RECORDS_Q1_Q4 } from './demo-relevance-records-q1-q4';
import { RELEVANCE_RECORDS_Q5_Q9 } from './demo-relevance-records-q5-q9';
import type { RelevanceSpec } from './demo-specs';

export interface RelevanceQuery {
  /** The new ticket the person is writing on: it has no record. */
  fromIssueKey: string;
  hypothesis: string;
  tags: string[];
  /** Issue keys whose learnings a person would want to see for this hypothesis. */
  relevant: string[];
  /** Issue keys that share words with the hypothesis but not its idea. */
  decoys: string[];
}
const RECORDS: RelevanceSpec[] = [...RELEVANCE_RECORDS_Q1_Q4, ...RELEVANCE_RECORDS_Q5_Q9];

/** New tickets, one per query, each without a record: where a person would be writing the hypothesis. */
const QUERY_TICKETS: Array<[key: string, summary: string]> = [
  ['CHK-951', 'Accessible seat map'],
  ['FLEX-951', 'Emissions on the journey page'],
  ['SRCH-951', 'Loyalty points for every booking'],
  ['GROW-951', 'Group bookings online'],
  ['SRCH-952', 'Automatic delay compensation'],
  ['FLEX-952', 'Bike spaces when booking'],
  ['CHK-952', 'Student status in the app'],
  ['GROW-952', 'Night chatbot for timetables'],
  ['FLEX-953', 'Pet tickets online'],
  // For the browser test: a new Checkout ticket about refunds, with no learnings yet.
  ['CHK-990', 'Refund option for low-cost tickets'],
];

export const RELEVANCE_QUERIES: RelevanceQuery[] = [
  {
    fromIssueKey: 'CHK-951',
    hypothesis: 'Adding proper labels for screen readers to the seat map will let blind customers choose a seat without calling us.',
    tags: [],
    relevant: ['FLEX-901', 'SRCH-901', 'GROW-901'],
    decoys: ['GROW-902'],
  },
  {
    fromIssueKey: 'FLEX-951',
    hypothesis: 'Showing the CO2 emissions of each journey will make customers pick trains over flights.',
    tags: ['sustainability'],
    relevant: ['SRCH-902', 'CHK-901', 'GROW-903'],
    decoys: ['FLEX-902'],
  },
  {
    fromIssueKey: 'SRCH-951',
    hypothesis: 'Giving loyalty points for every booking will make members book again within 60 days.',
    tags: [],
    relevant: ['GROW-904', 'FLEX-903', 'CHK-902'],
    decoys: ['CHK-903'],
  },
  {
    fromIssueKey: 'GROW-951',
    hypothesis: 'Letting one person book for a group of ten with a single payment will win school trips.',
    tags: ['groups'],
    relevant: ['CHK-904', 'SRCH-903', 'FLEX-904'],
    decoys: ['GROW-905'],
  },
  {
    fromIssueKey: 'SRCH-952',
    hypothesis: 'Paying compensation automatically when a train is delayed will cut complaints.',
    tags: [],
    relevant: ['FLEX-905', 'GROW-906', 'CHK-905'],
    decoys: ['SRCH-904'],
  },
  {
    fromIssueKey: 'FLEX-952',
    hypothesis: 'Letting customers reserve a bike space when they book will stop cyclists being turned away.',
    tags: ['bikes'],
    relevant: ['CHK-906', 'SRCH-905', 'GROW-907'],
    decoys: ['FLEX-906'],
  },
  {
    fromIssueKey: 'CHK-952',
    hypothesis: 'Verifying student status inside the app will let students get their discount without visiting a station.',
    tags: [],
    relevant: ['GROW-908', 'CHK-907', 'SRCH-906'],
    decoys: ['SRCH-907'],
  },
  {
    fromIssueKey: 'GROW-952',
    hypothesis: 'A chatbot that answers timetable questions will take calls off the support line at night.',
    tags: [],
    relevant: ['FLEX-907', 'GROW-909', 'SRCH-908'],
    decoys: ['CHK-908'],
  },
  {
    fromIssueKey: 'FLEX-953',
    hypothesis: 'Selling a pet ticket online will stop dog owners paying on board.',
    tags: [],
    relevant: ['SRCH-909', 'CHK-909', 'GROW-910'],
    decoys: ['FLEX-908'],
  },
];

const numberOf = (key: string) => Number(key.split('-')[1]);
const projectOf = (key: string) => nth(key.split('-'), 0, `the project of ${key}`);

/** The set's issues and records, in the generator's shapes, to append to the demo. */
export function relevanceSetWork(): { issues: GeneratedIssue[]; records: GeneratedRecord[] } {
  const issue = (key: string, summary: string, description: string, reporter: Handle, daysAgo: number, done: boolean): GeneratedIssue => ({
    key,
    projectKey: projectOf(key),
    number: numberOf(key),
    issueType: 'Story',
    status: done ? 'Done' : 'To Do',
    summary,
    description,
    assignee: done ? reporter : null,
    reporter,
    labels: [],
    sprintId: null,
    parentKey: null,
    priority: 'Medium',
    createdDaysAgo: daysAgo,
    updatedDaysAgo: done ? Math.max(0, daysAgo - 10) : 0,
  });
  const issues = [
    ...RECORDS.map(([key, summary, hypothesis, , , by, daysAgo]) => issue(key, summary, hypothesis, by, daysAgo + 5, true)),
    ...QUERY_TICKETS.map(([key, summary]) => issue(key, summary, '', 'alice', 1, false)),
  ];
  const records = RECORDS.map(([key, , hypothesis, learnings, tags, by, daysAgo]): GeneratedRecord => ({
    issueKey: key,
    hypothesis,
    hypothesisBy: by,
    hypothesisDaysAgo: daysAgo,
    entries: learnings.map((text, index) => ({ text, by, daysAgo: Math.max(1, daysAgo - 7 - index) })),
    outcome: 'validated',
    confidence: 'medium',
    tags,
  }));
  return { issues, records };
}

/** The keys the labelled set takes (its records and its query tickets), which generated work must not reuse. */
export function relevanceSetKeys(): Set<string> {
  return new Set([...RECORDS.map(([key]) => key), ...QUERY_TICKETS.map(([key]) => key)]);
}

/** Appends the labelled set to the demo's generated work. */
export function withRelevanceSet<W extends { issues: GeneratedIssue[]; records: GeneratedRecord[] }>(work: W): W {
  const set = relevanceSetWork();
  return { ...work, issues: [...work.issues, ...set.issues], records: [...work.records, ...set.records] };
}
