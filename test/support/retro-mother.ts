/** Object mothers for the retro view: learning cards as a sprint search returns them. */
import type { LearningCard } from '../../src/domain/search/learning-cards';
import type { LearningDraft } from '../../src/domain/record/learning-record';
import { aDraft, aRecord } from './learning-mother';

export function aCard(
  key: string,
  draft: LearningDraft = aDraft().withHypothesis('A hypothesis.').withLearning('A learning.').build(),
  options: { sprintId?: number; accountId?: string } = {},
): LearningCard {
  const sprintId = options.sprintId ?? 42;
  return {
    issue: {
      id: String(10_000 + Number(key.split('-')[1])),
      key,
      summary: `Summary of ${key}`,
      project: { key: key.split('-')[0]!, name: 'Flex Refunds' },
      status: 'Done',
      parent: null,
      sprints: [{ id: sprintId, name: `Sprint ${sprintId}`, state: 'active' }],
      created: '2026-11-01T10:00:00.000Z',
    },
    record: aRecord(draft, { accountId: options.accountId }),
  };
}

export const FLEX_112_CARD = (): LearningCard =>
  aCard(
    'FLEX-112',
    aDraft()
      .withHypothesis('Presenting Flex as a refund option will reduce drop-off in low-price journeys.')
      .withSurprise("Customers in Spain engaged more, even if they didn't buy.")
      .withLearning('Labeling matters more than refund amount.')
      .withSurprise('Italy did not care at all.')
      .withOutcome('validated')
      .build(),
  );
