import { GROUPINGS } from '../../src/domain/search/learning-cards';
import { SORTS } from '../../src/domain/search/learning-query';
import { OUTCOMES } from '../../src/domain/record/learning-record';
import {
  DEFAULT_MACRO_CONFIG,
  LAYOUTS,
  MACRO_LIMITS,
  SHOWABLE_PARTS,
  macroConfigOf,
  type MacroConfig,
} from '../../src/domain/macro/macro-config';
import { macroConfigSchema } from '../../src/domain/macro/macro-config-schema';

/** The UI's tolerant reader uses plain checks; each field it keeps must be one the strict schema accepts, and the reverse. */
describe('macroConfigOf agrees with macroConfigSchema field by field', () => {
  const candidates: unknown[] = [
    undefined,
    null,
    0,
    1,
    true,
    false,
    '',
    'x',
    'cards',
    'x'.repeat(MACRO_LIMITS.titleChars),
    'x'.repeat(MACRO_LIMITS.titleChars + 1),
    'x'.repeat(MACRO_LIMITS.jqlChars),
    'x'.repeat(MACRO_LIMITS.jqlChars + 1),
    [],
    ['validated'],
    [...OUTCOMES],
    [...OUTCOMES, 'open'],
    ['nope'],
    [1],
    Object.assign([], { 1: 'open' }), // a hole fails like undefined
    {},
    ...GROUPINGS,
    ...SORTS,
    ...LAYOUTS,
    ...OUTCOMES,
  ];
  const shape = macroConfigSchema.shape;
  const fields = ['title', 'jql', 'groupBy', 'surprisesOnly', 'outcomes', 'sort', 'layout'] as const;

  it.each(fields)('%s', (field) => {
    for (const candidate of candidates) {
      const read = macroConfigOf({ [field]: candidate })[field];
      const parsed = shape[field].safeParse(candidate);
      expect({ candidate, read }).toEqual({ candidate, read: parsed.success ? parsed.data : DEFAULT_MACRO_CONFIG[field] });
    }
  });

  it('show', () => {
    for (const part of SHOWABLE_PARTS) {
      for (const candidate of candidates) {
        const read = macroConfigOf({ show: { [part]: candidate } }).show[part];
        expect({ candidate, read }).toEqual({
          candidate,
          read: typeof candidate === 'boolean' ? candidate : DEFAULT_MACRO_CONFIG.show[part],
        });
      }
    }
  });

  it('a whole valid config passes both unchanged', () => {
    const config: MacroConfig = {
      title: 'T',
      jql: 'project = FLEX',
      groupBy: 'tag',
      surprisesOnly: true,
      outcomes: ['validated', 'invalidated'],
      sort: 'created',
      layout: 'table',
      show: { hypothesis: false, entries: true, evidence: false, tags: true, author: false, dates: true },
    };
    expect(macroConfigOf(config)).toEqual(config);
    expect(macroConfigSchema.parse(config)).toEqual(config);
    expect(macroConfigOf('junk')).toEqual(DEFAULT_MACRO_CONFIG);
  });
});
