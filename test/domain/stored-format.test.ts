/**
 * The stored property's format: version 2 written (short learning keys, authors by their place in
 * `index.authors`, defaults left out), versions 1 and 2 read into the same record. The JSON here is
 * written by hand, never by the app's writer.
 */
import type { LearningRecord } from '../../src/domain/record/learning-record';
import { readStoredProperty } from '../../src/domain/record/record-schema';
import { propertySizeOf, toStoredProperty } from '../../src/domain/record/stored-format';

/** Two authors; a surprise; an edited learning (updatedAt after createdAt); bob's learnings on either side of alice's. */
const record: LearningRecord = {
  schemaVersion: 2,
  hypothesis: 'Showing the refund fee up front will cut drop-off.',
  hypothesisAt: '2026-11-02T10:00:00Z',
  learnings: [
    {
      id: 'e1',
      text: 'Spain engaged more.',
      surprise: true,
      authorAccountId: 'acc-bob',
      createdAt: '2026-11-02T10:00:00Z',
      updatedAt: '2026-11-02T10:00:00Z',
    },
    {
      id: 'e2',
      text: 'Labels matter more than amounts: “Flex” beat “refund”.',
      surprise: false,
      authorAccountId: 'acc-alice',
      createdAt: '2026-11-03T09:00:00Z',
      updatedAt: '2026-11-05T16:30:00Z',
    },
    {
      id: 'e3',
      text: 'Bob again.',
      surprise: false,
      authorAccountId: 'acc-bob',
      createdAt: '2026-11-04T08:00:00Z',
      updatedAt: '2026-11-04T08:00:00Z',
    },
  ],
  outcome: 'validated',
  confidence: 'medium',
  tags: ['pricing', 'refunds'],
  evidence: [{ id: 'l1', url: 'https://analytics.example.com/funnel', title: 'Funnel' }],
  revision: 4,
  updatedAt: '2026-11-05T16:30:00Z',
  updatedBy: 'acc-alice',
};

const V2_TEXT =
  '{"schemaVersion":2,"hypothesis":"Showing the refund fee up front will cut drop-off.","hypothesisAt":"2026-11-02T10:00:00Z",' +
  '"learnings":[{"id":"e1","t":"Spain engaged more.","s":true,"a":1,"c":"2026-11-02T10:00:00Z"},' +
  '{"id":"e2","t":"Labels matter more than amounts: “Flex” beat “refund”.","a":0,"c":"2026-11-03T09:00:00Z","u":"2026-11-05T16:30:00Z"},' +
  '{"id":"e3","t":"Bob again.","a":1,"c":"2026-11-04T08:00:00Z"}],' +
  '"outcome":"validated","confidence":"medium","tags":["pricing","refunds"],' +
  '"evidence":[{"id":"l1","url":"https://analytics.example.com/funnel","title":"Funnel"}],' +
  '"revision":4,"updatedAt":"2026-11-05T16:30:00Z","updatedBy":"acc-alice",' +
  '"index":{"surprise":"true","count":3,"surpriseCount":1,"authors":["acc-alice","acc-bob"]}}';

/** The same record as version 1 stored it (with the index of that time, which still carried the texts). */
const V1_TEXT =
  '{"schemaVersion":1,"hypothesis":"Showing the refund fee up front will cut drop-off.","hypothesisAt":"2026-11-02T10:00:00Z",' +
  '"learnings":[{"id":"e1","text":"Spain engaged more.","surprise":true,"authorAccountId":"acc-bob",' +
  '"createdAt":"2026-11-02T10:00:00Z","updatedAt":"2026-11-02T10:00:00Z"},' +
  '{"id":"e2","text":"Labels matter more than amounts: “Flex” beat “refund”.","surprise":false,"authorAccountId":"acc-alice",' +
  '"createdAt":"2026-11-03T09:00:00Z","updatedAt":"2026-11-05T16:30:00Z"},' +
  '{"id":"e3","text":"Bob again.","surprise":false,"authorAccountId":"acc-bob",' +
  '"createdAt":"2026-11-04T08:00:00Z","updatedAt":"2026-11-04T08:00:00Z"}],' +
  '"outcome":"validated","confidence":"medium","tags":["pricing","refunds"],' +
  '"evidence":[{"id":"l1","url":"https://analytics.example.com/funnel","title":"Funnel"}],' +
  '"revision":4,"updatedAt":"2026-11-05T16:30:00Z","updatedBy":"acc-alice",' +
  '"index":{"surprise":"true","text":"Spain engaged more.","count":3,"surpriseCount":1,"authors":["acc-alice","acc-bob"]}}';

