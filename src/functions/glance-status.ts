/**
 * The issue glance's `dynamicProperties` function: the badge beside the glance's label, so a
 * ticket that holds learnings says so without opening anything. Jira calls it when it shows
 * the issue (and again when the glance closes). Read as the person viewing the issue; when
 * that is not possible, no badge: nothing is ever read as the app here.
 */
import { readStoredProperty } from '../domain/record/record-schema';
import { JiraIssueLearnings } from '../forge/record/jira-issue-learnings';
import { ISSUE_KEY_PATTERN } from '../domain/record/identifiers';

export interface GlanceEvent {
  extension?: { issue?: { key?: unknown } };
}

export interface GlanceStatus {
  status?: { type: 'badge' | 'lozenge'; value: { label: string; type?: 'default' | 'inprogress' | 'new' | 'success' } };
}

export async function glanceStatus(event: GlanceEvent): Promise<GlanceStatus> {
  const key = event.extension?.issue?.key;
  if (typeof key !== 'string' || !ISSUE_KEY_PATTERN.test(key)) return {};
  try {
    const reading = readStoredProperty(await new JiraIssueLearnings('user').readProperty(key));
    if (reading.kind !== 'record') return {};
    const { record } = reading;
    if (record.learnings.length > 0) return { status: { type: 'badge', value: { label: String(record.learnings.length) } } };
    return record.hypothesis.trim() ? { status: { type: 'lozenge', value: { label: 'Hypothesis', type: 'inprogress' } } } : {};
  } catch {
    return {};
  }
}
