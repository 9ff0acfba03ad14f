/**
 * The app against platform facts the emulator now models as Atlassian documents them, each
 * through the real handler. Every test here failed against the app as it was at 02bb827:
 *
 * - a Closed issue (jira.issue.editable=false): editmeta is empty, the property write is allowed;
 *   the old panel read Edit from editmeta and said canEdit: false;
 * - the entity property index reads `YYYY-MM-DDThh:mm:ssZ`, not toISOString()'s milliseconds;
 *   the old app stamped milliseconds, so JQL by learningUpdated never found a new save;
 * - a board with 212 closed sprints: the old app paged 4 × 50 oldest first and never met the active one;
 * - KVS expiry is lazy: a dead save's claim outlives its TTL; the old app took "the key exists"
 *   for a live claim and refused the save;
 * - the Sprint field's id is site-specific (customfield_10104 here); the old app read customfield_10020.
 */
import type { SavedView } from '../../src/contract/resolvers';
import { DEFAULT_MACRO_CONFIG } from '../../src/domain/macro/macro-config';
import { LEARNING_PROPERTY_KEY, draftOf } from '../../src/domain/record/learning-record';
import { storageKeys } from '../../src/forge/platform/storage-keys';
import { macroContextFor, projectPageContextFor } from '../support/invoke-contexts';
import { anEntry } from '../support/learning-mother';
import { useLocalSite } from '../support/local-site';

const site = useLocalSite({ resetBeforeEach: 'demo-data-and-calls' });

async function panel(as: string, issueKey: string) {
  const { result } = await site.invoke({ functionKey: 'learning/get', as, issueKey });
  if (!result.ok) throw new Error(`learning/get failed: ${result.error.code}`);
  return result.value;
}

async function addLearning(as: string, issueKey: string, text: string): Promise<SavedView> {
  const view = await panel(as, issueKey);
  const draft = draftOf(view.record!);
  draft.learnings.push(anEntry(text, true));
  const { result } = await site.invoke({
    functionKey: 'learning/save',
    as,
    issueKey,
    payload: { baseRevision: view.record!.revision, draft },
  });
  if (!result.ok) throw new Error(`learning/save failed: ${JSON.stringify(result)}`);
  return result.value;
}

describe('an issue in a status Jira does not let anyone edit (Closed)', () => {
  it('opens the panel with canEdit for alice, who holds Edit issues, and saves a learning there', async () => {
    const editmeta = await site.requestJira('alice', 'GET', '/rest/api/3/issue/FLEX-108?expand=editmeta');
    expect(editmeta.body).toMatchObject({ editmeta: { fields: {} } }); // what the old app read
    const view = await panel('alice', 'FLEX-108');
    expect(view.canEdit).toBe(true);
    const saved = await addLearning('alice', 'FLEX-108', 'The label won again in the follow-up.');
    expect(saved.record.revision).toBe(view.record!.revision + 1);
    expect(saved.record.learnings.at(-1)?.text).toBe('The label won again in the follow-up.');
    expect((await panel('dan', 'FLEX-108')).canEdit).toBe(false);
  });
});

describe('the time a save stamps is one the entity property index reads', () => {
  it('finds a record just saved by learningUpdated >= -1d', async () => {
    const saved = await addLearning('bob', 'FLEX-110', 'Italians asked for the bundle by name.');
    const id = Number(site.store.getIssue('FLEX-110')!.id);
    // reconcileIssues: the index lags behind the write; this is about the format, not the lag.
    const res = await site.requestJira(
      'bob',
      'POST',
      '/rest/api/3/search/jql',
      JSON.stringify({ jql: 'key = FLEX-110 AND learningUpdated >= -1d', fields: ['key'], reconcileIssues: [id] }),
    );
    expect((res.body as { issues: Array<{ key: string }> }).issues.map((i) => i.key)).toEqual(['FLEX-110']);
    expect(saved.record.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });
});

describe('a board with more than 200 sprints (PLAT: 212 closed, then the active one)', () => {
  it('opens the retro view on the active sprint with at most 3 sprint calls', async () => {
    const { result, calls } = await site.invoke({
      functionKey: 'retro/open',
      as: 'bob',
      context: projectPageContextFor(site, 'PLAT'),
      payload: {},
    });
    if (!result.ok) throw new Error(`retro/open failed: ${JSON.stringify(result)}`);
    const view = result.value;
    expect(view.sprint).toMatchObject({ name: 'PLAT Sprint 213', state: 'active' });
    expect(view.previousSprint).toMatchObject({ name: 'PLAT Sprint 212', state: 'closed' });
    expect(view.cards.map((c) => c.issue.key)).toEqual(expect.arrayContaining(['PLAT-3401', 'PLAT-3404']));
    expect(calls.filter((c) => c.endpoint === 'GET /rest/agile/1.0/board/{boardId}/sprint').length).toBeLessThanOrEqual(3);
  });
});

describe('a revision claim left by a save that died', () => {
  it('does not block the next save, though KVS still holds the claim after its TTL', async () => {
    const issue = site.store.getIssue('FLEX-112')!;
    const revision = (JSON.parse(site.store.getProperty(issue.id, LEARNING_PROPERTY_KEY)!.valueText) as { revision: number }).revision;
    const key = storageKeys.revisionClaim(issue.id, revision + 1);
    const now = Date.now();
    // Claimed 2 minutes ago with a 60 s TTL, by a save whose own deadline passed 90 s ago.
    site.store.kvsSet(
      'plain',
      key,
      JSON.stringify({ saveId: 'a-save-that-died', accountId: site.user('bob').accountId, deadline: now - 90_000 }),
      now - 120_000,
      now - 60_000,
    );
    expect(site.store.kvsGet('plain', key, now, site.kvs.settings.expiryGraceMs)).toBeDefined(); // lazily expired: still there
    const saved = await addLearning('alice', 'FLEX-112', 'A dead claim blocks nobody.');
    expect(saved.record.revision).toBe(revision + 1);
  });
});

describe('the Sprint field, found by its type on this site (customfield_10104)', () => {
  it('shows sprint names in the macro grouped by sprint', async () => {
    const config = { ...DEFAULT_MACRO_CONFIG, jql: 'project = FLEX AND learningOutcome is not EMPTY', groupBy: 'sprint' as const };
    const { result, calls } = await site.invoke({ functionKey: 'macro/list', as: 'alice', context: macroContextFor(site, config) });
    if (!result.ok) throw new Error(`macro/list failed: ${JSON.stringify(result)}`);
    const cards = result.value.cards;
    expect(cards.find((c) => c.issue.key === 'FLEX-112')?.issue.sprints.map((s) => s.name)).toEqual(['FLEX Sprint 23']);
    expect(calls.map((c) => c.endpoint)).toContain('GET /rest/api/3/field');
    expect(cards.filter((c) => c.issue.sprints.length > 0).length).toBeGreaterThan(cards.length / 2);
  });
});
