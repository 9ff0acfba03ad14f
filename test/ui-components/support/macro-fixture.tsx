/** Macro cards and a macro answered page by page, for the macro's component tests. */
import { render } from '@testing-library/react';
import type { LearningsPage } from '../../../src/contract/macro';
import type { LearningCard } from '../../../src/domain/search/learning-cards';
import { App } from '../../../static/learnings-macro/src/app';
import { answer, setContext } from './fake-bridge';

const NAMES: Record<string, string> = { 'acc-ada': 'Ada Lovelace', 'acc-bob': 'Bob Babbage' };

export type MacroLayout = 'cards' | 'table' | 'compact';

export function aCard(n: number, author = 'acc-ada'): LearningCard {
  const at = '2025-03-01T10:00:00.000Z';
  const key = `FLEX-${n}`;
  return {
    issue: {
      id: `id-${n}`,
      key,
      summary: `Experiment ${n}`,
      project: { key: 'FLEX', name: 'Flex' },
      status: 'Done',
      parent: null,
      sprints: [],
      created: at,
    },
    record: {
      schemaVersion: 2,
      hypothesis: `Hypothesis ${n}.`,
      learnings: [{ id: `${key}-0`, text: `Learning ${n}`, surprise: n % 2 === 0, authorAccountId: author, createdAt: at, updatedAt: at }],
      outcome: n % 3 === 0 ? 'invalidated' : 'validated',
      confidence: null,
      tags: ['pricing'],
      evidence: [{ id: `${key}-e`, url: `https://example.com/${key}`, title: `Dashboard ${n}` }],
      revision: 1,
      updatedAt: at,
      updatedBy: author,
    },
  };
}

/** The macro on a page: `first` on the first call, `next` after "Load more" (page-2); names from NAMES. */
export function macroOn(layout: MacroLayout, groupBy: 'none' | 'outcome', first: LearningCard[], next: LearningCard[] = []) {
  const config = {
    title: 'All learnings',
    jql: 'project = FLEX',
    groupBy,
    surprisesOnly: false,
    outcomes: [],
    sort: 'updated' as const,
    layout,
    show: { hypothesis: true, entries: true, evidence: true, tags: true, author: true, dates: true },
  };
  const page = (cards: LearningCard[], nextPageToken: string | null): { ok: true; value: LearningsPage } => ({
    ok: true,
    value: { cards, nextPageToken, jql: config.jql, asOf: new Date().toISOString(), config },
  });
  setContext({ siteUrl: 'https://acme.atlassian.net' });
  answer('macro/list', (payload) =>
    (payload as { pageToken?: string }).pageToken === 'page-2' ? page(next, null) : page(first, next.length > 0 ? 'page-2' : null),
  );
  answer('macro/count', () => ({ ok: true, value: { count: first.length + next.length } }));
  answer('people/lookup', (payload) => {
    const ids = (payload as { accountIds: string[] }).accountIds;
    return { ok: true, value: { names: Object.fromEntries(ids.map((id) => [id, NAMES[id] ?? 'Unknown'])) } };
  });
  render(<App />);
}
