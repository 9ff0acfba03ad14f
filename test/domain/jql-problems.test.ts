/**
 * JQL errors in words: the place (column, and line when the query has several),
 * what is wrong, and Jira's own fix, for what people mistype. Expected sentences
 * are written out by hand; none may be the parser's raw output.
 */
import { jqlProblemMessage, jqlProblems } from '../../src/domain/search/jql-problems';
import { buildLearningJql } from '../../src/domain/search/learning-query';
import { customSearchJql } from '../../src/domain/retro/retro-query';

describe('a JQL syntax error, in words', () => {
  it.each([
    ['learningSurprise = true', '“true” (column 20) is a word JQL reserves: to use it as a value, put it in quotes: "true".'],
    ['learningSurprise =', 'The query stops after “=” (column 19): add a value (put text with spaces in quotes).'],
    ['project = FLEX AND', 'The query stops after “AND” (column 19): add a condition such as project = ABC.'],
    ['project FLEX', '“FLEX” (column 9) is not expected here: JQL expects an operator such as =, !=, ~ or IN.'],
    ['project = "FLEX', 'The quote that opens at column 11 is never closed: add the closing quote.'],
    ['(project = FLEX', 'The query stops after “FLEX” (column 16): add a closing bracket “)”.'],
    ['project = FLEX\nAND status =', 'The query stops after “=” (line 2, column 13): add a value (put text with spaces in quotes).'],
  ])('%j', (jql, sentence) => {
    expect(jqlProblemMessage(jql)).toBe(sentence);
  });

  it('points at the place as editors count (1-based line and column)', () => {
    expect(jqlProblems('project = FLEX\nAND status =')).toEqual([expect.objectContaining({ line: 2, column: 13 })]);
  });

  it('never shows the parser’s own output', () => {
    for (const jql of ['learningSurprise =', 'project = = FLEX', 'a = b c', 'status in (Done', '= x', 'x ~ "a\\q"', 'key = FLEX-1 &']) {
      const message = jqlProblemMessage(jql);
      expect(message).not.toBeNull();
      expect(message).not.toMatch(/mismatched|extraneous|no viable|expecting \{|<EOF>|token recognition/i);
    }
  });

  it('says nothing about valid JQL or an empty query', () => {
    expect(jqlProblemMessage('learningSurprise = "true" AND sprint in openSprints()')).toBeNull();
    expect(jqlProblemMessage('')).toBeNull();
  });

  it('is the message both the macro (its search) and the retro (custom JQL) answer with', () => {
    const sentence = '“true” (column 20) is a word JQL reserves: to use it as a value, put it in quotes: "true".';
    const macro = buildLearningJql({ jql: 'learningSurprise = true', surprisesOnly: false, outcomes: [], sort: 'updated' });
    expect(macro).toEqual({ ok: false, message: sentence });
    expect(customSearchJql('learningSurprise = true')).toEqual({ ok: false, message: sentence });
  });
});
