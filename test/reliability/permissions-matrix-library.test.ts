/**
 * The permissions matrix of the learning library (Jira global page "Learning Loop"): the demo users
 * × every filter that could reach GROW, every page, the count and the projects facet, through the
 * real handler. A canary learning is planted on GROW-9 (surprise, tags pricing and refunds, the words
 * "refund labels"): alice finds it; no answer to carol (who may not browse GROW) carries anything of GROW.
 */
import { startAppSite, type AppSite } from '../support/app-site';
import { globalPageContextFor } from '../support/invoke-contexts';
import type { LibraryPage } from '../../src/contract/resolvers';
import { resolverKeys } from '../../src/resolvers';
import { plantCanary } from './permissions-canary';
import { findNeedles } from './reliability-support';

jest.setTimeout(120_000);

const USERS = ['alice', 'bob', 'carol', 'dan'] as const;
const CANARY = 'Canary 4b1a: refund labels in the library leak when nobody checks';
const NONE = { text: '', projects: [], tags: [], outcomes: [], surprisesOnly: false, period: 'any', author: '' };
const FILTERS = [
  NONE,
  { ...NONE, text: 'refund labels' },
  { ...NONE, projects: ['GROW'] },
  { ...NONE, projects: ['FLEX', 'GROW'] },
  { ...NONE, tags: ['pricing', 'refunds'], surprisesOnly: true },
  { ...NONE, text: 'Canary 4b1a', period: '30d' },
];
let site: AppSite;
let growNeedles: string[];

beforeAll(async () => {
  site = await startAppSite({ port: 0 });
  growNeedles = plantCanary(site, CANARY);
});

afterAll(async () => {
  site.reset();
  await site.close();
});

describe('permissions matrix: the learning library', () => {
  it('covers every library resolver', () => {
    expect(resolverKeys.filter((k) => k.startsWith('library/')).sort()).toEqual(['library/count', 'library/list', 'library/projects']);
  });

  it.each(USERS)('as %s: every page, count and project follows Browse; nothing of GROW reaches whoever may not browse it', async (user) => {
    const context = globalPageContextFor(site);
    const mayBrowseGrow = site.store.permissionLevel(site.user(user).accountId, 'GROW') !== 'none';
    const answers: unknown[] = [];
    let canarySeen = false;
    for (const filters of FILTERS) {
      let pageToken: string | null = null;
      let pages = 0;
      do {
        const { result } = await site.invoke({ functionKey: 'library/list', as: user, context, payload: { filters, pageToken } });
        answers.push(result);
        if (!result.ok) break;
        const page: LibraryPage = result.value;
        canarySeen ||= page.cards.some((c) => c.record.learnings.some((e) => e.text === CANARY));
        if (!mayBrowseGrow) expect(page.cards.filter((c) => c.issue.key.startsWith('GROW-'))).toEqual([]);
        pageToken = page.nextPageToken;
      } while (pageToken && ++pages < 20);
      answers.push((await site.invoke({ functionKey: 'library/count', as: user, context, payload: { filters } })).result);
    }
    const projects = await site.invoke({ functionKey: 'library/projects', as: user, context, payload: {} });
    answers.push(projects.result);
    const keys = projects.result.ok ? projects.result.value.projects.map((p) => p.key) : [];
    expect(keys.includes('GROW')).toBe(mayBrowseGrow);
    expect(canarySeen).toBe(mayBrowseGrow);
    if (!mayBrowseGrow) expect(findNeedles(answers, growNeedles)).toEqual([]);
  });
});
