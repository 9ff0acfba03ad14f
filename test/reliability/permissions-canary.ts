/** The permissions matrix's canary (a learning on GROW-9 every search-based surface would find if it leaked) and its printed table. */
import type { AppSite } from '../support/app-site';
import { LEARNING_PROPERTY_KEY, draftOf, stampRevision } from '../../src/domain/record/learning-record';
import { readStoredProperty } from '../../src/domain/record/record-schema';
import { toStoredProperty } from '../../src/domain/record/stored-format';
import { rawLearningsOf } from '../support/stored-json';

/** Puts the canary on GROW-9 and returns what carol (who may not browse GROW) must never see: keys, summaries and texts found only in GROW. */
export function plantCanary(site: AppSite, canary: string): string[] {
  site.reset();
  const issue = site.store.getIssue('GROW-9')!;
  const reading = readStoredProperty(JSON.parse(site.store.getProperty(issue.id, LEARNING_PROPERTY_KEY)!.valueText));
  if (reading.kind !== 'record') throw new Error(`GROW-9's record reads as "${reading.kind}".`);
  const stored = reading.record;
  const record = stampRevision(
    { ...stored },
    {
      ...draftOf(stored),
      learnings: [...draftOf(stored).learnings, { id: 'canary', text: canary, surprise: true }],
      tags: ['pricing', 'refunds'],
    },
    { accountId: site.user('alice').accountId, now: new Date() },
  );
  site.store.setPropertyText(issue.id, LEARNING_PROPERTY_KEY, JSON.stringify(toStoredProperty(record)));
  const elsewhere = new Set(
    site.store
      .listIssues()
      .filter((i) => i.projectKey !== 'GROW')
      .map((i) => i.summary),
  );
  const grow = site.store.listIssues('GROW');
  const growTexts = grow.flatMap((i) => {
    const text = site.store.getProperty(i.id, LEARNING_PROPERTY_KEY)?.valueText;
    if (!text) return [];
    const r = JSON.parse(text) as { hypothesis: string };
    return [r.hypothesis, ...rawLearningsOf(text).map((e) => e.text)].filter((t) => t.length >= 12);
  });
  const otherTexts = new Set(
    site.store
      .listIssues()
      .filter((i) => i.projectKey !== 'GROW')
      .flatMap((i) => {
        const text = site.store.getProperty(i.id, LEARNING_PROPERTY_KEY)?.valueText;
        if (!text) return [];
        const r = JSON.parse(text) as { hypothesis: string };
        return [r.hypothesis, ...rawLearningsOf(text).map((e) => e.text)];
      }),
  );
  return [
    ...grow.map((i) => i.key),
    ...grow.map((i) => i.summary).filter((s) => !elsewhere.has(s)),
    ...growTexts.filter((t) => !otherTexts.has(t)),
  ];
}

/** What one person got from one surface. */
export interface Cell {
  answers: string[];
  leaks: string[];
  writesWithoutEdit: number;
}

/** The matrix as a Markdown table: a row per surface, a column per person (their level per project). */
export function matrixTable(site: AppSite, matrix: Map<string, Map<string, Cell>>, users: string[]): string {
  const levels = (u: string) =>
    ['FLEX', 'CHK', 'GROW', 'SRCH'].map((p) => site.store.permissionLevel(site.user(u).accountId, p)[0]).join('');
  const lines = [`| surface | ${users.map((u) => `${u} (${levels(u)})`).join(' | ')} |`, `|---|${users.map(() => '---').join('|')}|`];
  let calls = 0;
  for (const [surface, row] of matrix) {
    const cells = users.map((u) => {
      const c = row.get(u);
      if (!c) return '—';
      calls += c.answers.length;
      const codes = [...new Set(c.answers)].join('/');
      return `${c.answers.length} calls: ${codes}; leaks ${c.leaks.length}; writes w/o Edit ${c.writesWithoutEdit}`;
    });
    lines.push(`| ${surface} | ${cells.join(' | ')} |`);
  }
  return `Permissions matrix (levels per project FLEX CHK GROW SRCH: e=edit b=browse n=none), ${calls} invocations:\n${lines.join('\n')}`;
}
