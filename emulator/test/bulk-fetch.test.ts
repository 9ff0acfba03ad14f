/**
 * POST /rest/api/3/issue/bulkfetch as Atlassian's reference describes it (bulkFetchIssues): up to
 * 100 issues by id or key, ascending id order, fields and properties as asked, issues the person
 * may not browse (or that do not exist) left out; no ids or more than 100 refused with 400.
 * Every answer is validated against the vendored spec by the site (EMULATOR_VALIDATE_RESPONSES).
 */
import { useDemoSite } from './support/demo-site';
import { at } from './support/json-path';

/** The property the demo's records live in (the app's key: the emulator's tests name it, they do not import it). */
const LEARNING_PROPERTY_KEY = 'learning-loop';

const site = useDemoSite({ resetBeforeEach: 'demo-data-and-calls' });

type Fetched = { issues: Array<{ id: string; key: string; fields: Record<string, unknown>; properties: Record<string, unknown> }> };
const bulk = async (as: string, body: Record<string, unknown>) =>
  site.requestJira(as, 'POST', '/rest/api/3/issue/bulkfetch', JSON.stringify(body));
const idOf = (key: string): string => {
  const issue = site.store.getIssue(key);
  if (!issue) throw new Error(`No issue ${key} in the demo.`);
  return issue.id;
};

describe('POST /rest/api/3/issue/bulkfetch', () => {
  it('returns the issues asked for by id or key, in ascending id order, with only the fields and properties asked', async () => {
    const keys = ['FLEX-112', 'CHK-47', 'FLEX-101'];
    const res = await bulk('alice', {
      issueIdsOrKeys: [idOf('FLEX-112'), 'CHK-47', 'flex-101'],
      fields: ['summary'],
      properties: [LEARNING_PROPERTY_KEY],
    });
    expect(res.status).toBe(200);
    const body = res.body as Fetched;
    const expectedIds = keys.map(idOf).sort((a, b) => Number(a) - Number(b));
    expect(body.issues.map((i) => i.id)).toEqual(expectedIds);
    for (const issue of body.issues) expect(Object.keys(issue.fields)).toEqual(['summary']);
    const flex = body.issues.find((i) => i.key === 'FLEX-112');
    expect(at(flex, 'fields', 'summary')).toBe('Offer Flex as a refund option in low-price journeys');
    expect(at(flex, 'properties', LEARNING_PROPERTY_KEY, 'hypothesis')).toBe(
      'Presenting Flex as a refund option will reduce drop-off in low-price journeys.',
    );
    expect(site.accounting.count('POST /rest/api/3/issue/bulkfetch')).toBe(1);
  });

  it('leaves out issues the person may not browse and ids that do not exist, without an error', async () => {
    const grow = site.store.listIssues().find((i) => i.projectKey === 'GROW');
    if (!grow) throw new Error('The demo has GROW issues.');
    const asked = { issueIdsOrKeys: [grow.id, 'FLEX-112', '99999999'], fields: ['summary'] };
    const asCarol = (await bulk('carol', asked)).body as Fetched;
    expect(asCarol.issues.map((i) => i.key)).toEqual(['FLEX-112']);
    expect(at(asCarol, 'issueErrors')).toEqual([]);
    const asAlice = (await bulk('alice', asked)).body as Fetched;
    expect(asAlice.issues.map((i) => i.key).sort()).toEqual([grow.key, 'FLEX-112'].sort());
  });

  it('refuses no ids, more than 100, more than 5 properties, and a body without issueIdsOrKeys', async () => {
    const ids = site.store
      .listIssues()
      .slice(0, 101)
      .map((i) => i.id);
    expect(ids).toHaveLength(101);
    expect((await bulk('alice', { issueIdsOrKeys: ids })).status).toBe(400);
    expect((await bulk('alice', { issueIdsOrKeys: ids.slice(0, 100), fields: ['summary'] })).status).toBe(200);
    expect((await bulk('alice', { issueIdsOrKeys: [] })).status).toBe(400);
    expect((await bulk('alice', { issueIdsOrKeys: ['FLEX-112'], properties: ['a', 'b', 'c', 'd', 'e', 'f'] })).status).toBe(400);
    expect((await bulk('alice', { fields: ['summary'] })).status).toBe(400);
  });
});
