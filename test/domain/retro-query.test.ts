import { JastBuilder } from '@atlaskit/jql-ast';
import { customSearchJql, presetScopeOf, sprintJql, sprintSearchJql } from '../../src/domain/retro/retro-query';
import { JQL_PRESETS } from '../../src/domain/macro/macro-config';

function parses(jql: string): void {
  const { errors } = new JastBuilder().build(jql);
  expect({ jql, errors: errors.map((e) => e.message) }).toEqual({ jql, errors: [] });
}

describe('the JQL of the retro view', () => {
  it("shows the sprint's surprises, and everything learned in it one click away", () => {
    expect(sprintJql(42, 'surprises')).toBe('sprint = 42 AND learningSurprise = "true"');
    expect(sprintJql(42, 'all')).toBe('sprint = 42');
  });

  it('sends one search per sprint: every issue in it with a record, newest learnings first', () => {
    expect(sprintSearchJql(42)).toBe('sprint = 42 AND learningOutcome IS NOT empty ORDER BY learningUpdated DESC, key DESC');
  });

  it("narrows a person's JQL to issues with a record, keeping an OR together", () => {
    const built = customSearchJql('sprint = 42 OR labels = pricing ORDER BY rank');
    expect(built).toEqual({
      ok: true,
      jql: '(sprint = 42 OR labels = pricing) AND learningOutcome IS NOT empty ORDER BY learningUpdated DESC, key DESC',
    });
  });

  it("answers a syntax error in a person's JQL in words", () => {
    expect(customSearchJql('sprint = = 42')).toEqual({
      ok: false,
      message: '“=” (column 10) is not expected here: JQL expects a value (put text with spaces in quotes).',
    });
  });

  it('recognises its own queries however they are spaced', () => {
    expect(presetScopeOf('  sprint = 42  AND learningSurprise = "true" ', 42)).toBe('surprises');
    expect(presetScopeOf('sprint = 42', 42)).toBe('all');
    expect(presetScopeOf('sprint = 43', 42)).toBeNull();
    expect(presetScopeOf('sprint = 42 AND learningOutcome = invalidated', 42)).toBeNull();
  });

  it('refuses a sprint id that is not a positive integer', () => {
    expect(() => sprintJql(0, 'all')).toThrow(RangeError);
    expect(() => sprintJql(1.5, 'all')).toThrow(RangeError);
  });

  it("generates only JQL that Atlassian's grammar parses", () => {
    for (const id of [1, 42, 9_007_199_254_740_991]) {
      parses(sprintJql(id, 'surprises'));
      parses(sprintJql(id, 'all'));
      parses(sprintSearchJql(id));
    }
    const custom = customSearchJql('project = FLEX AND sprint in openSprints()');
    expect(custom.ok).toBe(true);
    if (custom.ok) parses(custom.jql);
  });

  it('offers presets that parse and name no project or issue of any site', () => {
    for (const preset of JQL_PRESETS) {
      parses(preset.jql);
      expect(preset.jql).not.toMatch(/\bproject\s*=/);
      expect(preset.jql).not.toMatch(/\b[A-Z][A-Z0-9_]*-\d+\b/);
    }
    expect(JQL_PRESETS.find((preset) => preset.id === 'surprises')?.jql).toContain('-30d');
  });
});
