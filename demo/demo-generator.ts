/**
 * The bulk of the demo site, generated: issues, epics and learning records
 * for several past sprints, the active sprint and the next one, built from
 * hand-written fragments with a seeded PRNG, so it is believable and the same
 * every time. Themes (pricing, refunds, checkout, onboarding, search...) are
 * shared across teams, so one team's learning is relevant to another's.
 */
import type { Confidence, Outcome } from '../src/domain/record/learning-record';
import type { IssueRow, Priority, SprintRow } from '../emulator';

export type Handle = 'alice' | 'bob' | 'carol' | 'dan';

export interface GeneratedEntry {
  text: string;
  surprise?: boolean;
  by: Handle;
  daysAgo: number;
}

export interface GeneratedRecord {
  issueKey: string;
  hypothesis: string;
  hypothesisBy: Handle;
  hypothesisDaysAgo: number;
  entries: GeneratedEntry[];
  outcome: Outcome;
  confidence: Confidence | null;
  tags: string[];
  evidence?: Array<{ url: string; title: string }>;
}

/** An issue before ids and account ids are assigned. */
export interface GeneratedIssue {
  key: string;
  projectKey: string;
  number: number;
  issueType: IssueRow['issueType'];
  status: IssueRow['status'];
  summary: string;
  description: string;
  assignee: Handle | null;
  reporter: Handle;
  labels: string[];
  sprintId: number | null;
  parentKey: string | null;
  priority: Priority;
  createdDaysAgo: number;
  updatedDaysAgo: number;
}

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

interface Theme {
  tag: string;
  /** What a team tries ("showing the refund amount next to the price"). */
  changes: string[];
  /** What it should do ("raise Flex uptake"). */
  effects: string[];
  metrics: string[];
  /** Story/task summaries; {market} and {audience} are filled in. */
  summaries: string[];
  bugs: string[];
  /** Things teams found out. */
  findings: string[];
  surprises: string[];
  related: string[];
}

const MARKETS = ['Spain', 'Italy', 'France', 'Germany', 'the UK', 'Portugal', 'the Netherlands'];
const AUDIENCES = ['first-time customers', 'returning customers', 'business travellers', 'families', 'students', 'customers over 60', 'app users', 'guest customers'];

