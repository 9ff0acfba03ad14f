/**
 * A record stored in format version 1 (every record saved before version 2) opens as it is and is
 * written in version 2 at its next save; the revision kept in history reads back the same. The
 * stored JSON is written by hand here.
 */
import { getPanel } from '../../src/app/record/get-panel';
import { saveLearning } from '../../src/app/record/save-learning';
import { draftOf } from '../../src/domain/record/learning-record';
import { readStoredProperty } from '../../src/domain/record/record-schema';
import { inMemoryDeps } from '../support/in-memory-ports';
import { alice, bob } from './save-learning-support';

const issue = { key: 'FLEX-112', id: '10112' };
const STORED_V1 = {
  schemaVersion: 1,
  hypothesis: 'Flex lifts uptake.',
  learnings: [
    {
      id: 'e1',
      text: 'Spain engaged more.',
      surprise: true,
      authorAccountId: alice,
      createdAt: '2026-11-02T10:00:00Z',
      updatedAt: '2026-11-03T10:00:00Z',
    },
  ],
  outcome: 'open',
  confidence: null,
  tags: ['pricing'],
  evidence: [],
  revision: 2,
  updatedAt: '2026-11-03T10:00:00Z',
  updatedBy: alice,
  index: { surprise: 'true', text: 'Spain engaged more.', count: 1, surpriseCount: 1 },
};

describe('a record stored in format version 1', () => {
  it('opens as stored, and its next save writes version 2 with its first author and times kept', async () => {
    const deps = inMemoryDeps();
    deps.issueLearnings.property = structuredClone(STORED_V1);
    const view = await getPanel(deps, { issueKey: issue.key, accountId: bob });
    expect(view.record?.learnings).toEqual(STORED_V1.learnings);

    const draft = draftOf(view.record!);
    draft.learnings.push({ id: 'e2', text: 'Labels matter.', surprise: false });
    const saved = await saveLearning(deps, { issue, accountId: bob, baseRevision: 2, draft });

    const written = deps.issueLearnings.property as Record<string, unknown>;
    const at = saved.record.updatedAt;
    expect(written).toMatchObject({
      schemaVersion: 2,
      hypothesis: 'Flex lifts uptake.',
      learnings: [
        { id: 'e1', t: 'Spain engaged more.', s: true, a: 0, c: '2026-11-02T10:00:00Z', u: '2026-11-03T10:00:00Z' },
        { id: 'e2', t: 'Labels matter.', a: 1, c: at },
      ],
      revision: 3,
      updatedBy: bob,
      index: { surprise: 'true', count: 2, surpriseCount: 1, authors: [alice, bob] },
    });
    // Defaults left out: no "s" when not a surprise, no "u" when never edited; no long names.
    const [first, second] = written.learnings as object[];
    expect([Object.keys(first!), Object.keys(second!)]).toEqual([
      ['id', 't', 's', 'a', 'c', 'u'],
      ['id', 't', 'a', 'c'],
    ]);
  });

  it('is kept in history (in version 2) before it is overwritten, and reads back as the record it was', async () => {
    const deps = inMemoryDeps();
    deps.issueLearnings.property = structuredClone(STORED_V1);
    const before = readStoredProperty(STORED_V1);
    expect(before).toMatchObject({ kind: 'record', record: { revision: 2, learnings: [{ authorAccountId: alice }] } });
    const draft = {
      hypothesis: 'Flex lifts uptake a lot.',
      learnings: [],
      outcome: 'open' as const,
      confidence: null,
      tags: [],
      evidence: [],
    };
    await saveLearning(deps, { issue, accountId: bob, baseRevision: 2, draft });
    const kept = await deps.history.get(issue.id, 2);
    expect(kept?.value).toMatchObject({ schemaVersion: 2, learnings: [{ id: 'e1', t: 'Spain engaged more.', a: 0 }] });
    expect(readStoredProperty(kept?.value)).toEqual(before);
  });
});
