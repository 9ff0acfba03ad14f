/**
 * Every resolver, through the real handler on the local site, against
 * thousands of generated payloads: every answer must be a typed result or a
 * typed error (never an exception, never INTERNAL_ERROR), and a rejected
 * payload must cause no write at all. Seeded: a failure prints its seed and
 * case number, and `FUZZ_SEED=… FUZZ_RUNS=…` replays it.
 */
import type { CallRecord } from '../../emulator';
import { startAppSite, type AppSite } from '../support/app-site';
import { ERROR_CODES } from '../../src/contract/errors';
import { DEFAULT_MACRO_CONFIG } from '../../src/domain/macro/macro-config';
import { FLEX_112_DRAFT } from '../support/learning-mother';
import { Fuzzer, seededRandom } from './payload-fuzzer';
import { KVS_WRITE, PROPERTY_WRITE } from './reliability-support';
import { ALL_RESOLVER_KEYS, type ResolverKey } from './resolver-keys';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261121);

jest.setTimeout(Math.max(120_000, RUNS * 30));

type Surface = 'issue' | 'macro' | 'macro-config' | 'project' | 'global';

/** A valid learning goal of the FLEX sprint (the fuzzer breaks its fields). */
const FUZZ_GOAL = () => ({
  id: 'g1',
  question: 'Does the label matter more than the refund amount?',
  ownerAccountId: null,
  issueKeys: ['FLEX-112'],
  answer: 'partly',
  answerNote: 'Only in Spain.',
  carriedFrom: null,
  carriedTo: null,
});

/** A valid payload per resolver, and the surface it is called from: the fuzzer breaks these. */
const VALID: Record<ResolverKey, { surface: Surface; payload: () => unknown }> = {
  'learning/get': { surface: 'issue', payload: () => ({}) },
  'learning/save': { surface: 'issue', payload: () => ({ baseRevision: 3, draft: FLEX_112_DRAFT() }) },
  'history/list': { surface: 'issue', payload: () => ({}) },
  'goals/forIssue': { surface: 'issue', payload: () => ({}) },
  'history/restore': { surface: 'issue', payload: () => ({ revision: 1, baseRevision: 3 }) },
  'people/lookup': { surface: 'issue', payload: () => ({ accountIds: ['5b10ac8d82e05b22cc7d4ef5'] }) },
  'macro/list': { surface: 'macro-config', payload: () => ({ pageToken: null, config: DEFAULT_MACRO_CONFIG }) },
  'macro/count': { surface: 'macro-config', payload: () => ({ config: DEFAULT_MACRO_CONFIG }) },
  'macro/findEpics': { surface: 'macro-config', payload: () => ({ text: 'refunds' }) },
  'macro/findBoards': { surface: 'macro-config', payload: () => ({ text: 'FLEX' }) },
  'macro/listSprints': { surface: 'macro-config', payload: () => ({ boardId: 10001, sprintId: 106 }) },
  'jql/check': { surface: 'macro-config', payload: () => ({ jql: 'project = FLEX' }) },
  'retro/open': { surface: 'project', payload: () => ({ boardId: null, sprintId: null, activeSprintId: null, jql: null }) },
  'retro/saveNote': {
    surface: 'project',
    payload: () => ({ boardId: 10001, sprintId: 106, issueId: '10112', entryId: 'e1', discussed: true, note: 'Talk to Legal' }),
  },
  'retro/export': { surface: 'project', payload: () => ({ boardId: 10001, sprintId: 106 }) },
  'learnedBefore/find': { surface: 'issue', payload: () => ({ text: 'Offering refunds will reduce drop-off', tags: ['pricing'] }) },
  'learnedBefore/markHelped': { surface: 'issue', payload: () => ({ sourceIssueKey: 'CHK-42' }) },
  'learnedBefore/listReuses': { surface: 'issue', payload: () => ({}) },
  // The global page is not on the local site yet: any context naming the person serves insights.
  'insights/open': { surface: 'project', payload: () => ({ projects: ['FLEX', 'CHK'], periods: 6 }) },
  'insights/rebuild': { surface: 'project', payload: () => ({}) },
  'goals/open': { surface: 'project', payload: () => ({ sprintId: 102 }) },
  'goals/save': {
    surface: 'project',
    payload: () => ({ sprintId: 102, base: { revision: 0, goals: [] }, goals: [FUZZ_GOAL()] }),
  },
  'goals/carryOver': { surface: 'project', payload: () => ({ fromSprintId: 101, toSprintId: 102, goalIds: ['g1'] }) },
  'library/list': {
    surface: 'global',
    payload: () => ({
      filters: {
        text: 'refund labels',
        projects: ['FLEX'],
        tags: ['pricing'],
        outcomes: ['validated'],
        surprisesOnly: true,
        period: '90d',
      },
      pageToken: null,
    }),
  },
  'library/count': {
    surface: 'global',
    payload: () => ({ filters: { text: 'refund', projects: [], tags: [], outcomes: [], surprisesOnly: false, period: 'any', author: '' } }),
  },
  'library/projects': { surface: 'global', payload: () => ({}) },
};

