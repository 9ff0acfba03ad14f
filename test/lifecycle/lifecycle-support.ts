/**
 * What the lifecycle tests do as people do it, through the real handler on the local site
 * (save, "This helped", a retro note), and how they read KVS: through the emulator's store,
 * never through the app's adapters.
 */
import type { RetroView } from '../../src/contract/retro';
import { draftOf, emptyDraft, type LearningDraft } from '../../src/domain/record/learning-record';
import { surprisesOf } from '../../src/domain/retro/retro-surprises';
import type { AppSite } from '../support/app-site';
import { projectPageContextFor } from '../support/invoke-contexts';
import { anEntry } from '../support/learning-mother';
import { rawLearningsOf } from '../support/stored-json';

export async function ok<T>(site: AppSite, request: Parameters<AppSite['invoke']>[0]): Promise<T> {
  const { result } = (await site.invoke(request)) as { result: { ok: true; value: T } | { ok: false } };
  if (!result.ok) throw new Error(`${request.functionKey} failed: ${JSON.stringify(result)}`);
  return result.value;
}

/** Opens the panel, changes the draft, saves. */
export async function editAndSave(
  site: AppSite,
  as: string,
  issueKey: string,
  change: (draft: LearningDraft) => LearningDraft,
): Promise<void> {
  const { record } = await ok<{ record: Parameters<typeof draftOf>[0] | null }>(site, { functionKey: 'learning/get', as, issueKey });
  const draft = change(record ? draftOf(record) : emptyDraft());
  await ok(site, { functionKey: 'learning/save', as, issueKey, payload: { baseRevision: record?.revision ?? 0, draft } });
}

export const addLearning = (site: AppSite, as: string, issueKey: string, text: string) =>
  editAndSave(site, as, issueKey, (d) => ({
    ...d,
    hypothesis: d.hypothesis || 'A hypothesis.',
    learnings: [...d.learnings, anEntry(text)],
  }));

/** "This helped" as the panel does it: the link joins the draft, the save records the reuse. */
export async function helpedBy(site: AppSite, as: string, issueKey: string, sourceIssueKey: string): Promise<void> {
  const { link } = await ok<{ link: LearningDraft['evidence'][number] }>(site, {
    functionKey: 'learnedBefore/markHelped',
    as,
    issueKey,
    payload: { sourceIssueKey },
  });
  await editAndSave(site, as, issueKey, (d) => ({ ...d, hypothesis: d.hypothesis || 'A hypothesis.', evidence: [...d.evidence, link] }));
}

/** A note on the n-th surprise of FLEX's current sprint; answers the surprise's issue id. */
export async function noteOnSurprise(site: AppSite, as: string, n: number, text: string): Promise<string> {
  const context = projectPageContextFor(site, 'FLEX');
  const view = await ok<RetroView>(site, { functionKey: 'retro/open', as, context, payload: {} });
  const surprise = surprisesOf(view.cards)[n];
  if (!surprise) throw new Error(`FLEX's sprint has no surprise #${n}.`);
  const payload = {
    boardId: view.board!.id,
    sprintId: view.sprint!.id,
    issueId: surprise.card.issue.id,
    entryId: surprise.entry.id,
    discussed: true,
    note: text,
  };
  await ok(site, { functionKey: 'retro/saveNote', as, context, payload });
  return surprise.card.issue.id;
}

export interface KvsRow {
  key: string;
  value: unknown;
  text: string;
}

/** Every live KVS row, read through the emulator's store. */
export function kvsRows(site: AppSite): KvsRow[] {
  return site.store
    .kvsScan('plain', { limit: 1_000_000, now: Date.now() })
    .map((row) => ({ key: row.key, value: JSON.parse(row.valueText) as unknown, text: row.valueText }));
}

/** The rows whose key or value holds this string anywhere. */
export const rowsHolding = (site: AppSite, needle: string): KvsRow[] =>
  kvsRows(site).filter((r) => r.key.includes(needle) || r.text.includes(needle));

/** The author of each stored learning (any stored record, at any depth) whose text holds `needle`, decoded by hand. */
export function learningAuthorsIn(value: unknown, needle: string): unknown[] {
  if (Array.isArray(value)) return value.flatMap((item) => learningAuthorsIn(item, needle));
  if (!value || typeof value !== 'object') return [];
  const version = (value as { schemaVersion?: unknown }).schemaVersion;
  if (version === 1 || version === 2)
    return rawLearningsOf(value)
      .filter((l) => l.text.includes(needle))
      .map((l) => l.author);
  return Object.values(value).flatMap((child) => learningAuthorsIn(child, needle));
}
