/**
 * Shared by the reliability tests: the writes in an invocation's accounting,
 * and a scan of any JSON for text that must not be there. (Module contexts as
 * Forge gives them: local/invoke-contexts.ts.)
 */
import type { CallRecord } from '../../emulator';
import type { AppSite } from '../support/app-site';
import { LEARNING_PROPERTY_KEY, type LearningRecord } from '../../src/domain/record/learning-record';
import { readStoredProperty } from '../../src/domain/record/record-schema';

export { seededRandom } from './payload-fuzzer';

/** Property writes (Jira) and KVS writes, as the accounting names them. */
/** An issue's or a sprint's entity property written. */
export const PROPERTY_WRITE = /^(PUT|POST|DELETE) \/rest\/(api\/3\/issue|agile\/1\.0\/sprint)\/.*\/properties/;
export const KVS_WRITE = /^POST \/api\/v1\/(set|delete|batch\/(set|delete)|transaction|secret\/(set|delete)|entity\/(set|delete))/;
export const propertyWrites = (calls: CallRecord[]) => calls.filter((c) => PROPERTY_WRITE.test(c.endpoint));
export const succeededPropertyWrites = (calls: CallRecord[]) => propertyWrites(calls).filter((c) => c.status >= 200 && c.status < 300);

/** The raw text of an issue's learning property, as Jira holds it. */
export function storedText(site: AppSite, issueKey: string): string | undefined {
  const issue = site.store.getIssue(issueKey);
  return issue && site.store.getProperty(issue.id, LEARNING_PROPERTY_KEY)?.valueText;
}

/** The stored record, read from the store's text (not through a resolver); null when absent. */
export function storedRecord(site: AppSite, issueKey: string): LearningRecord | null {
  const text = storedText(site, issueKey);
  if (text === undefined) return null;
  const reading = readStoredProperty(JSON.parse(text));
  if (reading.kind !== 'record') throw new Error(`The record of ${issueKey} reads as "${reading.kind}".`);
  return reading.record;
}

/** Every KVS key under a prefix (plain space). */
export function kvsKeys(site: AppSite, prefix: string): string[] {
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
