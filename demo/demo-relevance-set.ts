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
import type { GeneratedIssue, GeneratedRecord, Handle } from './demo-generator';

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

type Spec = [key: string, summary: string, hypothesis: string, learnings: string[], tags: string[], by: Handle, daysAgo: number];

const RECORDS: Spec[] = [
  // Q1 accessibility
  ['FLEX-901', 'Flex add-on for screen reader users', 'Making the Flex add-on readable by screen readers will stop blind customers abandoning the payment page.', ['VoiceOver users could not tell which option was selected until every button announced its state.', 'Blind testers finished the booking three minutes faster once every control had a text label.'], ['accessibility'], 'alice', 40],
  ['SRCH-901', 'Announce result counts to screen readers', 'Announcing the number of results to screen readers will help blind customers compare journeys.', ['Screen reader users wanted the price read out before the departure times.'], ['accessibility', 'search'], 'carol', 35],
  ['GROW-901', 'Keyboard-only booking audit', 'Fixing keyboard focus on every booking step will let customers who cannot use a mouse book alone.', ['Testers using only a keyboard got stuck on the seat map: it had no focusable seats.'], ['accessibility'], 'bob', 30],
  ['GROW-902', 'Clearer labels on the referral banner', 'Clearer labels on the referral banner will raise clicks from readers of the newsletter.', ['Newsletter readers clicked the banner no more than before.'], ['referrals', 'copy'], 'alice', 20],
  // Q2 emissions
  ['SRCH-902', 'Carbon label on search results', 'A carbon label on each search result will shift bookings towards lower-emission journeys.', ['Customers noticed the CO2 label, but price still decided the booking.', 'The label worked best when it compared the train with the same trip by plane.'], ['sustainability', 'search'], 'carol', 45],
  ['CHK-901', 'Offset emissions at checkout', 'Offering to offset the emissions of the journey at checkout will be chosen by one customer in ten.', ['Only 2% offset their emissions; most said the train was already green enough.'], ['sustainability', 'checkout'], 'bob', 38],
  ['GROW-903', 'Yearly CO2 savings email', 'Telling customers how much CO2 they saved by taking trains this year will make them choose trains over flights again.', ['Customers shared their CO2 savings on social media far more than any other email.'], ['sustainability', 'email'], 'alice', 25],
  ['FLEX-902', 'Platform number on the journey screen', 'Showing the platform number of each journey in the app will reduce missed trains.', ['Missed trains fell slightly at large stations only.'], ['mobile'], 'bob', 28],
  // Q3 loyalty
  ['GROW-904', 'Double loyalty points at weekends', 'Double loyalty points on weekend journeys will raise repeat bookings by members.', ['Members booked 8% more weekend trips, mostly trips they would have taken anyway.'], ['loyalty'], 'alice', 42],
  ['FLEX-903', 'Pay for Flex with loyalty points', 'Letting members pay for Flex with loyalty points will raise Flex uptake among frequent travellers.', ['Paying with points was popular with business travellers; points balances fell faster than planned.'], ['loyalty', 'refunds'], 'carol', 33],
  ['CHK-902', 'Show points earned before payment', 'Showing how many loyalty points a booking earns before payment will make members finish the booking.', ['Members who saw the points earned completed checkout 3 points more often.'], ['loyalty', 'checkout'], 'bob', 22],
  ['CHK-903', 'Cache the points-of-sale list', 'Caching the list of points of sale will make the booking page load faster.', ['Page load fell by 300 ms on the booking page.'], ['performance'], 'bob', 18],
  // Q4 group bookings
  ['CHK-904', 'Group booking form for schools', 'A group booking form for up to 30 travellers will replace the phone line for school trips.', ['Teachers wanted to pay by invoice, not by card.', 'Most group bookings were for 12 to 25 travellers.'], ['groups', 'checkout'], 'bob', 50],
  ['SRCH-903', 'Group fares in search', 'Searching for many passengers at once will show group fares that win large parties.', ['Group fares were cheaper only above ten travellers, which confused smaller groups.'], ['groups', 'search'], 'carol', 36],
  ['FLEX-904', 'Flex for group tickets', 'Offering Flex on group tickets will reassure schools that a cancelled trip is not lost money.', ['Schools bought Flex for whole groups when the trip was more than a month away.'], ['groups', 'refunds'], 'alice', 27],
  ['GROW-905', 'A Facebook group for frequent travellers', 'A Facebook group for frequent travellers will bring in referrals from their friends.', ['The group was mostly used to complain about delays.'], ['referrals'], 'dan', 24],
  // Q5 delay compensation
  ['FLEX-905', 'One-click delay compensation claim', 'A one-click claim for delay compensation will reduce calls to support.', ['Claims tripled, and calls about delays halved.'], ['delays', 'support'], 'alice', 39],
  ['GROW-906', 'Compensation vouchers for delayed customers', 'Emailing delayed customers a compensation voucher will bring them back to book again.', ['Voucher users booked again 20% more often; those who got nothing complained publicly.'], ['delays', 'email'], 'bob', 31],
  ['CHK-905', 'Pay compensation to the card used', 'Paying delay compensation straight back to the card used at checkout will end complaints about slow claims.', ['Automatic payouts removed most complaints, but some cards had expired.'], ['delays', 'payments'], 'carol', 21],
  ['SRCH-904', 'Search response under one second', 'Reducing the delay before search results appear to under one second will raise clicks.', ['A delay under one second did not change clicks.'], ['performance', 'search'], 'carol', 19],
  // Q6 bikes
  ['CHK-906', 'Bike reservations in checkout', 'Adding bike reservations to checkout will reduce complaints from cyclists turned away at the platform.', ['Bike spaces sold out on sunny weekends within hours.'], ['bikes', 'checkout'], 'bob', 44],
  ['SRCH-905', 'Filter trains with bike spaces', 'Filtering search results to trains with bike spaces will help cyclists find a journey.', ['Cyclists used the filter, but many trains had no data about their bike spaces.'], ['bikes', 'search'], 'carol', 34],
  ['GROW-907', 'Cycling holiday landing page', 'A landing page for cycling holidays will bring cyclists who need a bike space on the train.', ['Visitors asked first whether a bike space could be reserved with the ticket.'], ['bikes', 'acquisition'], 'alice', 26],
  ['FLEX-906', 'Rename "reserve" to "book" on the seat page', 'Renaming "reserve" to "book" on the seat page will stop customers thinking they have not paid yet.', ['Customers did not notice the change.'], ['copy'], 'alice', 17],
  // Q7 student discounts
  ['GROW-908', 'Student discount verified by university email', 'A student discount verified by university email will bring in young customers.', ['Verification by email took two minutes; students abandoned when asked for a photo of their card.'], ['discounts', 'acquisition'], 'alice', 41],
  ['CHK-907', 'Apply the student discount automatically', 'Applying the student discount automatically at checkout will end promo code errors for students.', ['Automatic discounts removed most promo code errors.'], ['discounts', 'checkout'], 'bob', 29],
  ['SRCH-906', 'Student fares in search results', 'Showing student fares in search results will make students book online instead of at the station.', ['Students booked online more often once their fare showed without logging in.'], ['discounts', 'search'], 'carol', 23],
  ['SRCH-907', 'Station map in results', 'Showing a station map in results will help customers visiting a city for the first time choose the right station.', ['First-time visitors opened the map most, on their phones.'], ['search'], 'carol', 16],
  // Q8 chatbot
  ['FLEX-907', 'Chatbot for Flex conditions', 'A chatbot that explains Flex conditions will cut support calls about refunds.', ['The chatbot answered 60% of questions; the rest went to agents.'], ['chatbot', 'support'], 'alice', 37],
  ['GROW-909', 'Night-time chat on the website', 'Answering questions in a chat at night will convert hesitant visitors.', ['Conversations at night converted twice as well as those in the day.'], ['chatbot'], 'bob', 32],
  ['SRCH-908', 'Ask the chatbot for a timetable', 'Letting customers ask the chatbot for train times will take pressure off the support line.', ['Most chatbot questions were about the last train of the day.'], ['chatbot', 'support'], 'carol', 22],
  ['CHK-908', 'Timetable change notice by SMS', 'Sending timetable change notices by SMS will reduce missed trains at night.', ['SMS reached customers faster than email.'], ['mobile'], 'bob', 15],
  // Q9 pets
  ['SRCH-909', 'Trains that allow dogs', 'Showing which trains allow dogs will help pet owners plan a journey.', ['Pet owners searched mostly for weekend journeys.'], ['pets', 'search'], 'carol', 40],
  ['CHK-909', 'Pet ticket in checkout', 'Adding a pet ticket to checkout will be bought by 1% of bookings.', ['Pet tickets sold mostly on regional routes; dog owners asked about size limits.'], ['pets', 'checkout'], 'bob', 30],
  ['GROW-910', 'Pet-friendly travel guide', 'A guide to travelling with pets will bring dog owners to the site.', ['Dog owners spent longest on the page about which trains allow large dogs.'], ['pets', 'acquisition'], 'alice', 25],
  ['FLEX-908', 'Pay on board by phone', 'Paying on board with a phone will shorten queues for tickets at the station.', ['Few customers paid on board: most had bought tickets online.'], ['mobile', 'payments'], 'alice', 14],
];

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
const projectOf = (key: string) => key.split('-')[0]!;

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
  const records = RECORDS.map(
    ([key, , hypothesis, learnings, tags, by, daysAgo]): GeneratedRecord => ({
      issueKey: key,
      hypothesis,
      hypothesisBy: by,
      hypothesisDaysAgo: daysAgo,
      entries: learnings.map((text, index) => ({ text, by, daysAgo: Math.max(1, daysAgo - 7 - index) })),
      outcome: 'validated',
      confidence: 'medium',
      tags,
    }),
  );
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
