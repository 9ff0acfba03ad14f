/** Object mothers: readable builders for drafts and records in tests. */
import {
  emptyDraft,
  stampRevision,
  type EntryDraft,
  type LearningDraft,
  type LearningRecord,
  type Outcome,
} from '../../src/domain/record/learning-record';

let nextId = 1;
export const freshId = (prefix = 'e'): string => `${prefix}${nextId++}`;

export function anEntry(text: string, surprise = false, id = freshId()): EntryDraft {
  return { id, text, surprise };
}

export class DraftBuilder {
  private draft: LearningDraft = emptyDraft();

  withHypothesis(hypothesis: string): this {
    this.draft = { ...this.draft, hypothesis };
    return this;
  }

  withLearning(text: string, options: { surprise?: boolean; id?: string } = {}): this {
    this.draft = { ...this.draft, learnings: [...this.draft.learnings, anEntry(text, options.surprise ?? false, options.id)] };
    return this;
  }

  withSurprise(text: string): this {
    return this.withLearning(text, { surprise: true });
  }

  withOutcome(outcome: Outcome): this {
    this.draft = { ...this.draft, outcome };
    return this;
  }

  withTags(...tags: string[]): this {
    this.draft = { ...this.draft, tags };
    return this;
  }

  withEvidence(url: string, title = url, id = freshId('l')): this {
    this.draft = { ...this.draft, evidence: [...this.draft.evidence, { id, url, title }] };
    return this;
  }

  build(): LearningDraft {
    return structuredClone(this.draft);
  }
}

export const aDraft = (): DraftBuilder => new DraftBuilder();

export const FLEX_112_DRAFT = (): LearningDraft =>
  aDraft()
    .withHypothesis('Presenting Flex as a refund option will reduce drop-off in low-price journeys.')
    .withSurprise("Customers in Spain engaged more, even if they didn't buy.")
    .withLearning('Labeling matters more than refund amount.')
    .withTags('pricing', 'refunds')
    .build();

export function aRecord(
  draft: LearningDraft = FLEX_112_DRAFT(),
  options: { accountId?: string; at?: string; previous?: LearningRecord | null } = {},
): LearningRecord {
  return stampRevision(options.previous ?? null, draft, {
    accountId: options.accountId ?? 'acc-alice',
    now: new Date(options.at ?? '2026-11-02T10:00:00.000Z'),
  });
}
