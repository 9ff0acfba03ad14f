/** The "Learned before" use cases on in-memory ports: one search per question, the save path for "This helped". */
import { findLearnedBefore } from '../../src/app/learned-before';
import { listReuses, markHelped } from '../../src/app/learning-reuse';
import { AppError } from '../../src/contract/errors';
import { draftOf, toStoredProperty } from '../../src/domain/learning-record';
import type { BrowsePermissionPort, IssueSearchPort, LearningHit, SearchPage } from '../../src/ports/issue-search.port';
import type { LearningReuse, LearningReusePort } from '../../src/ports/learning-reuse.port';
import { FixedSiteFacts, inMemoryDeps } from '../support/in-memory-ports';
import { aDraft, aRecord, FLEX_112_DRAFT } from '../support/learning-mother';

function aHit(key: string, draft = FLEX_112_DRAFT(), summary = ''): LearningHit {
  return {
    id: String(10_000 + Number(key.split('-')[1])),
    key,
    summary,
    project: { key: key.split('-')[0]!, name: '' },
    status: null,
    issueType: 'Story',
    parent: null,
    sprints: [],
    created: null,
    updated: null,
    property: toStoredProperty(aRecord(draft)),
  };
}

class FakeSearch implements IssueSearchPort {
  jqls: string[] = [];
  constructor(private readonly hits: LearningHit[], private readonly fail?: AppError) {}
  async search(input: { jql: string }): Promise<SearchPage> {
    this.jqls.push(input.jql);
    if (this.fail) throw this.fail;
    return { hits: this.hits, nextPageToken: null };
  }
  async validate(): Promise<string[]> {
    return [];
  }
  async approximateCount(): Promise<number> {
    return this.hits.length;
  }
}

class InMemoryReuses implements LearningReusePort {
  readonly stored = new Map<string, LearningReuse>();
  async record(reuse: LearningReuse) {
    this.stored.set(`${reuse.sourceIssueId}:${reuse.targetIssueId}`, reuse);
  }
  async listFor(sourceIssueId: string) {
    return [...this.stored.values()].filter((r) => r.sourceIssueId === sourceIssueId).sort((a, b) => b.at.localeCompare(a.at));
  }
}

const now = () => new Date('2026-11-20T09:00:00.000Z');
const CHK_990 = { key: 'CHK-990', id: '10990' };

describe('findLearnedBefore', () => {
  it('asks Jira once and answers the ranked learnings, never the issue itself', async () => {
    const search = new FakeSearch([aHit('FLEX-112', FLEX_112_DRAFT(), 'Offer Flex as a refund option'), aHit('CHK-990'), { ...aHit('SRCH-1'), property: { broken: true } }]);
    const list = await findLearnedBefore({ userSearch: search, now }, { issue: CHK_990, text: 'A refund option will reduce drop-off', tags: [] });
    expect(search.jqls).toHaveLength(1);
    expect(search.jqls[0]).toContain('key != "CHK-990"');
    expect(list.items.map((i) => i.issue.key)).toEqual(['FLEX-112']);
    expect(list.candidates).toBe(1);
    expect(list.items[0]).toMatchObject({ otherTeam: true, outcome: 'open', learnings: [{ surprise: true }, { surprise: false }] });
  });

  it('does not ask at all when there is nothing to look for', async () => {
    const search = new FakeSearch([]);
    expect(await findLearnedBefore({ userSearch: search, now }, { issue: CHK_990, text: '  ', tags: [] })).toEqual({ items: [], candidates: 0 });
    expect(search.jqls).toHaveLength(0);
  });
});

