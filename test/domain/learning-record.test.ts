import {
  LIMITS,
  draftOf,
  indexFieldsOf,
  normaliseDraft,
  normaliseTags,
  sizeReportOf,
  stampRevision,
} from '../../src/domain/record/learning-record';
import { propertySizeOf, toStoredProperty } from '../../src/domain/record/stored-format';
import { problemWith, readStoredProperty } from '../../src/domain/record/record-schema';
import { learningTextOf, storedTextOf } from '../../src/domain/record/text-index';
import { FLEX_112_DRAFT, aDraft, aRecord, anEntry } from '../support/learning-mother';

describe('the learning record', () => {
  it('derives the JQL index fields from the entries, never from input', () => {
    const record = aRecord(FLEX_112_DRAFT());
    expect(toStoredProperty(record).index).toEqual({ surprise: 'true', count: 2, surpriseCount: 1, authors: ['acc-alice'] });
    expect(indexFieldsOf({ learnings: [] })).toEqual({ surprise: 'false', count: 0, surpriseCount: 0, authors: [] });
    const more = { ...draftOf(record), learnings: [...draftOf(record).learnings, anEntry('Written by bob.')] };
    const byTwo = aRecord(more, { accountId: 'acc-bob', previous: record });
    expect(indexFieldsOf(byTwo).authors).toEqual(['acc-alice', 'acc-bob']);
  });

  it("keeps the learnings' texts for learningText in their own property, one per line, smaller than the record's", () => {
    const record = aRecord(FLEX_112_DRAFT());
    expect(learningTextOf(record)).toEqual({
      text: "Customers in Spain engaged more, even if they didn't buy.\nLabeling matters more than refund amount.",
    });
    expect(learningTextOf({ learnings: [] })).toEqual({ text: '' });
    // Each text also sits in the record, escaped the same way: the record's size check covers the texts' property.
    const heavy = aRecord(aDraft().withLearning('"quoted" \\ \u{1F600} ünïcode\n'.repeat(100)).withLearning('x').build());
    expect(Buffer.byteLength(JSON.stringify(learningTextOf(heavy)))).toBeLessThan(propertySizeOf(heavy));
    expect(storedTextOf({ text: 'a' })).toBe('a');
    expect([storedTextOf(undefined), storedTextOf({ text: 3 }), storedTextOf('a')]).toEqual([null, null, null]);
  });

  it('normalises tags: trimmed, lower-cased, spaces as dashes, de-duplicated in order', () => {
    expect(normaliseTags([' Pricing ', 'pricing', 'Refund Policy', '', 'UX'])).toEqual(['pricing', 'refund-policy', 'ux']);
  });

  it('drops empty entries and trims text when normalising a draft', () => {
    const draft = normaliseDraft(aDraft().withHypothesis('  We believe  ').withLearning('   ').withLearning(' kept ').build());
    expect(draft.hypothesis).toBe('We believe');
    expect(draft.learnings.map((e) => e.text)).toEqual(['kept']);
  });

  it('stamps new entries with their author and keeps the author of existing ones', () => {
    const first = aRecord(FLEX_112_DRAFT(), { accountId: 'acc-alice' });
    const draft = FLEX_112_DRAFT();
    draft.learnings = [
      ...first.learnings.map(({ id, text, surprise }) => ({ id, text, surprise })),
      { id: 'new1', text: 'New', surprise: false },
    ];
    const second = stampRevision(first, draft, { accountId: 'acc-bob', now: new Date('2026-11-03T00:00:00Z') });
    expect(second.revision).toBe(2);
    expect(second.learnings.map((e) => e.authorAccountId)).toEqual(['acc-alice', 'acc-alice', 'acc-bob']);
    expect(second.learnings[0]?.updatedAt).toBe(first.learnings[0]?.updatedAt);
    expect(second.updatedBy).toBe('acc-bob');
  });

  it('measures the property as Jira counts it and reports the level', () => {
    const record = aRecord();
    expect(propertySizeOf(record)).toBe(JSON.stringify(toStoredProperty(record)).length);
    expect(sizeReportOf(100).level).toBe('ok');
    expect(sizeReportOf(Math.ceil(LIMITS.propertyBytes * 0.8)).level).toBe('warning');
    expect(sizeReportOf(LIMITS.propertyBytes + 1)).toMatchObject({ level: 'over', remaining: -1 });
  });
});

