/**
 * Shared by the reliability tests: module contexts as Forge gives them, the
 * writes in an invocation's accounting, and a scan of any JSON for text that
 * must not be there.
 */
import type { CallRecord } from '../../local/accounting';
import type { LocalSite } from '../../local/site';
import { DEFAULT_MACRO_CONFIG, type MacroConfig } from '../../src/domain/macro-config';
import { LEARNING_PROPERTY_KEY, recordOf, type LearningRecord, type StoredLearningProperty } from '../../src/domain/learning-record';

export { seededRandom } from './payload-fuzzer';

/** Property writes (Jira) and KVS writes, as the accounting names them. */
export const PROPERTY_WRITE = /^(PUT|POST|DELETE) \/rest\/api\/3\/issue\/.*\/properties/;
export const KVS_WRITE = /^POST \/api\/v1\/(set|delete|batch\/(set|delete)|transaction|secret\/(set|delete)|entity\/(set|delete))/;
export const propertyWrites = (calls: CallRecord[]) => calls.filter((c) => PROPERTY_WRITE.test(c.endpoint));
export const succeededPropertyWrites = (calls: CallRecord[]) => propertyWrites(calls).filter((c) => c.status >= 200 && c.status < 300);

export function macroContext(site: LocalSite, config: MacroConfig | undefined = DEFAULT_MACRO_CONFIG, configuring = false): Record<string, unknown> {
  return {
    cloudId: 'local',
    siteUrl: site.url,
    localId: 'reliability-macro',
    moduleKey: 'learnings-macro',
    extension: {
      type: 'macro',
      content: { id: '65537', type: 'page', subtype: null },
      space: { key: 'TEAM', id: '98305' },
      isEditing: configuring,
      references: [],
      ...(config === undefined ? {} : { config }),
      macro: configuring ? { isConfiguring: true, isInserting: false } : { isConfiguring: false },
    },
  };
}

export function projectPageContext(site: LocalSite, projectKey: string): Record<string, unknown> {
  const project = site.store.getProject(projectKey);
  if (!project) throw new Error(`No project ${projectKey}.`);
  return {
    cloudId: 'local',
    siteUrl: site.url,
    localId: `reliability-retro-${projectKey}`,
    moduleKey: 'retro',
    extension: { type: 'jira:projectPage', project: { id: project.id, key: project.key, type: 'software' } },
  };
}

/** The raw text of an issue's learning property, as Jira holds it. */
export function storedText(site: LocalSite, issueKey: string): string | undefined {
  const issue = site.store.getIssue(issueKey);
  return issue && site.store.getProperty(issue.id, LEARNING_PROPERTY_KEY)?.valueText;
}

/** The stored record (the test's own read, outside the app); null when absent. */
export function storedRecord(site: LocalSite, issueKey: string): LearningRecord | null {
  const text = storedText(site, issueKey);
  return text === undefined ? null : recordOf(JSON.parse(text) as StoredLearningProperty);
}

/** Every KVS key under a prefix (plain space). */
export function kvsKeys(site: LocalSite, prefix: string): string[] {
  return site.store.kvsScan('plain', { prefix, limit: 10_000, now: Date.now() }).map((row) => row.key);
}

/** Where in a JSON value any of the needles occurs (case-sensitive), as "path: needle". */
export function findNeedles(value: unknown, needles: readonly string[], path = '$'): string[] {
  if (typeof value === 'string') return needles.filter((n) => value.includes(n)).map((n) => `${path}: ${n}`);
  if (Array.isArray(value)) return value.flatMap((item, i) => findNeedles(item, needles, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [
      ...needles.filter((n) => k.includes(n)).map((n) => `${path}.${k} (key): ${n}`),
      ...findNeedles(v, needles, `${path}.${k}`),
    ]);
  }
  return [];
}
