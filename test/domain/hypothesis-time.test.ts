/**
 * When the hypothesis was written (`hypothesisAt`, issue #16's start of "time to learning"):
 * stamped by the server when the hypothesis is first written, kept through edits and merges,
 * removed when it is emptied, restored with an old revision, never taken from a payload.
 */
import { LIMITS, draftOf, stampRevision, type LearningRecord } from '../../src/domain/record/learning-record';
import { propertySizeOf, toStoredProperty } from '../../src/domain/record/stored-format';
import { draftSchema, problemWith, readStoredProperty } from '../../src/domain/record/record-schema';
import { aDraft, aRecord } from '../support/learning-mother';

const saveAt = (previous: LearningRecord | null, draft: ReturnType<typeof draftOf>, at: string, restored?: LearningRecord) =>
  stampRevision(previous, draft, { accountId: 'acc-alice', now: new Date(at), ...(restored ? { restored } : {}) });

describe('when the hypothesis was written', () => {
  it('is stamped with the save’s time when the hypothesis is first written, in the format Jira indexes', () => {
    const record = aRecord(aDraft().withHypothesis('Refunds reduce drop-off.').build(), { at: '2026-11-02T10:00:00.517Z' });
    expect(record.hypothesisAt).toBe('2026-11-02T10:00:00Z');
  });

  it('is absent while there is no hypothesis, then stamped when one is written to a record that had none', () => {
    const bare = aRecord(aDraft().withLearning('Learned first.').withTags('pricing').build());
    expect(bare).not.toHaveProperty('hypothesisAt');
    const written = saveAt(bare, { ...draftOf(bare), hypothesis: 'Now we say what we expect.' }, '2026-11-05T08:30:00Z');
    expect(written.hypothesisAt).toBe('2026-11-05T08:30:00Z');
  });

  it('keeps the first time through edits of the hypothesis and of everything else', () => {
    const first = aRecord(aDraft().withHypothesis('Refunds reduce drop-off.').build(), { at: '2026-11-02T10:00:00Z' });
    const edited = saveAt(first, { ...draftOf(first), hypothesis: 'Refunds reduce drop-off in Spain.' }, '2026-11-04T10:00:00Z');
    const more = saveAt(edited, { ...draftOf(edited), tags: ['pricing'] }, '2026-11-09T10:00:00Z');
    expect([edited.hypothesisAt, more.hypothesisAt]).toEqual(['2026-11-02T10:00:00Z', '2026-11-02T10:00:00Z']);
  });

  it('is removed when the hypothesis is emptied, and stamped anew when it is written again', () => {
    const first = aRecord(aDraft().withHypothesis('Refunds reduce drop-off.').withLearning('kept').build(), { at: '2026-11-02T10:00:00Z' });
    const emptied = saveAt(first, { ...draftOf(first), hypothesis: '' }, '2026-11-03T10:00:00Z');
    expect(emptied).not.toHaveProperty('hypothesisAt');
    expect(JSON.stringify(emptied)).not.toContain('hypothesisAt');
    const again = saveAt(emptied, { ...draftOf(emptied), hypothesis: 'A new bet.' }, '2026-11-06T10:00:00Z');
    expect(again.hypothesisAt).toBe('2026-11-06T10:00:00Z');
  });

  it('is not invented for a record saved before it was kept: an edit would date the hypothesis later than it was written', () => {
    const { hypothesisAt: _dropped, ...old } = aRecord(aDraft().withHypothesis('Written long ago.').build());
    const edited = saveAt(old, { ...draftOf(old), hypothesis: 'Written long ago, edited now.' }, '2026-12-01T10:00:00Z');
    expect(edited).not.toHaveProperty('hypothesisAt');
  });

  it('comes back with a restored revision: its own time, or none when it had none', () => {
    const first = aRecord(aDraft().withHypothesis('First bet.').build(), { at: '2026-11-02T10:00:00Z' });
    const emptied = saveAt(first, { ...draftOf(first), hypothesis: '' }, '2026-11-03T10:00:00Z');
    const second = saveAt(emptied, { ...draftOf(emptied), hypothesis: 'Second bet.' }, '2026-11-04T10:00:00Z');
    expect(saveAt(second, draftOf(first), '2026-11-08T10:00:00Z', first).hypothesisAt).toBe('2026-11-02T10:00:00Z');
    expect(saveAt(second, draftOf(emptied), '2026-11-08T10:00:00Z', emptied)).not.toHaveProperty('hypothesisAt');
    const { hypothesisAt: _dropped, ...old } = first;
    expect(saveAt(second, draftOf(old), '2026-11-08T10:00:00Z', old)).not.toHaveProperty('hypothesisAt');
  });

  it('cannot come from a payload: the draft schema is strict and refuses it', () => {
    const draft = { ...aDraft().withHypothesis('h').build(), hypothesisAt: '2020-01-01T00:00:00Z' };
    expect(draftSchema.safeParse(draft).success).toBe(false);
    expect(problemWith(draft)).toMatch(/hypothesisAt/);
  });

  it('is read back from the stored property; records without it stay readable, and a broken one is dropped', () => {
    const record = aRecord(aDraft().withHypothesis('h').build(), { at: '2026-11-02T10:00:00Z' });
    const stored = JSON.parse(JSON.stringify(toStoredProperty(record))) as Record<string, unknown>;
    expect(readStoredProperty(stored)).toEqual({ kind: 'record', record });
    const { hypothesisAt: _dropped, ...old } = stored;
    const oldReading = readStoredProperty(old);
    expect(oldReading.kind).toBe('record');
    expect(oldReading.kind === 'record' && oldReading.record).not.toHaveProperty('hypothesisAt');
    const broken = readStoredProperty({ ...stored, hypothesisAt: 'last Tuesday' });
    expect(broken.kind).toBe('record');
    expect(broken.kind === 'record' && broken.record).not.toHaveProperty('hypothesisAt');
  });

  it('adds a few dozen bytes to the property, so the size limit and its meter are unaffected', () => {
    const draft = aDraft().withHypothesis('h').build();
    const withTime = aRecord(draft);
    const { hypothesisAt: _dropped, ...without } = withTime;
    const added = propertySizeOf(withTime) - propertySizeOf(without);
    // `,"hypothesisAt":"2026-11-02T10:00:00Z"`: 38 bytes.
    expect(added).toBe(Buffer.byteLength(',"hypothesisAt":"2026-11-02T10:00:00Z"', 'utf8'));
    expect(added / LIMITS.propertyBytes).toBeLessThan(0.002);
  });
});
