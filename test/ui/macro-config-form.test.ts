import { DEFAULT_MACRO_CONFIG, JQL_PRESETS, MACRO_LIMITS } from '../../src/domain/macro/macro-config';
import {
  CUSTOM_PRESET,
  checkAnswered,
  checkStarted,
  configFromContext,
  configReducer,
  countText,
  presetOf,
  saveBlocker,
} from '../../static/macro-config/src/state/config-form';

describe('the config view', () => {
  it('reads the stored config from extension.config, with defaults for anything missing or odd', () => {
    expect(configFromContext({})).toEqual(DEFAULT_MACRO_CONFIG);
    expect(configFromContext(null)).toEqual(DEFAULT_MACRO_CONFIG);
    const config = configFromContext({
      extension: { config: { jql: 'project = GROW', layout: 'table', groupBy: 'nonsense', show: { tags: false } } },
    });
    expect(config.jql).toBe('project = GROW');
    expect(config.layout).toBe('table');
    expect(config.groupBy).toBe(DEFAULT_MACRO_CONFIG.groupBy);
    expect(config.show).toEqual({ ...DEFAULT_MACRO_CONFIG.show, tags: false });
  });

  it('picks a preset by its JQL, and knows custom JQL', () => {
    const tag = JQL_PRESETS.find((p) => p.id === 'tag')!;
    const config = configReducer(DEFAULT_MACRO_CONFIG, { type: 'preset', id: 'tag' });
    expect(config.jql).toBe(tag.jql);
    expect(presetOf(config.jql)).toBe('tag');
    expect(presetOf(`  ${tag.jql.replace(' ', '   ')} `)).toBe('tag');
    expect(presetOf('project = GROW AND learningTags = x')).toBe(CUSTOM_PRESET);
    expect(configReducer(config, { type: 'preset', id: 'no-such' })).toBe(config);
  });

  it('keeps outcomes in lifecycle order, and all four means every outcome', () => {
    let config = configReducer(DEFAULT_MACRO_CONFIG, { type: 'outcome', outcome: 'invalidated', on: true });
    config = configReducer(config, { type: 'outcome', outcome: 'open', on: true });
    expect(config.outcomes).toEqual(['open', 'invalidated']);
    config = configReducer(config, { type: 'outcome', outcome: 'validated', on: true });
    config = configReducer(config, { type: 'outcome', outcome: 'inconclusive', on: true });
    expect(config.outcomes).toEqual([]);
  });

  it('takes only values the schema knows for grouping, sort and layout', () => {
    expect(configReducer(DEFAULT_MACRO_CONFIG, { type: 'field', field: 'groupBy', value: 'sprint' }).groupBy).toBe('sprint');
    expect(configReducer(DEFAULT_MACRO_CONFIG, { type: 'field', field: 'layout', value: 'poster' }).layout).toBe(
      DEFAULT_MACRO_CONFIG.layout,
    );
    expect(configReducer(DEFAULT_MACRO_CONFIG, { type: 'show', part: 'evidence', on: false }).show.evidence).toBe(false);
  });

  it("drops a late answer for an older query and shows Jira's errors for the current one", () => {
    // The person checked 'project = FLEX', then changed the box to 'sprnt = 4' before its answer came.
    let state = checkStarted('sprnt = 4');
    expect(checkAnswered(state, 'project = FLEX', { ok: true, value: { errors: [], count: 3 } })).toBe(state);
    state = checkAnswered(state, 'sprnt = 4', { ok: true, value: { errors: ["Field 'sprnt' does not exist."], count: null } });
    expect(state).toEqual({ status: 'invalid', jql: 'sprnt = 4', errors: ["Field 'sprnt' does not exist."] });
    expect(saveBlocker({ ...DEFAULT_MACRO_CONFIG, jql: 'sprnt = 4' }, state)).toMatch(/Fix the JQL/);
    // Once the person has changed the query, the old errors no longer block.
    expect(saveBlocker({ ...DEFAULT_MACRO_CONFIG, jql: 'sprint = 4' }, state)).toBeNull();
    expect(checkAnswered(checkStarted('x'), 'x', { ok: false, error: { message: 'Jira is down.' } })).toEqual({
      status: 'unavailable',
      jql: 'x',
      message: 'Jira is down.',
    });
  });

  it('refuses to save fields longer than the limits', () => {
    const idle = { status: 'idle' } as const;
    expect(saveBlocker(DEFAULT_MACRO_CONFIG, idle)).toBeNull();
    expect(saveBlocker({ ...DEFAULT_MACRO_CONFIG, title: 'x'.repeat(MACRO_LIMITS.titleChars + 1) }, idle)).toMatch(/title/);
    expect(saveBlocker({ ...DEFAULT_MACRO_CONFIG, jql: 'x'.repeat(MACRO_LIMITS.jqlChars + 1) }, idle)).toMatch(/JQL/);
  });

  it('says how many issues a valid query finds', () => {
    expect(countText(42)).toMatch(/about 42 issues/);
    expect(countText(1)).toMatch(/about 1 issue with/);
    expect(countText(0)).toMatch(/no issue/);
    expect(countText(null)).toBe('Valid JQL.');
  });
});
