import type { RetroView } from '../../src/contract/retro';
import {
  changeText,
  hypothesisLabel,
  issueNavigatorPath,
  jqlToSend,
  listedCards,
  movePresenter,
  presenterKey,
  shownJql,
} from '../../static/retro/src/state/retro-state';
import { aDraft } from '../support/learning-mother';
import { aCard, FLEX_112_CARD } from '../support/retro-mother';

const quiet = aCard('FLEX-113');
const view = {
  cards: [FLEX_112_CARD(), quiet],
  query: { surprisesJql: 'sprint = 42 AND learningSurprise = "true"', everythingJql: 'sprint = 42', customJql: null, sent: [] },
} as unknown as RetroView;

describe("the retro view's UI logic", () => {
  it('narrows to surprises without another call, and shows the matching JQL', () => {
    expect(listedCards(view, 'surprises').map((c) => c.issue.key)).toEqual(['FLEX-112']);
    expect(listedCards(view, 'all')).toHaveLength(2);
    expect(shownJql(view, 'all')).toBe('sprint = 42');
  });

  it('sends JQL only when the person changed it', () => {
    expect(jqlToSend(view, ' sprint = 42  AND learningSurprise = "true"')).toEqual({ jql: null, scope: 'surprises' });
    expect(jqlToSend(view, 'sprint = 42')).toEqual({ jql: null, scope: 'all' });
    expect(jqlToSend(view, 'sprint = 42 AND learningOutcome = invalidated ')).toEqual({
      jql: 'sprint = 42 AND learningOutcome = invalidated',
      scope: null,
    });
  });

  it('moves through the presenter with the keyboard, not while typing, and leaves with Esc', () => {
    const key = (k: string, typing = false) => presenterKey({ key: k, altKey: false, ctrlKey: false, metaKey: false }, typing);
    expect(key('ArrowRight')).toBe('next');
    expect(key('ArrowLeft')).toBe('previous');
    expect(key('ArrowRight', true)).toBeNull();
    expect(key('Escape', true)).toBe('exit');
    expect(movePresenter(0, 3, 'previous')).toBe(0);
    expect(movePresenter(2, 3, 'next')).toBe(2);
    expect(movePresenter(1, 3, 'last')).toBe(2);
  });

  it('formats changes and the issue navigator path', () => {
    expect([changeText(2), changeText(-1), changeText(0)]).toEqual(['+2', '\u22121', '\u00b10']);
    expect(issueNavigatorPath('sprint = 42 AND learningSurprise = "true"')).toBe(
      '/issues/?jql=sprint%20%3D%2042%20AND%20learningSurprise%20%3D%20%22true%22',
    );
    expect(aDraft().build().learnings).toEqual([]);
  });

  it('introduces a hypothesis once: "Hypothesis:" when it already says "We believe…", else "We believed:"', () => {
    expect(hypothesisLabel('We believe a clearer label will lift Flex attach.')).toBe('Hypothesis:');
    expect(hypothesisLabel('  we believed the banner would help')).toBe('Hypothesis:');
    expect(hypothesisLabel('Presenting Flex as a refund option will reduce drop-off.')).toBe('We believed:');
    expect(hypothesisLabel('Webelieve is not the template.')).toBe('We believed:');
  });
});
