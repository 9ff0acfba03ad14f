import { DEFAULT_MACRO_CONFIG } from '../../src/domain/macro/macro-config';
import { accountIdsToName, appendPage, firstPage, issueHref, issuePath, visibleGroups } from '../../static/shared/learnings/view-state';
import { safeHref } from '../../static/shared/evidence-links';
import { aDraft } from '../support/learning-mother';
import { aCard, aPage, flex112 } from './macro-fixtures';

describe('paging in the macro', () => {
  it('appends pages, counts them, and never shows an issue twice when the order shifted', () => {
    const one = firstPage(aPage([aCard(1), aCard(2)], 'p2'));
    expect(one.pages).toBe(1);
    const two = appendPage(one, aPage([aCard(2), aCard(3)], 'p3'));
    expect(two.cards.map((c) => c.issue.key)).toEqual(['FLEX-1', 'FLEX-2', 'FLEX-3']);
    expect(two.nextPageToken).toBe('p3');
    expect(two.pages).toBe(2);
    const last = appendPage(two, aPage([aCard(4)], null));
    expect(last.nextPageToken).toBeNull();
    expect(last.jql).toBe(one.jql);
  });
});

describe('search and groups', () => {
  const cards = [
    flex112(),
    aCard(2, {
      draft: aDraft()
        .withHypothesis('Checkout copy')
        .withLearning('Shorter forms convert')
        .withOutcome('invalidated')
        .withTags('checkout')
        .build(),
    }),
    aCard(3, {
      draft: aDraft().withHypothesis('Pricing page').withSurprise('Nobody scrolls').withOutcome('validated').withTags('pricing').build(),
    }),
  ];

  it('groups by outcome with counts, in lifecycle order', () => {
    const { groups, shown } = visibleGroups(cards, 'outcome', '');
    expect(shown).toBe(3);
    expect(groups.map((g) => [g.label, g.cards.length])).toEqual([
      ['Validated', 2],
      ['Invalidated', 1],
    ]);
  });

  it('filters within the page: every word must match somewhere in the card', () => {
    expect(visibleGroups(cards, 'none', 'spain').shown).toBe(1);
    expect(visibleGroups(cards, 'none', 'SPAIN customers').shown).toBe(1);
    expect(visibleGroups(cards, 'none', 'flex-112').shown).toBe(1);
    expect(visibleGroups(cards, 'none', 'pricing').shown).toBe(2);
    expect(visibleGroups(cards, 'none', 'nothing-like-this').groups).toEqual([]);
  });

  it('counts an issue in two tag groups once', () => {
    const { groups, shown } = visibleGroups(cards, 'tag', 'refund');
    expect(shown).toBe(1);
    expect(groups.map((g) => g.label)).toEqual(['pricing', 'refunds']);
  });
});

describe('display names', () => {
  it('asks for each unknown person once, at most 50 per call', () => {
    const cards = Array.from({ length: 60 }, (_, i) => aCard(i, { accountId: `acc-${i}` }));
    const first = accountIdsToName(cards, new Set());
    expect(first).toHaveLength(50);
    expect(new Set(first).size).toBe(50);
    const rest = accountIdsToName(cards, new Set(first));
    expect(rest).toEqual(Array.from({ length: 10 }, (_, i) => `acc-${50 + i}`));
    expect(accountIdsToName(cards, new Set([...first, ...rest]))).toEqual([]);
  });

  it('never asks about an id the resolver would refuse', () => {
    const card = aCard(1, { accountId: 'bad id<script>' });
    expect(accountIdsToName([card], new Set())).toEqual([]);
  });
});

describe('links', () => {
  it('opens issues by their path on the site, for well-formed keys only', () => {
    expect(issuePath('FLEX-112')).toBe('/browse/FLEX-112');
    expect(issuePath('javascript:alert(1)')).toBeNull();
    expect(issuePath('FLEX-112/../../admin')).toBeNull();
    expect(issueHref('https://acme.atlassian.net/', 'FLEX-112')).toBe('https://acme.atlassian.net/browse/FLEX-112');
    expect(issueHref('javascript:alert(1)', 'FLEX-112')).toBeNull();
    expect(issueHref(undefined, 'FLEX-112')).toBeNull();
  });

  it('makes evidence clickable only for http and https', () => {
    expect(safeHref('https://example.com/x')).toBe('https://example.com/x');
    expect(safeHref('http://example.com')).toBe('http://example.com');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,hi')).toBeNull();
    expect(safeHref('//evil.example')).toBeNull();
  });
});

it('the default config shows something straight away', () => {
  expect(DEFAULT_MACRO_CONFIG.jql).not.toBe('');
  expect(Object.values(DEFAULT_MACRO_CONFIG.show).every(Boolean)).toBe(true);
});
