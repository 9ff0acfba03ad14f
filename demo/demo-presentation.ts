/**
 * How the emulator's own pages speak of the demo: each user's permissions
 * beside "Acting as", and the issue lists' "Learnings" column, read the way
 * the app reads its property.
 */
import type { IssueColumn, SitePresentation } from '../emulator';
import { LEARNING_PROPERTY_KEY } from '../src/domain/record/learning-record';
import { readStoredProperty } from '../src/domain/record/record-schema';
import { DEMO_PERMISSIONS_SUMMARY } from './demo-data';

/** A one-line summary of an issue's learning record. */
export function learningSummaryOf(propertyText: string | undefined): { text: string; kind: 'none' | 'record' | 'unreadable' } {
  if (propertyText === undefined) return { text: 'No learnings yet', kind: 'none' };
  let value: unknown;
  try {
    value = JSON.parse(propertyText);
  } catch {
    return { text: 'Unreadable record', kind: 'unreadable' };
  }
  const reading = readStoredProperty(value);
  if (reading.kind === 'absent') return { text: 'No learnings yet', kind: 'none' };
  if (reading.kind === 'unreadable' || reading.kind === 'newer') return { text: 'Unreadable record', kind: 'unreadable' };
  const { record } = reading;
  const surprises = record.learnings.filter((l) => l.surprise).length;
  const parts = [
    record.learnings.length === 0 ? 'Hypothesis only' : `${record.learnings.length} learning${record.learnings.length === 1 ? '' : 's'}`,
    ...(surprises > 0 ? [`${surprises} surprise${surprises === 1 ? '' : 's'}`] : []),
    record.outcome,
  ];
  return { text: parts.join(' · '), kind: 'record' };
}

const LEARNINGS_COLUMN: IssueColumn = {
  title: 'Learnings',
  cell: (_issue, propertyText) => learningSummaryOf(propertyText(LEARNING_PROPERTY_KEY)),
};

export const DEMO_PRESENTATION: SitePresentation = {
  name: 'Learning Loop local site',
  // Any handle may act on the site; only the demo's own users have a note.
  userNote: (user) => (DEMO_PERMISSIONS_SUMMARY as Partial<Record<string, string>>)[user.handle] ?? '',
  issueColumn: LEARNINGS_COLUMN,
};