const writesIn = (calls: CallRecord[]) => calls.filter((c) => PROPERTY_WRITE.test(c.endpoint) || KVS_WRITE.test(c.endpoint));

let site: AppSite;

beforeAll(async () => {
  site = await startAppSite({ port: 0 });
});

afterAll(async () => {
  await site.close();
});

function contextFor(surface: Surface, site: AppSite): Record<string, unknown> | undefined {
  const base = { cloudId: 'local', siteUrl: site.url, localId: 'fuzz' };
  switch (surface) {
    case 'issue':
      return undefined; // site.invoke builds the real issue panel context from issueKey
    case 'macro':
    case 'macro-config':
      return {
        ...base,
        moduleKey: 'learnings-macro',
        extension: {
          type: 'macro',
          content: { id: '1', type: 'page' },
          space: { key: 'PL', id: '1' },
          config: DEFAULT_MACRO_CONFIG,
          macro: { isConfiguring: surface === 'macro-config' },
        },
      };
    case 'project':
      return {
        ...base,
        moduleKey: 'learnings-project-page',
        extension: { type: 'jira:projectPage', project: { id: '10000', key: 'FLEX', type: 'software' } },
      };
    case 'global':
      return { ...base, moduleKey: 'learning-library', extension: { type: 'jira:globalPage', location: `${site.url}/jira/apps/x/y` } };
  }
}

describe('fuzzing every resolver through the real handler', () => {
  it('has a valid payload template for every resolver the handler serves', () => {
    expect(Object.keys(VALID).sort()).toEqual([...ALL_RESOLVER_KEYS].sort());
  });

  it(`answers ${RUNS.toLocaleString('en-US')} generated payloads with typed results only, and writes nothing for a rejected one`, async () => {
    const fuzz = new Fuzzer(seededRandom(SEED));
    const users = ['alice', 'bob', 'carol', 'dan'];
    const issues = ['FLEX-112', 'FLEX-101', 'CHK-42', 'GROW-9'];
    const tally: Record<string, Record<string, number>> = {};
    const failures: string[] = [];

    for (let run = 0; run < RUNS && failures.length < 5; run++) {
      const key = fuzz.pick(ALL_RESOLVER_KEYS);
      const template = VALID[key];
      const payload = fuzz.chance(0.6) ? fuzz.mutate(template.payload()) : fuzz.chance(0.2) ? template.payload() : fuzz.value(3);
      const as = fuzz.pick(users);
      const issueKey = fuzz.pick(issues);
      const context = contextFor(template.surface, site);
      const where = `seed ${SEED}, case ${run}: ${key} as ${as}`;
      try {
        const { result, calls } = await site.invoke({ functionKey: key, as, issueKey, context, payload });
        const envelope = result as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } };
        const code = envelope.ok === true ? 'ok' : String(envelope.error?.code);
        (tally[key] ??= {})[code] = (tally[key][code] ?? 0) + 1;
        if (envelope.ok !== true && envelope.ok !== false) failures.push(`${where}: not an envelope`);
        else if (!envelope.ok) {
          if (!ERROR_CODES.includes(envelope.error?.code as never)) failures.push(`${where}: unknown code ${code}`);
          if (typeof envelope.error?.message !== 'string' || !envelope.error.message) failures.push(`${where}: no message`);
          if (code === 'INTERNAL_ERROR') failures.push(`${where}: an unexpected exception (INTERNAL_ERROR)`);
          if (code === 'INVALID_INPUT' && writesIn(calls).length > 0) {
            failures.push(
              `${where}: rejected but wrote ${writesIn(calls)
                .map((c) => c.endpoint)
                .join(', ')}`,
            );
          }
        }
      } catch (error) {
        failures.push(`${where}: threw ${error instanceof Error ? error.message : String(error)}`);
      }
    }

    console.log(`Fuzzed ${RUNS} payloads (seed ${SEED}):\n${JSON.stringify(tally, null, 1)}`);
    expect(failures).toEqual([]);
    // The generator must reach both sides: plenty rejected, and some accepted.
    const codes = Object.values(tally).flatMap((byCode) => Object.entries(byCode));
    expect(codes.filter(([code]) => code === 'INVALID_INPUT').reduce((n, [, c]) => n + c, 0)).toBeGreaterThan(RUNS / 4);
    expect(codes.filter(([code]) => code === 'ok').reduce((n, [, c]) => n + c, 0)).toBeGreaterThan(RUNS / 50);
  });
});