const THEMES: Record<string, Theme> = {
  pricing: {
    tag: 'pricing',
    changes: ['showing the total price from the first page', 'rounding prices to whole euros', 'showing the price per passenger instead of the total', 'a "price includes all fees" note next to the fare', 'showing the cheapest fare of the week', 'a price-lock option for 24 hours'],
    effects: ['reduce drop-off on the payment page', 'raise conversion on low-price journeys', 'cut support contacts about fees', 'make people book sooner'],
    metrics: ['payment-page drop-off', 'conversion', 'fee-related contacts', 'time to book'],
    summaries: ['Price breakdown on the results page in {market}', 'Test price-per-passenger display for {audience}', 'Price lock for 24 hours', 'All-in pricing copy review', 'Cheapest-fare-of-the-week banner'],
    bugs: ['Fare total differs between results and payment page', 'Price shown without booking fee in {market}', 'Currency switches back to EUR after login'],
    findings: ['Drop-off fell on journeys under €20, but not above €50.', 'People compared the total, not the per-passenger price.', 'Conversion moved by less than one point: within the noise.', 'Support contacts about fees dropped by a fifth.', 'Customers in {market} reacted more strongly than elsewhere.'],
    surprises: ['Showing a lower price first made people trust the final price less.', 'Rounded prices increased refund requests in {market}.', 'The price lock was used mostly by {audience}, who then did not book.'],
    related: ['checkout', 'conversion', 'refunds'],
  },
  refunds: {
    tag: 'refunds',
    changes: ['offering Flex as a refund option on every journey', 'showing "Get €X back" next to the add-on', 'a one-tap refund request in the app', 'explaining the refund policy on the results page', 'automatic refunds for cancelled trains'],
    effects: ['raise Flex uptake', 'reduce refund-related contacts', 'make people more confident to book early', 'cut the time to process refunds'],
    metrics: ['Flex attach rate', 'refund contacts', 'early bookings', 'refund processing time'],
    summaries: ['Flex refund option on {market} journeys', 'One-tap refund request in the app', 'Refund policy summary on results', 'Automatic refunds for cancelled trains', 'Refund status tracking page'],
    bugs: ['Refund amount shown twice on the confirmation email', 'Refund request fails for split tickets', 'Flex refund not applied to seat reservations'],
    findings: ['Flex uptake rose most on journeys booked more than a week ahead.', 'Refund contacts fell, but chargebacks did not change.', 'The label mattered more than the refund amount.', 'Customers in {market} asked about partial refunds more than full ones.'],
    surprises: ['Customers who bought Flex cancelled less often than those who did not.', '{audience} read the refund policy but still called support to confirm it.', 'Automatic refunds increased rebookings within the same week.'],
    related: ['pricing', 'labeling', 'support'],
  },
  checkout: {
    tag: 'checkout',
    changes: ['removing the account step from checkout', 'a single-page checkout', 'saving passenger details for next time', 'an express checkout for returning customers', 'inline validation of card details'],
    effects: ['cut checkout abandonment', 'make checkout faster on mobile', 'raise repeat bookings', 'reduce payment errors'],
    metrics: ['checkout abandonment', 'median checkout time', 'repeat bookings', 'payment errors'],
    summaries: ['Single-page checkout for {audience}', 'Express checkout for returning customers', 'Saved passenger details', 'Inline card validation', 'Checkout step timings per device'],
    bugs: ['Checkout loses passenger names on back navigation', 'Promo code rejected after session refresh', 'Checkout button disabled on small screens in {market}'],
    findings: ['Abandonment fell by 4 points, mostly on mobile.', 'Checkout time dropped by 20 seconds for returning customers.', 'Payment errors halved after inline validation.', 'Guests in {market} still preferred to create an account.'],
    surprises: ['Fewer steps did not mean fewer drop-offs: people paused longer on the single page.', 'Saved details were reused mostly for other passengers, not the booker.', 'Express checkout raised the share of refundable tickets.'],
    related: ['payments', 'conversion', 'pricing'],
  },
  payments: {
    tag: 'payments',
    changes: ['wallet payments as the first option', 'instalments for journeys over €100', 'retrying declined cards automatically', 'local payment methods in {market}'],
    effects: ['reduce payment failures', 'raise conversion on expensive journeys', 'speed up mobile payment'],
    metrics: ['payment failure rate', 'conversion over €100', 'time to pay'],
    summaries: ['Local payment methods in {market}', 'Instalments for journeys over €100', 'Automatic retry of declined cards', 'Wallet-first payment on Android'],
    bugs: ['3-D Secure pop-up blocked in the app', 'Duplicate charge after timeout', 'Wallet payment fails for group bookings'],
    findings: ['Failures dropped by a third with automatic retries.', 'Instalments were used on one booking in ten over €100.', 'Local methods doubled conversion in {market}.'],
    surprises: ['Instalments attracted {audience} rather than families, as we expected.', 'Wallet-first payment lowered the average basket.'],
    related: ['checkout', 'mobile'],
  },
  onboarding: {
    tag: 'onboarding',
    changes: ['a three-step onboarding checklist', 'a welcome offer for the first booking', 'personalised route suggestions at sign-up', 'skipping onboarding for returning app users'],
    effects: ['raise 30-day retention of new users', 'get new users to a first booking sooner', 'increase alert subscriptions'],
    metrics: ['30-day retention', 'time to first booking', 'alert subscriptions'],
    summaries: ['Onboarding checklist for {audience}', 'Welcome offer on the first booking', 'Route suggestions at sign-up', 'Skip onboarding for returning users'],
    bugs: ['Onboarding restarts after app update', 'Welcome offer not applied in {market}', 'Sign-up form rejects accented names'],
    findings: ['Completion of the checklist was 38%, mostly the first step.', 'New users booked two days sooner with route suggestions.', 'The welcome offer brought bookings forward but did not add new ones.'],
    surprises: ['Users who skipped onboarding retained as well as those who finished it.', 'Route suggestions were most used by {audience}.'],
    related: ['retention', 'mobile', 'email'],
  },
  retention: {
    tag: 'retention',
    changes: ['price-drop alerts on followed routes', 'a monthly travel summary email', 'loyalty points on every booking', 'reminders before a regular trip'],
    effects: ['bring customers back more often', 'raise repeat bookings within 60 days', 'reduce churn of {audience}'],
    metrics: ['repeat bookings', 'monthly active customers', 'churn'],
    summaries: ['Trip reminders for regular routes', 'Monthly travel summary email', 'Loyalty points pilot in {market}', 'Price-drop alerts for followed routes'],
    bugs: ['Reminder sent for a cancelled trip', 'Loyalty points missing for group bookings'],
    findings: ['Reminders lifted repeat bookings by 6% among commuters.', 'The summary email had a high open rate but few clicks.', 'Loyalty points changed when people booked, not how often.'],
    surprises: ['Alerts brought back lapsed customers more than active ones.', '{audience} unsubscribed from the summary email but kept the alerts.'],
    related: ['email', 'onboarding', 'pricing'],
  },
  search: {
    tag: 'search',
    changes: ['sorting results by best value by default', 'showing flexible dates in results', 'a refund-policy badge on each result', 'remembering the last search', 'typo-tolerant station search'],
    effects: ['help people choose faster', 'raise clicks on refundable journeys', 'cut zero-result searches', 'raise search-to-booking conversion'],
    metrics: ['time to first click', 'clicks on refundable journeys', 'zero-result searches', 'search-to-booking conversion'],
    summaries: ['Best-value sort for {audience}', 'Flexible dates in search results', 'Refund badge on results in {market}', 'Typo-tolerant station search', 'Recent searches on the home page'],
    bugs: ['Station search misses accented names', 'Results page flickers on date change', 'Search returns past departures in {market}'],
    findings: ['Zero-result searches fell by 40% with typo tolerance.', 'People still sorted by departure time on commuter routes.', 'The refund badge lifted clicks on refundable journeys by 8%.'],
    surprises: ['Best value as default slowed people down: they expected the cheapest first.', 'Recent searches were used more on desktop than in the app.'],
    related: ['ranking', 'refunds', 'pricing'],
  },
  ranking: {
    tag: 'ranking',
    changes: ['ranking direct journeys first', 'boosting journeys with free cancellation', 'personalised ranking for returning customers'],
    effects: ['raise clicks on the first three results', 'raise bookings of refundable journeys'],
    metrics: ['clicks on the top three results', 'bookings of refundable journeys'],
    summaries: ['Direct journeys first in ranking', 'Boost free-cancellation journeys', 'Personalised ranking pilot'],
    bugs: ['Ranking ignores the selected class', 'Sponsored results shown twice'],
    findings: ['Clicks on the top three results rose by 5 points.', 'Personalised ranking helped returning customers only.'],
    surprises: ['Boosting free cancellation moved bookings away from Flex.'],
    related: ['search', 'refunds'],
  },
  email: {
    tag: 'email',
    changes: ['sending the e-ticket as a wallet pass', 'a pre-trip email with platform info', 'plain-text confirmation emails'],
    effects: ['cut "where is my ticket" contacts', 'raise email engagement'],
    metrics: ['ticket-related contacts', 'email click rate'],
    summaries: ['Pre-trip email with platform info', 'E-ticket as a wallet pass', 'Plain-text confirmation test'],
    bugs: ['Confirmation email shows the wrong time zone', 'Unsubscribe link broken in {market}'],
    findings: ['Ticket contacts fell by 12% with wallet passes.', 'Plain-text emails were clicked as much as the designed ones.'],
    surprises: ['The pre-trip email was forwarded to other passengers more than read by the booker.'],
    related: ['retention', 'support'],
  },
  labeling: {
    tag: 'labeling',
    changes: ['renaming "Flex" to "Flexible ticket"', 'plain-language fare names', 'a "most popular" label on one option'],
    effects: ['raise add-on uptake', 'reduce fare-related questions'],
    metrics: ['add-on uptake', 'fare questions'],
    summaries: ['Plain-language fare names in {market}', '"Most popular" label on fares', 'Add-on naming test'],
    bugs: ['Fare name truncated in the app'],
    findings: ['Plain names cut fare questions by a quarter.', 'The wording mattered more than the position of the option.'],
    surprises: ['The "most popular" label lowered uptake among {audience}.'],
    related: ['refunds', 'copy'],
  },
  mobile: {
    tag: 'mobile',
    changes: ['biometric login in the app', 'offline tickets in the app', 'a bottom navigation bar'],
    effects: ['raise app bookings', 'cut login failures'],
    metrics: ['app bookings', 'login failures'],
    summaries: ['Biometric login', 'Offline tickets in the app', 'Bottom navigation redesign'],
    bugs: ['App crashes when opening tickets offline', 'Biometric prompt loops on some Android devices'],
    findings: ['Login failures dropped by half with biometrics.', 'Offline tickets were opened mostly on the day of travel.'],
    surprises: ['Bottom navigation lowered use of the alerts tab.'],
    related: ['onboarding', 'payments'],
  },
  performance: {
    tag: 'performance',
    changes: ['caching the results page', 'lazy-loading journey details'],
    effects: ['cut search latency below 800 ms', 'raise conversion on slow connections'],
    metrics: ['p95 search latency', 'conversion on 3G'],
    summaries: ['Cache the results page', 'Lazy-load journey details', 'Search latency budget'],
    bugs: ['Search times out for multi-city journeys'],
    findings: ['p95 latency fell from 1.2 s to 700 ms.', 'Conversion on slow connections rose by 3%.'],
    surprises: ['Faster results made people run more searches before booking.'],
    related: ['search'],
  },
};