const v2 = (): Record<string, unknown> => JSON.parse(V2_TEXT) as Record<string, unknown>;
/** The hand-written v2 JSON with its learnings (and index) replaced. */
const v2With = (change: { learnings?: unknown[]; index?: unknown }): Record<string, unknown> => ({ ...v2(), ...change });
const bobsLearning = { id: 'e1', t: 'Spain engaged more.', a: 1, c: '2026-11-02T10:00:00Z' };

describe('the stored format, version 2', () => {
  it('writes the compact JSON: short learning keys, authors by their place in index.authors, defaults left out', () => {
    expect(JSON.stringify(toStoredProperty(record))).toBe(V2_TEXT);
  });

  it('reads back the very record it was written from', () => {
    expect(readStoredProperty(JSON.parse(V2_TEXT))).toEqual({ kind: 'record', record });
    expect(readStoredProperty(JSON.parse(JSON.stringify(toStoredProperty(record))))).toEqual({ kind: 'record', record });
  });

  it('measures the compact JSON against the 32 KB limit, in UTF-8 bytes', () => {
    expect(propertySizeOf(record)).toBe(Buffer.byteLength(V2_TEXT, 'utf8'));
  });

  it('reads a record stored in version 1 as the same record, to be written in version 2 at its next save', () => {
    const reading = readStoredProperty(JSON.parse(V1_TEXT));
    expect(reading).toEqual({ kind: 'record', record });
    expect(reading.kind === 'record' && JSON.stringify(toStoredProperty(reading.record))).toBe(V2_TEXT);
  });

  it('reads an explicit "s": false and an "u" equal to "c" as their defaults', () => {
    const spelledOut = v2With({ learnings: [{ ...bobsLearning, s: false, u: '2026-11-02T10:00:00Z' }] });
    const reading = readStoredProperty(spelledOut);
    expect(reading.kind === 'record' && reading.record.learnings).toEqual([
      {
        id: 'e1',
        text: 'Spain engaged more.',
        surprise: false,
        authorAccountId: 'acc-bob',
        createdAt: '2026-11-02T10:00:00Z',
        updatedAt: '2026-11-02T10:00:00Z',
      },
    ]);
  });

  it.each([
    ['an author index past the end of index.authors', { learnings: [{ ...bobsLearning, a: 2 }] }],
    ['a negative author index', { learnings: [{ ...bobsLearning, a: -1 }] }],
    ['an author index that is not an integer', { learnings: [{ ...bobsLearning, a: 0.5 }] }],
    ['an author index given as a string', { learnings: [{ ...bobsLearning, a: '1' }] }],
    ['no author index', { learnings: [{ id: 'e1', t: 'Spain engaged more.', c: '2026-11-02T10:00:00Z' }] }],
    ['no index', { index: undefined }],
    ['an index without authors', { index: { surprise: 'true', count: 1, surpriseCount: 1 } }],
    ['authors that are not strings', { index: { authors: ['acc-alice', 7] } }],
    ['a learning without its text', { learnings: [{ id: 'e1', a: 1, c: '2026-11-02T10:00:00Z' }] }],
    [
      "a learning in version 1's long names",
      { learnings: [{ id: 'e1', text: 'x', surprise: false, authorAccountId: 'acc-bob', createdAt: 'x', updatedAt: 'x' }] },
    ],
  ])('reads %s as unreadable, never guessed and never thrown', (_name, change) => {
    expect(readStoredProperty(v2With(change))).toMatchObject({ kind: 'unreadable' });
  });

  it('keeps the paths Jira indexes, under the same names as in version 1', () => {
    const stored = JSON.parse(V2_TEXT) as Record<string, unknown>;
    const v1 = JSON.parse(V1_TEXT) as Record<string, unknown>;
    for (const path of ['hypothesis', 'hypothesisAt', 'outcome', 'confidence', 'tags', 'evidence', 'revision', 'updatedAt', 'updatedBy'])
      expect({ path, value: stored[path] }).toEqual({ path, value: v1[path] });
    expect(stored.index).toEqual({ surprise: 'true', count: 3, surpriseCount: 1, authors: ['acc-alice', 'acc-bob'] });
  });
});
