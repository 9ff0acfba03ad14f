/**
 * The demo reads as real work (issue #15, item 22): every ticket has its own title, every hypothesis is
 * about its own ticket, and only people the demo lets edit a project wrote its records. Read from the
 * built dataset only (users, grants, issues, stored properties and history), not from the generator.
 */
import { buildDemoDataset } from '../../demo';
import { rawLearningsOf, type RawLearning } from '../support/stored-json';
import { recordRows } from './record-rows';

const data = buildDemoDataset();
const recordProperties = recordRows(data);

// Words every hypothesis template or sentence uses: sharing one of them says nothing about the topic.
const STOP_WORDS = new Set(
  'the and for with from that this into over than when will were have what they them their our your its was are but not can all per two one new more less know believe change weeks week see'.split(
    ' ',
  ),
);
const contentWords = (text: string): Set<string> =>
  new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9€]+/)
      .filter((word) => word.length >= 3 && !STOP_WORDS.has(word))
      .map((word) => word.replace(/(es|s)$/, '')),
  );

interface StoredRecord {
  hypothesis: string;
  updatedBy: string;
  learnings: RawLearning[];
}
/** A stored record's JSON, its learnings decoded by hand. */
const recordIn = (stored: unknown): StoredRecord => ({ ...(stored as StoredRecord), learnings: rawLearningsOf(stored) });
const records = recordProperties.map((p) => ({ issueKey: p.issueKey, record: recordIn(JSON.parse(p.valueText)) }));
const issueByKey = new Map(data.issues.map((issue) => [issue.key, issue]));

describe('demo data a product manager believes', () => {
  it('gives every issue a title no other issue has', () => {
    const counts = new Map<string, string[]>();
    for (const issue of data.issues) counts.set(issue.summary, [...(counts.get(issue.summary) ?? []), issue.key]);
    const shared = [...counts].filter(([, keys]) => keys.length > 1).map(([summary, keys]) => `${summary}: ${keys.join(', ')}`);
    expect(shared).toEqual([]);
    expect(data.issues.length).toBeGreaterThan(300);
  });

  it("writes every record's hypothesis about its own ticket: it shares a content word with the ticket's title", () => {
    const unrelated = records.flatMap(({ issueKey, record }) => {
      const summary = issueByKey.get(issueKey)?.summary ?? '';
      const titleWords = contentWords(summary);
      const shares = [...contentWords(record.hypothesis)].some((word) => titleWords.has(word));
      return shares ? [] : [`${issueKey} "${summary}": ${record.hypothesis}`];
    });
    expect(unrelated).toEqual([]);
    expect(records.length).toBeGreaterThan(150);
  });

  it('has every record, its learnings and its kept revisions written by people with Edit in that project', () => {
    const levelOf = (accountId: string, projectKey: string) =>
      data.grants.find((g) => g.accountId === accountId && g.projectKey === projectKey)?.level ??
      data.users.find((u) => u.accountId === accountId)?.defaultLevel ??
      'none';
    const nameOf = (accountId: string) => data.users.find((u) => u.accountId === accountId)?.displayName ?? accountId;
    const writersOf = (record: StoredRecord) => [record.updatedBy, ...record.learnings.map((l) => l.author ?? '(no author)')];
    const current = records.map(({ issueKey, record }) => ({ issueKey, writers: writersOf(record) }));
    const kept = data.kvs
      .filter((entry) => entry.key.startsWith('history:'))
      .map((entry) => {
        const issue = data.issues.find((i) => entry.key.startsWith(`history:${i.id}:`));
        const snapshot = JSON.parse(entry.valueText) as { savedBy: string; value: unknown };
        return { issueKey: issue?.key ?? entry.key, writers: [snapshot.savedBy, ...writersOf(recordIn(snapshot.value))] };
      });
    expect(kept.length).toBeGreaterThan(50);
    const wrong = [...current, ...kept].flatMap(({ issueKey, writers }) =>
      writers
        // Managing sprints includes editing issues (the site's levels: none < browse < edit < manage-sprints).
        .filter((accountId) => !['edit', 'manage-sprints'].includes(levelOf(accountId, issueKey.split('-')[0] ?? '')))
        .map((accountId) => `${issueKey}: ${nameOf(accountId)}`),
    );
    expect([...new Set(wrong)]).toEqual([]);
  });
});