interface TeamPlan {
  projectKey: string;
  themes: string[];
  epics: string[];
  people: Handle[];
}

export const TEAM_PLANS: TeamPlan[] = [
  { projectKey: 'FLEX', themes: ['refunds', 'pricing', 'labeling', 'mobile', 'email'], epics: ['Refund options customers understand', 'Flex in every market', 'Self-service cancellations'], people: ['alice', 'bob', 'carol', 'dan'] },
  { projectKey: 'CHK', themes: ['checkout', 'payments', 'pricing', 'mobile', 'refunds'], epics: ['Checkout in one page', 'Local payment methods', 'Fewer payment failures'], people: ['bob', 'alice', 'carol', 'dan'] },
  { projectKey: 'GROW', themes: ['onboarding', 'retention', 'email', 'pricing', 'mobile'], epics: ['First booking in a week', 'Customers who come back', 'Alerts people want'], people: ['alice', 'bob', 'dan'] },
  { projectKey: 'SRCH', themes: ['search', 'ranking', 'pricing', 'refunds', 'performance'], epics: ['Results that help people choose', 'Fast search everywhere', 'Search that understands typos'], people: ['carol', 'bob', 'alice', 'dan'] },
];

const pick = <T>(rng: () => number, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const fill = (rng: () => number, template: string) =>
  template.replace(/\{market\}/g, () => pick(rng, MARKETS)).replace(/\{audience\}/g, () => pick(rng, AUDIENCES));
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Days ago of a sprint's start and end (negative: in the future), from its ISO dates and the demo's now. */
export interface SprintWindow {
  sprint: SprintRow;
  startDaysAgo: number;
  endDaysAgo: number;
}

export interface GenerateOptions {
  seed: number;
  /** Issues per sprint state, per team. */
  perClosedSprint: number;
  perActiveSprint: number;
  perFutureSprint: number;
  backlog: number;
  /** Share of non-epic issues that carry a learning record. */
  recordShare: number;
  /** The first issue number per project. */
  firstNumber: Record<string, number>;
  /** Existing epics per project, that new issues may belong to. */
  existingEpics: Record<string, string[]>;
  /** Create the plan's new epics (false when only adding bulk learnings). */
  newEpics: boolean;
  /** Keys the rest of the demo already uses (the labelled set's 9xx issues): numbering skips them. */
  takenKeys?: ReadonlySet<string>;
}

/** Generates issues and records for every team and sprint window. */
/** "a" or "an" before a number as it is read aloud: an 8, an 11, an 18, an 80-something; a 12. */
export function articleBefore(n: number): 'a' | 'an' {
  const digits = String(Math.trunc(Math.abs(n)));
  const eighteenOrEleven = digits.length % 3 === 2 && (digits.startsWith('11') || digits.startsWith('18'));
  return digits.startsWith('8') || eighteenOrEleven ? 'an' : 'a';
}

export function generateTeamWork(windows: SprintWindow[], options: GenerateOptions): { issues: GeneratedIssue[]; records: GeneratedRecord[] } {
  const rng = prng(options.seed);
  const issues: GeneratedIssue[] = [];
  const records: GeneratedRecord[] = [];
  for (const plan of TEAM_PLANS) {
    let number = options.firstNumber[plan.projectKey] ?? 1;
    /** The next free key of the team, and its number. */
    const nextKey = (): { key: string; number: number } => {
      while (options.takenKeys?.has(`${plan.projectKey}-${number}`)) number++;
      return { key: `${plan.projectKey}-${number}`, number: number++ };
    };
    const epics = [...(options.existingEpics[plan.projectKey] ?? [])];
    if (options.newEpics) {
      for (const [index, name] of plan.epics.entries()) {
        const { key, number: issueNumber } = nextKey();
        epics.push(key);
        const theme = THEMES[plan.themes[index % plan.themes.length]!]!;
        issues.push({
          key, projectKey: plan.projectKey, number: issueNumber, issueType: 'Epic', status: index === 2 ? 'To Do' : 'In Progress',
          summary: name, description: `${name}: the team's bet for this half. Starting point: ${fill(rng, pick(rng, theme.findings)).toLowerCase()}`,
          assignee: plan.people[0]!, reporter: plan.people[0]!, labels: [theme.tag], sprintId: null, parentKey: null,
          priority: 'High', createdDaysAgo: 120 - index * 10, updatedDaysAgo: 3 + index,
        });
      }
    }
    const teamWindows = windows.filter((w) => w.sprint.projectKey === plan.projectKey);
    const slots: Array<{ window: SprintWindow | null; count: number }> = [
      ...teamWindows.map((w) => ({
        window: w,
        count: w.sprint.state === 'closed' ? options.perClosedSprint : w.sprint.state === 'active' ? options.perActiveSprint : options.perFutureSprint,
      })),
      { window: null, count: options.backlog },
    ];
    let activeSurprises = 0;
    for (const { window, count } of slots) {
      for (let i = 0; i < count; i++) {
        const themeName = rng() < 0.55 ? plan.themes[0]! : pick(rng, plan.themes);
        const theme = THEMES[themeName]!;
        const roll = rng();
        const issueType: IssueRow['issueType'] = roll < 0.55 ? 'Story' : roll < 0.8 ? 'Task' : 'Bug';
        const state = window?.sprint.state ?? 'backlog';
        const status: IssueRow['status'] =
          state === 'closed' ? (rng() < 0.92 ? 'Done' : 'In Review')
          : state === 'active' ? pick(rng, ['To Do', 'In Progress', 'In Progress', 'In Review', 'Done'] as const)
          : 'To Do';
        const startDaysAgo = window ? window.startDaysAgo : 30;
        const createdDaysAgo = Math.max(1, startDaysAgo + 1 + Math.floor(rng() * 12));
        const endDaysAgo = window ? Math.max(1, window.endDaysAgo) : 2;
        const summary = fill(rng, issueType === 'Bug' ? pick(rng, theme.bugs) : pick(rng, theme.summaries));
        const change = fill(rng, pick(rng, theme.changes));
        const assignee = state === 'backlog' && rng() < 0.6 ? null : pick(rng, plan.people);
        const { key, number: issueNumber } = nextKey();
        const hasRecord = issueType !== 'Bug' || options.recordShare >= 1 ? rng() < options.recordShare : rng() < options.recordShare / 3;
        issues.push({
          key, projectKey: plan.projectKey, number: issueNumber, issueType, status, summary,
          description: issueType === 'Bug'
            ? `${summary}. Seen by ${pick(rng, AUDIENCES)} in ${pick(rng, MARKETS)}; reported through support.`
            : `Try ${change}. Why: we want to ${fill(rng, pick(rng, theme.effects))}. Measure ${pick(rng, theme.metrics)} before and after.`,
          assignee, reporter: pick(rng, plan.people),
          labels: [...new Set([...(hasRecord ? ['experiment'] : []), ...(rng() < 0.4 ? [theme.tag] : [])])],
          sprintId: window?.sprint.id ?? null,
          parentKey: epics.length > 0 && rng() < 0.7 ? pick(rng, epics) : null,
          priority: pick(rng, ['Highest', 'High', 'Medium', 'Medium', 'Medium', 'Low', 'Lowest'] as const),
          createdDaysAgo,
          updatedDaysAgo: Math.max(0, Math.min(createdDaysAgo - 1, endDaysAgo)),
        });
        if (!hasRecord) continue;

        const author = assignee ?? plan.people[0]!;
        const audience = pick(rng, AUDIENCES);
        const n = 3 + Math.floor(rng() * 8) * 2;
        const hypothesis = `We believe ${change} will ${fill(rng, pick(rng, theme.effects))} for ${audience}. We'll know when we see ${articleBefore(n)} ${n}% change in ${pick(rng, theme.metrics)} over two weeks.`;
        const entryCount = state === 'closed' ? 1 + Math.floor(rng() * 3) : state === 'active' ? Math.floor(rng() * 3) : 0;
        const entries: GeneratedEntry[] = [];
        const hypothesisDaysAgo = Math.max(2, Math.min(createdDaysAgo, startDaysAgo + 1));
        const lastDay = Math.max(1, endDaysAgo);
        const span = Math.max(1, hypothesisDaysAgo - lastDay);
        const used = new Set<string>();
        for (let e = 0; e < entryCount; e++) {
          const forceSurprise = state === 'active' && activeSurprises < 4 && e === 0;
          const surprise = forceSurprise || rng() < 0.28;
          let text = fill(rng, pick(rng, surprise ? theme.surprises : theme.findings));
          if (used.has(text)) text = `${text.replace(/\.$/, '')} (again in ${pick(rng, MARKETS)}).`;
          used.add(text);
          if (surprise && state === 'active') activeSurprises++;
          entries.push({
            text: capitalise(text),
            surprise,
            by: pick(rng, plan.people),
            daysAgo: Math.max(1, Math.round(hypothesisDaysAgo - ((e + 1) * span) / (entryCount + 1))),
          });
        }
        const outcome: Outcome =
          state === 'closed' ? pick(rng, ['validated', 'validated', 'invalidated', 'inconclusive'] as const)
          : state === 'active' && entries.length > 0 && rng() < 0.4 ? 'inconclusive'
          : 'open';
        const confidence: Confidence | null = outcome === 'open' ? null : pick(rng, ['low', 'medium', 'medium', 'high'] as const);
        const tags = [...new Set([theme.tag, ...theme.related.filter(() => rng() < 0.45)])].slice(0, 4);
        records.push({
          issueKey: key,
          hypothesis,
          hypothesisBy: author,
          hypothesisDaysAgo,
          entries,
          outcome,
          confidence,
          tags,
          ...(rng() < 0.3 && entries.length > 0
            ? { evidence: [{ url: `https://analytics.example.com/dashboards/${key.toLowerCase()}`, title: `${capitalise(pick(rng, theme.metrics))} dashboard` }] }
            : {}),
        });
      }
    }
  }
  return { issues, records };
}
