import { JastBuilder } from '@atlaskit/jql-ast';
import type { LearningCard } from '../../src/domain/search/learning-cards';
import { learnedBefore, MIN_SCORE, recencyFactor, scoreLearnings } from '../../src/domain/learned-before/relevance';
import {
  issuesByIdJql,
  issuesByKeyJql,
  learnedBeforeQueryOf,
  MAX_QUERY_TERMS,
  tagMatchJql,
  termMatchJql,
} from '../../src/domain/learned-before/relevance-query';
import { stem, termsOf } from '../../src/domain/learned-before/relevance-text';
import { aDraft, aRecord, FLEX_112_DRAFT } from '../support/learning-mother';

const NOW = new Date('2026-11-20T09:00:00.000Z');

function aCard(key: string, draft = FLEX_112_DRAFT(), options: { summary?: string; at?: string } = {}): LearningCard {
  const project = key.split('-')[0]!;
  return {
    issue: {
      id: String(10_000 + Number(key.split('-')[1])),
      key,
      summary: options.summary ?? '',
      project: { key: project, name: project },
      status: null,
      parent: null,
      sprints: [],
      created: null,
    },
    record: aRecord(draft, { at: options.at ?? '2026-11-10T10:00:00.000Z' }),
  };
}

const parses = (jql: string) => new JastBuilder().build(jql).errors;

describe('terms of a hypothesis', () => {
  it('drops stop words and the hypothesis template, stems, and keeps one term per stem', () => {
    expect(termsOf("We believe offering refunds will reduce drop-off. We'll know when refunded orders rise.").map((t) => t.word)).toEqual([
      'offering',
      'refunds',
      'drop',
      'orders',
      'rise',
    ]);
    expect(stem('refunds')).toBe(stem('refunded'));
    expect(stem('labeling')).toBe(stem('labels'));
  });
});

describe('the JQL for "Learned before"', () => {
  it('asks per term (text or hypothesis) and for the tags, most recent first, without the issue itself, and parses', () => {
    const query = learnedBeforeQueryOf({ text: 'Offering a refund', tags: ['Pricing'] });
    const perTerm = query.terms.map((term) => termMatchJql(term, 'FLEX-200'));
    expect(perTerm).toEqual([
      '(learningText ~ "offering" OR learningHypothesis ~ "offering") AND key != "FLEX-200" ORDER BY learningUpdated DESC',
      '(learningText ~ "refund" OR learningHypothesis ~ "refund") AND key != "FLEX-200" ORDER BY learningUpdated DESC',
    ]);
    const tags = tagMatchJql(query.tags, 'FLEX-200')!;
    expect(tags).toBe('learningTags IN ("pricing") AND key != "FLEX-200" ORDER BY learningUpdated DESC');
    expect(tagMatchJql([], 'FLEX-200')).toBeNull();
    expect(issuesByIdJql(['10112', '10060'])).toBe('id IN ("10112", "10060")');
    for (const jql of [...perTerm, tags, issuesByIdJql(['10112'])]) expect(parses(jql)).toEqual([]);
  });

  it('quotes and escapes: nothing typed changes the shape of the query', () => {
    const query = learnedBeforeQueryOf({ text: 'refund" OR project = GROW', tags: ['x") OR (project = "GROW'] });
    const tags = tagMatchJql(query.tags, 'CHK-1')!;
    expect(tags).toContain('learningTags IN ("x\\")-or-(project-=-\\"grow")');
    for (const jql of [...query.terms.map((term) => termMatchJql(term, 'CHK-1')), tags]) {
      expect(parses(jql)).toEqual([]);
      expect(jql).not.toMatch(/OR project =/);
      const where = new JastBuilder().build(jql).query!.where!;
      expect(where.clauseType).toBe('compound');
      expect((where as { clauses?: unknown[] }).clauses).toHaveLength(2);
    }
  });

  it('keeps at most the longest terms, and nothing at all when there is nothing to search for', () => {
    const query = learnedBeforeQueryOf({ text: 'aa bb cc dd ee ff gg hh ii jj kk refunds labeling', tags: [] });
    expect(query.terms).toHaveLength(MAX_QUERY_TERMS);
    expect(query.terms.map((t) => t.word)).toEqual(expect.arrayContaining(['refunds', 'labeling']));
    expect(learnedBeforeQueryOf({ text: 'We believe it will', tags: [] }).terms).toEqual([]);
  });

  it('asks for a few issues by key', () => {
    expect(issuesByKeyJql(['FLEX-112', 'CHK-9'])).toBe('key IN ("FLEX-112", "CHK-9")');
  });
});

