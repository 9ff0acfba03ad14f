import { validate } from '@forge/manifest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { REUSE_PROPERTY_KEY, reuseProperty } from '../../src/domain/learned-before/reuse-count';
import { LEARNING_PROPERTY_KEY } from '../../src/domain/record/learning-record';
import { toStoredProperty } from '../../src/domain/record/stored-format';
import { LEARNING_TEXT_PROPERTY_KEY, learningTextOf } from '../../src/domain/record/text-index';
import { aRecord } from '../support/learning-mother';

const manifestPath = path.resolve(__dirname, '../../manifest.yml');

interface EntityPropertyModule {
  propertyKey: string;
  values: Array<{ path: string; type: string; searchAlias: string }>;
}

const manifest = parse(readFileSync(manifestPath, 'utf8')) as {
  modules: { 'jira:entityProperty': EntityPropertyModule[] };
};

describe('manifest.yml', () => {
  it('validates offline with @forge/manifest (needs `npm run build` first)', async () => {
    const result = await validate(false, manifestPath);
    expect(result.errors ?? []).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('indexes the properties the app writes, under the JQL aliases users search with', () => {
    const aliases = Object.fromEntries(
      manifest.modules['jira:entityProperty'].flatMap((module) =>
        module.values.map((v) => [v.searchAlias, `${module.propertyKey} ${v.path}: ${v.type}`]),
      ),
    );
    expect(aliases).toMatchObject({
      learningHypothesis: 'learning-loop hypothesis: text',
      learningOutcome: 'learning-loop outcome: string',
      learningSurprise: 'learning-loop index.surprise: string',
      learningTags: 'learning-loop tags: string',
      learningUpdated: 'learning-loop updatedAt: date',
      learningCount: 'learning-loop index.count: number',
      // The texts' copy in its own property: the searches that carry the record do not carry it.
      learningText: 'learning-loop-text text: text',
      learningReuses: 'learning-loop-reuse count: number',
    });
  });

  it('points every indexed path at a value the app really writes to that property, of a type the index takes', () => {
    const written: Record<string, unknown> = {
      [LEARNING_PROPERTY_KEY]: toStoredProperty(aRecord()),
      [LEARNING_TEXT_PROPERTY_KEY]: learningTextOf(aRecord()),
      [REUSE_PROPERTY_KEY]: reuseProperty(2),
    };
    for (const module of manifest.modules['jira:entityProperty']) {
      expect(Object.keys(written)).toContain(module.propertyKey);
      for (const value of module.values) {
        const found = value.path
          .split('.')
          .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], written[module.propertyKey]);
        const element = Array.isArray(found) ? found[0] : found;
        const expected = value.type === 'number' ? 'number' : 'string';
        expect({ path: value.path, type: element === null ? expected : typeof element }).toEqual({ path: value.path, type: expected });
      }
    }
  });
});
