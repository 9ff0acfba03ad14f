import { buildLearningJql, jqlSyntaxProblem, quoteJqlValue } from '../../src/domain/search/learning-query';

const base = { jql: 'project = FLEX', surprisesOnly: false, outcomes: [], sort: 'updated' as const };

describe('building the JQL that finds learnings', () => {
  it('narrows a query to issues with a record AND orders it', () => {
    expect(buildLearningJql(base)).toEqual({
      ok: true,
      jql: 'project = FLEX AND learningOutcome IS NOT empty ORDER BY learningUpdated DESC, key DESC',
    });
  });

  it('keeps an OR query together so the filters apply to all of it', () => {
    const built = buildLearningJql({ ...base, jql: 'project = FLEX OR labels = pricing', surprisesOnly: true });
    expect(built).toMatchObject({ ok: true });
    expect(built.ok && built.jql).toBe(
      '(project = FLEX OR labels = pricing) AND (learningOutcome IS NOT empty AND learningSurprise = "true") ORDER BY learningUpdated DESC, key DESC',
    );
  });

  it("replaces the person's ORDER BY with the chosen sort", () => {
    const built = buildLearningJql({ ...base, jql: 'project = FLEX ORDER BY priority', sort: 'key' });
    expect(built.ok && built.jql).toMatch(/ORDER BY key ASC$/);
    expect(built.ok && built.jql).not.toMatch(/priority/);
  });

  it('builds a count query without ORDER BY on the parsed tree, even when a quoted value says " ORDER BY "', () => {
    const jql = 'summary ~ "sort ORDER BY date" AND project = FLEX ORDER BY priority';
    const built = buildLearningJql({ ...base, jql }, { order: false });
    expect(built).toEqual({ ok: true, jql: '(summary ~ "sort ORDER BY date" AND project = FLEX) AND learningOutcome IS NOT empty' });
  });

  it('works on an empty query: every issue with learnings', () => {
    const built = buildLearningJql({ ...base, jql: '', outcomes: ['invalidated', 'inconclusive'], sort: 'created' });
    expect(built.ok && built.jql).toBe(
      'learningOutcome IS NOT empty AND learningOutcome IN (invalidated, inconclusive) ORDER BY created DESC, key DESC',
    );
  });

  it('leaves out an outcome filter that names every outcome', () => {
    const built = buildLearningJql({ ...base, outcomes: ['open', 'validated', 'invalidated', 'inconclusive'] });
    expect(built.ok && built.jql).not.toMatch(/IN \(/);
  });

  it('reports a syntax error in words', () => {
    expect(buildLearningJql({ ...base, jql: 'project = = FLEX' })).toEqual({
      ok: false,
      message: '“=” (column 11) is not expected here: JQL expects a value (put text with spaces in quotes).',
    });
    expect(jqlSyntaxProblem('project = FLEX')).toBeNull();
  });

  it('quotes values safely', () => {
    expect(quoteJqlValue('say "hi" \\ bye')).toBe('"say \\"hi\\" \\\\ bye"');
  });
});
