/**
 * One valid request for every resolver the app serves, for the suites that send each of them
 * something (payload trust, Jira faults, least privilege): a new resolver is added here once.
 * Panel resolvers carry no context (the suite names the issue); the others carry theirs.
 */
import { DEFAULT_MACRO_CONFIG } from '../../src/domain/macro/macro-config';
import type { SprintGoal } from '../../src/domain/sprint-goals/goals-document';
import type { AppSite } from './app-site';
import { globalPageContextFor, macroContextFor, projectPageContextFor } from './invoke-contexts';

export interface ValidRequest {
  payload: unknown;
  context?: Record<string, unknown>;
}

/** A sprint goal linked to FLEX-112, still open; `over` changes any field. */
export const aSprintGoal = (id = 'g1', over: Partial<SprintGoal> = {}): SprintGoal => ({
  id,
  question: 'Does the label matter more than the refund amount?',
  ownerAccountId: null,
  issueKeys: ['FLEX-112'],
  answer: 'open',
  answerNote: '',
  carriedFrom: null,
  carriedTo: null,
  ...over,
});

/** Every resolver key with a valid request; `overrides` replaces some (a record's own revision, another issue). */
export function validRequests(site: AppSite, overrides: Record<string, ValidRequest> = {}): Record<string, ValidRequest> {
  const macro = macroContextFor(site, DEFAULT_MACRO_CONFIG);
  const editing = macroContextFor(site, DEFAULT_MACRO_CONFIG, true);
  const flexPage = projectPageContextFor(site, 'FLEX');
  const library = globalPageContextFor(site);
  const everything = { text: '', projects: [], tags: [], outcomes: [], surprisesOnly: false, period: 'any', author: '' };
  return {
    'learning/get': { payload: {} },
    'learning/save': {
      payload: { baseRevision: 1, draft: { hypothesis: 'h', learnings: [], outcome: 'open', confidence: null, tags: [], evidence: [] } },
    },
    'history/list': { payload: {} },
    'goals/forIssue': { payload: {} },
    'history/restore': { payload: { revision: 1, baseRevision: 1 } },
    'people/lookup': { payload: { accountIds: [site.user('bob').accountId] } },
    'macro/list': { payload: {}, context: macro },
    'macro/count': { payload: {}, context: macro },
    'macro/findEpics': { payload: { text: 'refunds' }, context: editing },
    'macro/findBoards': { payload: { text: 'FLEX' }, context: editing },
    'macro/listSprints': { payload: { boardId: 10001 }, context: editing },
    'jql/check': { payload: { jql: 'project = FLEX' }, context: editing },
    'retro/open': { payload: {}, context: flexPage },
    'retro/saveNote': {
      payload: { boardId: 1, sprintId: 1, issueId: '10112', entryId: 'e1', discussed: true, note: 'n' },
      context: flexPage,
    },
    'retro/export': { payload: { boardId: 1, sprintId: 1 }, context: flexPage },
    'learnedBefore/find': { payload: { text: 'refund labels', tags: ['pricing'] } },
    'learnedBefore/markHelped': { payload: { sourceIssueKey: 'FLEX-101' } },
    'learnedBefore/listReuses': { payload: {} },
    'goals/open': { payload: { sprintId: 102 }, context: flexPage },
    'goals/save': { payload: { sprintId: 102, base: { revision: 0, goals: [] }, goals: [aSprintGoal()] }, context: flexPage },
    'goals/carryOver': { payload: { fromSprintId: 101, toSprintId: 102, goalIds: ['g1'] }, context: flexPage },
    'library/list': { payload: { filters: everything }, context: library },
    'library/count': { payload: { filters: everything }, context: library },
    'library/projects': { payload: {}, context: library },
    'insights/open': { payload: { periods: 6 }, context: flexPage },
    'insights/rebuild': { payload: {}, context: flexPage },
    ...overrides,
  };
}
