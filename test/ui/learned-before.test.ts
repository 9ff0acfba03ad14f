import type { LearnedBeforeItem } from '../../src/contract/learned-before';
import {
  draftWithLink,
  hiddenNote,
  isLinked,
  learnedBeforePayloadOf,
  learnedBeforeReducer,
  questionKeyOf,
  reuseHeading,
} from '../../static/issue-panel/src/state/learned-before';
import { FLEX_112_DRAFT } from '../support/learning-mother';

const item = (key: string, id = '10112') =>
  ({ issue: { id, key, summary: '', projectKey: key.split('-')[0]!, projectName: '' } }) as LearnedBeforeItem;

describe('what "Learned before" asks', () => {
  it('asks about the hypothesis, or the summary while there is none, with the tags', () => {
    expect(learnedBeforePayloadOf({ hypothesis: ' Refunds reduce drop-off ', tags: ['Pricing'] }, 'Summary')).toEqual({
      text: 'Refunds reduce drop-off',
      tags: ['pricing'],
    });
    expect(learnedBeforePayloadOf({ hypothesis: '', tags: [] }, 'Refund option for low-cost tickets')).toEqual({
      text: 'Refund option for low-cost tickets',
      tags: [],
    });
    expect(learnedBeforePayloadOf({ hypothesis: 'We believe it will', tags: [] }, '')).toBeNull();
  });

  it('does not ask again for punctuation, case or a stop word', () => {
    const a = questionKeyOf(learnedBeforePayloadOf({ hypothesis: 'Refunds reduce drop-off', tags: [] }, ''));
    expect(questionKeyOf(learnedBeforePayloadOf({ hypothesis: 'refunds reduce the drop off.', tags: [] }, ''))).toBe(a);
    expect(questionKeyOf(learnedBeforePayloadOf({ hypothesis: 'Refunds reduce drop-off in Spain', tags: [] }, ''))).not.toBe(a);
    expect(questionKeyOf(null)).toBe('');
  });
});

describe('the list state', () => {
  it('keeps the last items while asking again, and drops an answer to an older question', () => {
    let state = learnedBeforeReducer({ status: 'idle' }, { type: 'asked', key: 'a' });
    state = learnedBeforeReducer(state, { type: 'answered', key: 'a', items: [item('FLEX-112')] });
    state = learnedBeforeReducer(state, { type: 'asked', key: 'b' });
    expect(state).toEqual({ status: 'loading', key: 'b', items: [item('FLEX-112')] });
    expect(learnedBeforeReducer(state, { type: 'answered', key: 'a', items: [] })).toBe(state);
    const failed = learnedBeforeReducer(state, { type: 'failed', key: 'b', error: { code: 'JIRA_UNAVAILABLE', message: 'x' } });
    expect(failed).toMatchObject({ status: 'error', items: [item('FLEX-112')] });
    expect(learnedBeforeReducer(failed, { type: 'cleared' })).toEqual({ status: 'idle' });
  });
});

describe('"This helped"', () => {
  const link = { id: 'learned-before-10112', url: 'https://acme.atlassian.net/browse/FLEX-112', title: 'Learned before: FLEX-112' };

  it('adds the link once and keeps everything typed', () => {
    const draft = { ...FLEX_112_DRAFT(), hypothesis: 'half-typed hypo' };
    const next = draftWithLink(draft, link);
    expect(next).toEqual({ ...draft, evidence: [...draft.evidence, link] });
    expect(draftWithLink(next, link)).toBe(next);
  });

  it('knows an item is linked, by its link id or by a hand-made link to the issue', () => {
    expect(isLinked([link], item('FLEX-112'))).toBe(true);
    expect(isLinked([{ id: 'x', url: 'https://acme.atlassian.net/browse/CHK-42', title: '' }], item('CHK-42', '1'))).toBe(true);
    expect(isLinked([link], item('CHK-42', '1'))).toBe(false);
  });

  it('says how many tickets a learning helped, naming none the viewer cannot see', () => {
    expect(reuseHeading(0)).toBeNull();
    expect(reuseHeading(1)).toBe('This learning helped 1 ticket');
    expect(reuseHeading(3)).toBe('This learning helped 3 tickets');
    expect(hiddenNote(0, 2)).toBeNull();
    expect(hiddenNote(1, 0)).toBe('1 you cannot see');
    expect(hiddenNote(2, 1)).toBe('and 2 more you cannot see');
  });
});
