/** The "Learned before" use cases on in-memory ports: one search per question, the save path for "This helped". */
import { findLearnedBefore } from '../../src/app/learned-before/find-learned-before';
import { helpedLink, listReuses } from '../../src/app/learned-before/learning-reuse';
import { saveLearning } from '../../src/app/record/save-learning';
import { AppError } from '../../src/contract/errors';
import { draftOf } from '../../src/domain/record/learning-record';
import { toStoredProperty } from '../../src/domain/record/stored-format';
import type {
  BrowsePermissionPort,
  IssueIdSearchPort,
  IssueSearchPort,
  LearningHit,
  SearchPage,
} from '../../src/ports/search/issue-search.port';
import { FixedSiteFacts, InMemoryReuses, inMemoryDeps } from '../support/in-memory-ports';
import { aDraft, aRecord, FLEX_112_DRAFT } from '../support/learning-mother';

function aHit(key: string, draft = FLEX_112_DRAFT(), summary = ''): LearningHit {
  return {
    id: String(10_000 + Number(key.split('-')[1])),
    key,
    summary,
    project: { key: key.split('-')[0]!, name: '' },
    status: null,
    parent: null,
    sprints: [],
    created: null,
    property: toStoredProperty(aRecord(draft)),
  };
}

/** Answers the JQL shapes "Learned before" writes: a word in the text, a tag, ids; anything else gets every hit. */
class FakeSearch implements IssueSearchPort, IssueIdSearchPort {
  jqls: string[] = [];
  constructor(
    private readonly hits: LearningHit[],
    private readonly fail?: AppError,
  ) {}
  private matching(jql: string): LearningHit[] {
    const word = /learningText ~ "([^"]+)"/.exec(jql)?.[1];
    const tag = /learningTags IN \("([^"]+)"/.exec(jql)?.[1];
    const ids = /^id IN \((.*)\)$/.exec(jql)?.[1];
    const excluded = /key != "([^"]+)"/.exec(jql)?.[1];
    const others = this.hits.filter((hit) => hit.key !== excluded);
    const textOf = (hit: LearningHit) => JSON.stringify(hit.property).toLowerCase();
    if (word) return others.filter((hit) => textOf(hit).includes(word));
    if (tag) return others.filter((hit) => textOf(hit).includes(`"${tag}"`));
    if (ids) return this.hits.filter((hit) => ids.includes(`"${hit.id}"`));
    return this.hits;
  }
  search(input: { jql: string }): Promise<SearchPage> {
    this.jqls.push(input.jql);
    if (this.fail) return Promise.reject(this.fail);
    return Promise.resolve({ hits: this.matching(input.jql), nextPageToken: null });
  }
  searchIds(input: { jql: string; max: number }): Promise<string[]> {
    this.jqls.push(input.jql);
    if (this.fail) return Promise.reject(this.fail);
    return Promise.resolve(
      this.matching(input.jql)
        .map((hit) => hit.id)
        .slice(0, input.max),
    );
  }
  validate(): Promise<string[]> {
    return Promise.resolve([]);
  }
  approximateCount(): Promise<number> {
    return Promise.resolve(this.hits.length);
  }
}

const now = () => new Date('2026-11-20T09:00:00.000Z');
const CHK_990 = { key: 'CHK-990', id: '10990' };

describe('findLearnedBefore', () => {
  it('asks once per term and once for the chosen few, and answers the ranked learnings, never the issue itself', async () => {
    const search = new FakeSearch([
      aHit('FLEX-112', FLEX_112_DRAFT(), 'Offer Flex as a refund option'),
      aHit('CHK-990'),
      { ...aHit('SRCH-1'), property: { broken: true } },
    ]);
    const list = await findLearnedBefore(
      { userSearch: search, now },
      { issue: CHK_990, text: 'A refund option will reduce drop-off', tags: [] },
    );
    // refund, option, drop: three ids-only searches, then the chosen issues by id.
    expect(search.jqls).toHaveLength(4);
    expect(search.jqls.slice(0, 3).every((jql) => jql.includes('key != "CHK-990"'))).toBe(true);
    expect(search.jqls[3]).toBe('id IN ("10112")');
    expect(list.items.map((i) => i.issue.key)).toEqual(['FLEX-112']);
    expect(list.candidates).toBe(1);
    expect(list.items[0]).toMatchObject({ otherTeam: true, outcome: 'open', learnings: [{ surprise: true }, { surprise: false }] });
  });

  it('does not ask at all when there is nothing to look for', async () => {
    const search = new FakeSearch([]);
    expect(await findLearnedBefore({ userSearch: search, now }, { issue: CHK_990, text: '  ', tags: [] })).toEqual({
      items: [],
      candidates: 0,
    });
    expect(search.jqls).toHaveLength(0);
  });
});