describe('markHelped', () => {
  const setup = (hits: LearningHit[], fail?: AppError) => {
    const deps = inMemoryDeps();
    deps.issueLearnings.issue.key = CHK_990.key;
    deps.issueLearnings.issue.id = CHK_990.id;
    return { ...deps, userSearch: new FakeSearch(hits, fail), reuses: new InMemoryReuses(), site: new FixedSiteFacts('https://acme.atlassian.net') };
  };

  it('adds the evidence link through the write path, keeps everything stored, and records who, when and which ticket', async () => {
    const deps = setup([aHit('FLEX-112', FLEX_112_DRAFT(), 'Offer Flex'), aHit('CHK-990', aDraft().build(), 'Refund option for low-cost tickets')]);
    const stored = aRecord(aDraft().withHypothesis('Refunds on cheap tickets').withEvidence('https://example.com/a').build());
    deps.issueLearnings.property = toStoredProperty(stored);
    const view = await markHelped(deps, { issue: CHK_990, accountId: 'acc-bob', sourceIssueKey: 'FLEX-112' });
    expect(view.link).toEqual({ id: 'learned-before-10112', url: 'https://acme.atlassian.net/browse/FLEX-112', title: 'Learned before: FLEX-112 Offer Flex' });
    expect(draftOf(view.saved.record)).toEqual({ ...draftOf(stored), evidence: [...stored.evidence, view.link] });
    expect(deps.issueLearnings.calls).toMatchObject({ readProperty: 1, writeProperty: 1 });
    expect(deps.history.snapshots.size).toBe(1);
    expect([...deps.reuses.stored.values()]).toEqual([
      { sourceIssueId: '10112', sourceIssueKey: 'FLEX-112', targetIssueId: '10990', targetIssueKey: 'CHK-990', targetSummary: 'Refund option for low-cost tickets', accountId: 'acc-bob', at: expect.any(String) },
    ]);
  });

  it('writes nothing to Jira when the link is already there', async () => {
    const deps = setup([aHit('FLEX-112')]);
    await markHelped(deps, { issue: CHK_990, accountId: 'a', sourceIssueKey: 'FLEX-112' });
    const again = await markHelped(deps, { issue: CHK_990, accountId: 'a', sourceIssueKey: 'FLEX-112' });
    expect(again.linkAdded).toBe(false);
    expect(deps.issueLearnings.calls.writeProperty).toBe(1);
  });

  it('answers NOT_FOUND when Jira will not show the earlier issue, and writes nothing', async () => {
    const deps = setup([], new AppError('INVALID_INPUT', "An issue with key 'GROW-9' does not exist"));
    await expect(markHelped(deps, { issue: CHK_990, accountId: 'a', sourceIssueKey: 'GROW-9' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(deps.issueLearnings.calls.writeProperty).toBe(0);
    expect(deps.reuses.stored.size).toBe(0);
  });
});

describe('listReuses', () => {
  it('names only the tickets the viewer may browse, counts the rest, and asks nothing when there are none', async () => {
    const reuses = new InMemoryReuses();
    const asked: string[][] = [];
    const permissions: BrowsePermissionPort = {
      browsableIssueIds: async (_accountId, ids) => {
        asked.push([...ids]);
        return new Set(ids.filter((id) => id !== '20001'));
      },
    };
    expect(await listReuses({ reuses, permissions }, { issue: { key: 'FLEX-112', id: '10112' }, accountId: 'carol' })).toEqual({ total: 0, visible: [], hiddenCount: 0 });
    expect(asked).toHaveLength(0);
    const base = { sourceIssueId: '10112', sourceIssueKey: 'FLEX-112', accountId: 'a' };
    await reuses.record({ ...base, targetIssueId: '20001', targetIssueKey: 'GROW-951', targetSummary: 'Secret', at: '2026-11-19T00:00:00.000Z' });
    await reuses.record({ ...base, targetIssueId: '20002', targetIssueKey: 'CHK-990', targetSummary: 'Refunds', at: '2026-11-18T00:00:00.000Z' });
    const summary = await listReuses({ reuses, permissions }, { issue: { key: 'FLEX-112', id: '10112' }, accountId: 'carol' });
    expect(summary).toEqual({ total: 2, visible: [{ key: 'CHK-990', summary: 'Refunds', at: '2026-11-18T00:00:00.000Z' }], hiddenCount: 1 });
    expect(asked).toEqual([['20001', '20002']]);
  });
});