describe('ranking', () => {
  const refund = aCard('FLEX-112', FLEX_112_DRAFT(), { summary: 'Offer Flex as a refund option' });
  const guest = aCard(
    'CHK-42',
    aDraft()
      .withHypothesis('Letting guests pay without an account will cut abandonment.')
      .withLearning('Abandonment fell by 6%.')
      .withTags('checkout')
      .build(),
  );
  const label = aCard(
    'SRCH-208',
    aDraft()
      .withHypothesis('A refund badge on results will raise clicks.')
      .withLearning('The wording of the refund badge mattered more than the policy.')
      .withTags('refunds', 'labeling')
      .build(),
  );
  const query = learnedBeforeQueryOf({ text: 'Showing the refund amount will make more people choose Flex', tags: ['refunds'] });

  it('ranks by shared words and tags, and says why', () => {
    const ranked = scoreLearnings(query, [guest, label, refund], { now: NOW, currentProjectKey: 'CHK' });
    expect(ranked.map((r) => r.card.issue.key)).toEqual(['FLEX-112', 'SRCH-208', 'CHK-42']);
    expect(ranked[0]!.reasons).toEqual(['shares tag refunds', 'mentions flex, amount and refund']);
    expect(ranked[2]!.score).toBe(0);
  });

  it('shows only what passes the threshold, other teams first, at most five', () => {
    const sameTeam = aCard('CHK-7', FLEX_112_DRAFT(), { summary: 'Offer Flex as a refund option' });
    const shown = learnedBefore(query, [sameTeam, guest, label, refund], { now: NOW, currentProjectKey: 'CHK' });
    expect(shown.map((r) => r.card.issue.key)).toEqual(['FLEX-112', 'SRCH-208', 'CHK-7']);
    expect(shown.every((r) => r.score >= MIN_SCORE)).toBe(true);
    const many = Array.from({ length: 9 }, (_, i) => aCard(`FLEX-${300 + i}`));
    expect(learnedBefore(query, many, { now: NOW, currentProjectKey: 'CHK' })).toHaveLength(5);
  });

  it('gives nothing for an unrelated question, however many candidates', () => {
    const unrelated = learnedBeforeQueryOf({ text: 'Quantum zebra', tags: [] });
    expect(learnedBefore(unrelated, [refund, guest, label], { now: NOW, currentProjectKey: 'CHK' })).toEqual([]);
    expect(learnedBefore(query, [], { now: NOW, currentProjectKey: 'CHK' })).toEqual([]);
  });

  it('does not show a learning that shares a single word with a longer question, nor a tag', () => {
    const question = learnedBeforeQueryOf({ text: 'Refund badges on low-cost tickets', tags: [] });
    const oneWord = aCard(
      'GROW-9',
      aDraft().withHypothesis('A credit costs less than paid search.').withLearning('Cost per new customer doubled; cost matters.').build(),
    );
    const twoWords = aCard('SRCH-1', aDraft().withHypothesis('Refund badges lift clicks.').build());
    const shown = learnedBefore(question, [oneWord, twoWords], { now: NOW, currentProjectKey: 'CHK', minScore: 0 });
    expect(shown.map((r) => r.card.issue.key)).toEqual(['SRCH-1']);
    expect(scoreLearnings(question, [oneWord], { now: NOW, currentProjectKey: 'CHK' })[0]!.matched).toEqual({ terms: 1, tags: 0 });
  });

  it('does not show a lone shared word even when no candidate mentions more of the question', () => {
    const question = learnedBeforeQueryOf({ text: 'We believe clearer seat text will cut support chats', tags: [] });
    const mentionsText = aCard('GROW-8', aDraft().withHypothesis('Shorter text in the banner lifts clicks.').build());
    expect(scoreLearnings(question, [mentionsText], { now: NOW, currentProjectKey: 'CHK' })[0]!.matched).toEqual({ terms: 1, tags: 0 });
    expect(learnedBefore(question, [mentionsText], { now: NOW, currentProjectKey: 'CHK', minScore: 0 })).toEqual([]);
    const oneWordQuestion = learnedBeforeQueryOf({ text: 'Banner', tags: [] });
    expect(learnedBefore(oneWordQuestion, [mentionsText], { now: NOW, currentProjectKey: 'CHK' }).map((r) => r.card.issue.key)).toEqual([
      'GROW-8',
    ]);
  });

  it('prefers the recent of two equal learnings, mildly', () => {
    const old = aCard('FLEX-1', FLEX_112_DRAFT(), { at: '2024-11-20T09:00:00.000Z' });
    const recent = aCard('FLEX-2', FLEX_112_DRAFT(), { at: '2026-11-19T09:00:00.000Z' });
    const [first, second] = scoreLearnings(query, [old, recent], { now: NOW, currentProjectKey: 'CHK' });
    expect(first!.card.issue.key).toBe('FLEX-2');
    expect(second!.score / first!.score).toBeGreaterThan(0.75);
    expect(recencyFactor('2026-11-20T09:00:00.000Z', NOW)).toBe(1);
    expect(recencyFactor('2020-01-01T00:00:00.000Z', NOW)).toBeCloseTo(0.8, 2);
  });
});