describe('what Jira indexes and measures', () => {
  // jira:entityProperty: a date-time is `[YYYY]-[MM]-[DD]T[hh]:[mm]:[ss][TZ]`, no fractional seconds.
  const JIRA_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;

  it('stamps every time in the date-time format Jira indexes', () => {
    const now = new Date('2026-11-29T20:15:42.517Z');
    const record = stampRevision(null, aDraft().withHypothesis('h').withLearning('l').build(), { accountId: 'a', now });
    expect(record.updatedAt).toBe('2026-11-29T20:15:42Z');
    for (const time of [record.updatedAt, ...record.learnings.flatMap((e) => [e.createdAt, e.updatedAt])])
      expect(time).toMatch(JIRA_DATE_TIME);
  });

  it("measures the stored JSON in UTF-8 bytes, the safe reading of Jira's limit", () => {
    const plain = aRecord(aDraft().withHypothesis('a'.repeat(100)).build());
    const accented = aRecord(aDraft().withHypothesis('é'.repeat(100)).build());
    const emoji = aRecord(aDraft().withHypothesis('😀'.repeat(100)).build());
    const json = (r: typeof plain) => JSON.stringify(toStoredProperty(r));
    // Independent of the app's counter: Node's own UTF-8 encoder.
    for (const r of [plain, accented, emoji]) expect(propertySizeOf(r)).toBe(Buffer.byteLength(json(r), 'utf8'));
    expect(propertySizeOf(accented) - propertySizeOf(plain)).toBe(100);
    expect(propertySizeOf(emoji) - propertySizeOf(plain)).toBe(300);
  });
});

describe('validating a draft', () => {
  it('accepts FLEX-112', () => {
    expect(problemWith(FLEX_112_DRAFT())).toBeNull();
  });

  it.each([
    ['a too-long hypothesis', { hypothesis: 'x'.repeat(2001) }, /hypothesis may be at most 2000/],
    ['an unknown outcome', { outcome: 'won' }, /Outcome must be one of/],
    ['too many tags', { tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }, /At most 10 tags/],
    ['a too-long tag', { tags: ['x'.repeat(41)] }, /at most 40 characters/],
    ['a javascript: link', { evidence: [{ id: 'l1', url: 'javascript:alert(1)', title: 'x' }] }, /http:\/\/ or https:\/\//],
    ['a data: link', { evidence: [{ id: 'l1', url: 'data:text/html,hi', title: 'x' }] }, /http:\/\/ or https:\/\//],
    ['an extra field', { extra: true }, /Unrecognized key/i],
    [
      '51 learnings',
      { learnings: Array.from({ length: 51 }, (_, i) => ({ id: `e${i}`, text: 't', surprise: false })) },
      /at most 50 learnings/,
    ],
    ['an entry with a bad id', { learnings: [{ id: '<script>', text: 't', surprise: false }] }, /id may hold only/],
  ])('refuses %s with a sentence that says what to do', (_name, change, message) => {
    expect(problemWith({ ...FLEX_112_DRAFT(), ...change })).toMatch(message);
  });
});

describe('reading what is stored', () => {
  it('reads a stored record back without its derived fields', () => {
    const record = aRecord();
    expect(readStoredProperty(JSON.parse(JSON.stringify(toStoredProperty(record))))).toEqual({ kind: 'record', record });
  });

  it('tells absent from unreadable', () => {
    expect(readStoredProperty(undefined).kind).toBe('absent');
    expect(readStoredProperty('hello')).toMatchObject({ kind: 'unreadable' });
    expect(readStoredProperty({ foo: 1 })).toMatchObject({ kind: 'unreadable' });
    expect(readStoredProperty([1, 2])).toMatchObject({ kind: 'unreadable' });
  });

  it('tells a record from a newer schema apart, so an old app shows it read-only and never overwrites it', () => {
    const reading = readStoredProperty({ ...toStoredProperty(aRecord()), schemaVersion: 3 });
    expect(reading).toMatchObject({ kind: 'newer', schemaVersion: 3, reason: expect.stringMatching(/newer version/) });
  });

  it('refuses evidence links with credentials in them, and takes them out of links stored before', () => {
    const draft = aDraft().withEvidence('https://user:secret@analytics.example.com/board').build();
    expect(problemWith(draft)).toMatch(/user name or password/);
    expect(problemWith(aDraft().withEvidence('https://analytics.example.com/board').build())).toBeNull();
    const stored = toStoredProperty(aRecord(aDraft().withEvidence('https://analytics.example.com/board').build()));
    stored.evidence[0]!.url = 'https://user:secret@analytics.example.com/board';
    const reading = readStoredProperty(JSON.parse(JSON.stringify(stored)));
    expect(reading.kind === 'record' && reading.record.evidence[0]!.url).toBe('https://analytics.example.com/board');
  });

  it('explains an unreadable record in words, not in schema paths', () => {
    const reading = readStoredProperty({ schemaVersion: 1, hypothesis: 42 });
    expect(reading).toMatchObject({ kind: 'unreadable' });
    expect(reading.kind === 'unreadable' && reading.reason).not.toMatch(/schemaVersion|expected shape|"/);
  });
});