describe('helpedLink and the save that keeps it', () => {
  const setup = (hits: LearningHit[], fail?: AppError) => {
    const deps = inMemoryDeps();
    deps.issueLearnings.issue.key = CHK_990.key;
    deps.issueLearnings.issue.id = CHK_990.id;
    deps.issueLearnings.issue.summary = 'Refund option for low-cost tickets';
    return { ...deps, userSearch: new FakeSearch(hits, fail), site: new FixedSiteFacts('https://acme.atlassian.net') };
  };

  it('answers the link for the draft and writes nothing: no Jira write, no reuse, until the person saves', async () => {
    const deps = setup([aHit('FLEX-112', FLEX_112_DRAFT(), 'Offer Flex')]);
    const stored = aRecord(aDraft().withHypothesis('Refunds on cheap tickets').withEvidence('https://example.com/a').build());
    deps.issueLearnings.property = toStoredProperty(stored);
    const { link } = await helpedLink(deps, { issue: CHK_990, accountId: 'acc-bob', sourceIssueKey: 'FLEX-112' });
    expect(link).toEqual({
      id: 'learned-before-10112',
      url: 'https://acme.atlassian.net/browse/FLEX-112',
      title: 'Learned before: FLEX-112 Offer Flex',
    });
    expect(deps.issueLearnings.calls.writeProperty).toBe(0);
    expect(deps.reuses.stored.size).toBe(0);

    // The save that carries the link records the reuse; one that drops it forgets it.
    const saved = await saveLearning(deps, {
      issue: CHK_990,
      accountId: 'acc-bob',
      baseRevision: stored.revision,
      draft: { ...draftOf(stored), evidence: [...stored.evidence, link] },
    });
    expect(saved.record.evidence).toContainEqual(link);
    expect([...deps.reuses.stored.values()]).toEqual([
      {
        sourceIssueId: '10112',
        sourceIssueKey: 'FLEX-112',
        targetIssueId: '10990',
        targetIssueKey: 'CHK-990',
        targetSummary: 'Refund option for low-cost tickets',
        accountId: 'acc-bob',
        at: expect.any(String),
      },
    ]);
    await saveLearning(deps, {
      issue: CHK_990,
      accountId: 'acc-bob',
      baseRevision: saved.record.revision,
      draft: { ...draftOf(saved.record), evidence: stored.evidence },
    });
    expect(deps.reuses.stored.size).toBe(0);
  });

  it('refuses a person who may not edit the ticket, before anything else', async () => {
    const deps = setup([aHit('FLEX-112')]);
    deps.issueLearnings.canEdit = false;
    await expect(helpedLink(deps, { issue: CHK_990, accountId: 'a', sourceIssueKey: 'FLEX-112' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('answers NOT_FOUND when Jira will not show the earlier issue', async () => {
    const deps = setup([], new AppError('INVALID_INPUT', "An issue with key 'GROW-9' does not exist"));
    await expect(helpedLink(deps, { issue: CHK_990, accountId: 'a', sourceIssueKey: 'GROW-9' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('says so when the save worked but the reuse could not be recorded', async () => {
    const deps = setup([aHit('FLEX-112')]);
    const { link } = await helpedLink(deps, { issue: CHK_990, accountId: 'a', sourceIssueKey: 'FLEX-112' });
    deps.reuses.record = () => Promise.reject(new AppError('JIRA_UNAVAILABLE', 'KVS down'));
    const saved = await saveLearning(deps, {
      issue: CHK_990,
      accountId: 'a',
      baseRevision: 0,
      draft: { ...aDraft().withHypothesis('h').build(), evidence: [link] },
    });
    expect(saved.record.evidence).toEqual([link]);
    expect(saved.warnings?.[0]).toMatch(/could not be told that it helped/);
  });
});

describe('listReuses', () => {
  it('names only the tickets the viewer may browse, counts the rest, and asks nothing when there are none', async () => {
    const reuses = new InMemoryReuses();
    const asked: string[][] = [];
    const permissions: BrowsePermissionPort = {
      browsableIssueIds: (_accountId, ids) => {
        asked.push([...ids]);
        return Promise.resolve(new Set(ids.filter((id) => id !== '20001')));
      },
    };
    expect(await listReuses({ reuses, permissions }, { issue: { key: 'FLEX-112', id: '10112' }, accountId: 'carol' })).toEqual({
      total: 0,
      visible: [],
      hiddenCount: 0,
    });
    expect(asked).toHaveLength(0);
    const base = { sourceIssueId: '10112', sourceIssueKey: 'FLEX-112', accountId: 'a' };
    await reuses.record({
      ...base,
      targetIssueId: '20001',
      targetIssueKey: 'GROW-951',
      targetSummary: 'Secret',
      at: '2026-11-19T00:00:00.000Z',
    });
    await reuses.record({
      ...base,
      targetIssueId: '20002',
      targetIssueKey: 'CHK-990',
      targetSummary: 'Refunds',
      at: '2026-11-18T00:00:00.000Z',
    });
    const summary = await listReuses({ reuses, permissions }, { issue: { key: 'FLEX-112', id: '10112' }, accountId: 'carol' });
    expect(summary).toEqual({
      total: 2,
      visible: [{ key: 'CHK-990', summary: 'Refunds', at: '2026-11-18T00:00:00.000Z' }],
      hiddenCount: 1,
    });
    expect(asked).toEqual([['20001', '20002']]);
  });
});
