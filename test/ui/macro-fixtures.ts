/** Cards for the macro's UI and export tests. */
import type { LearningCard } from '../../src/domain/search/learning-cards';
import type { LearningsPage } from '../../src/contract/resolvers';
import { DEFAULT_MACRO_CONFIG } from '../../src/domain/macro/macro-config';
import { aDraft, aRecord, FLEX_112_DRAFT } from '../support/learning-mother';

export function aCard(
  n: number,
  options: { key?: string; summary?: string; project?: string; draft?: ReturnType<typeof FLEX_112_DRAFT>; accountId?: string } = {},
): LearningCard {
  const project = options.project ?? 'FLEX';
  return {
    issue: {
      id: String(10000 + n),
      key: options.key ?? `${project}-${n}`,
      summary: options.summary ?? `Issue ${n}`,
      project: { key: project, name: project === 'FLEX' ? 'Flex' : project },
      status: 'Done',
      parent: null,
      sprints: [],
      created: '2026-10-01T09:00:00.000Z',
    },
    record: aRecord(options.draft ?? aDraft().withHypothesis(`Hypothesis ${n}`).withLearning(`Learning ${n}`).build(), {
      accountId: options.accountId ?? 'acc-alice',
    }),
  };
}

export const flex112 = (): LearningCard =>
  aCard(112, {
    key: 'FLEX-112',
    summary: 'Offer Flex as a refund option',
    draft: {
      ...FLEX_112_DRAFT(),
      outcome: 'validated',
      evidence: [{ id: 'l1', url: 'https://analytics.example.com/flex?a=1&b=(2)', title: 'Drop-off dashboard' }],
    },
  });

export function aPage(cards: LearningCard[], nextPageToken: string | null = null): LearningsPage {
  return {
    cards,
    nextPageToken,
    jql: 'learningTags = pricing AND learningOutcome IS NOT EMPTY',
    asOf: '2026-11-21T09:00:00.000Z',
    config: DEFAULT_MACRO_CONFIG,
  };
}

/** Text a hostile person might type into a record. */
export const HOSTILE = {
  summary: '<script>alert(1)</script> [click](javascript:alert(1)) ![x](https://evil.example/x.png)',
  hypothesis: '# Heading\n\n- list\n| a | b |\n<img src=x onerror=alert(1)> **bold** `code` &amp; _em_ ~~strike~~',
  learning: '[phish](https://evil.example) <a href="javascript:alert(1)">x</a>\n## injected heading',
  tag: 'tag|pipe',
  evidence: [
    { id: 'ev1', url: 'javascript:alert(document.cookie)', title: 'Click me' },
    { id: 'ev2', url: 'data:text/html,<script>alert(1)</script>', title: 'Data' },
    { id: 'ev3', url: 'https://example.com/a b)c<d>', title: 'Real ](javascript:alert(1)) title' },
  ],
};

export function hostileCard(): LearningCard {
  const card = aCard(666, {
    key: 'EVIL-666',
    project: 'EVIL',
    summary: HOSTILE.summary,
    draft: aDraft().withHypothesis(HOSTILE.hypothesis).withSurprise(HOSTILE.learning).withTags(HOSTILE.tag).build(),
  });
  // Records read from Jira may hold anything a foreign writer put there: evidence included.
  return { ...card, record: { ...card.record, evidence: HOSTILE.evidence } };
}
