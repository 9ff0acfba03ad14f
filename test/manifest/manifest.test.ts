import { validate } from '@forge/manifest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { LEARNING_PROPERTY_KEY, toStoredProperty } from '../../src/domain/record/learning-record';
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

  it('indexes the property the app writes, under the JQL aliases users search with', () => {
    const [index] = manifest.modules['jira:entityProperty'];
    expect(index?.propertyKey).toBe(LEARNING_PROPERTY_KEY);
    const aliases = Object.fromEntries(index!.values.map((v) => [v.searchAlias, v.type]));
    expect(aliases).toMatchObject({
      learningHypothesis: 'text',
      learningText: 'text',
      learningOutcome: 'string',
      learningSurprise: 'string',
      learningTags: 'string',
      learningUpdated: 'date',
      learningCount: 'number',
    });
  });

  it('points every indexed path at a value the stored record really has, of a type the index takes', () => {
    const stored = toStoredProperty(aRecord()) as unknown as Record<string, unknown>;
    const [index] = manifest.modules['jira:entityProperty'];
    for (const value of index!.values) {
      const found = value.path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], stored);
      const element = Array.isArray(found) ? found[0] : found;
      const expected = value.type === 'number' ? 'number' : 'string';
      expect({ path: value.path, type: element === null ? expected : typeof element }).toEqual({ path: value.path, type: expected });
    }
  });
});
