/**
 * A learning property holding malformed or foreign JSON under the panel: the real handler on the
 * local site. Nothing may be overwritten unless the old value is kept in history first.
 */
import type { HistoryList, PanelView, SavedView } from '../../src/contract/resolvers';
import { ISSUE, parseOrText, useFaultSite } from './jira-faults-site';
import { storedText } from './reliability-support';

jest.setTimeout(60_000);

const { site, call, historyKeys } = useFaultSite();

describe('a property holding malformed or foreign JSON', () => {
  const cases: Array<[string, () => string]> = [
    ['foreign JSON (another app wrote it by REST)', () => site.faults.malformedProperty(ISSUE, { mode: 'foreign' }).text],
    ['a JSON string', () => site.faults.malformedProperty(ISSUE, { text: '"just a note"' }).text],
    ['a JSON array', () => site.faults.malformedProperty(ISSUE, { text: '[1,2,3]' }).text],
    [
      'a record with a forged javascript: evidence link',
      () => {
        const record = JSON.parse(storedText(site, ISSUE)!) as { evidence: unknown[] };
        record.evidence = [{ id: 'x1', url: 'javascript:alert(1)', title: 'click' }];
        return site.faults.malformedProperty(ISSUE, { text: JSON.stringify(record) }).text;
      },
    ],
    ['text that is not JSON at all', () => site.faults.malformedProperty(ISSUE, { mode: 'invalid' }).text],
  ];

  it.each(cases)('%s: the panel answers a recoverable state, and a save keeps the old value in history first', async (_name, plant) => {
    const raw = plant();
    const { result } = await call<PanelView>('learning/get');
    // The panel opens on the unreadable notice (one more call only when the text is not JSON); editing starts from an empty draft.
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.record).toBeNull();
      expect(result.value.unreadable?.reason).toMatch(/\S/);
      expect(result.value.canEdit).toBe(true);
    }
    const saved = await call<SavedView>('learning/save', {
      baseRevision: 0,
      draft: {
        hypothesis: 'Starting again.',
        learnings: [{ id: 'n1', text: 'New learning.', surprise: false }],
        outcome: 'open',
        confidence: null,
        tags: [],
        evidence: [],
      },
    });
    {
      // Overwritten: the exact old value must be in history, and listed as unreadable.
      expect(saved.result.ok).toBe(true);
      expect(storedText(site, ISSUE)).not.toBe(raw);
      const kept = historyKeys().map((key) => JSON.parse(site.store.kvsGet('plain', key, Date.now())!.valueText) as { value: unknown });
      // Kept as found: the value itself, or (text that is not JSON) the text Jira answered, holding it.
      expect(
        kept.some(
          (snapshot) =>
            JSON.stringify(snapshot.value) === JSON.stringify(parseOrText(raw)) ||
            (typeof snapshot.value === 'string' && snapshot.value.includes(raw)),
        ),
      ).toBe(true);
      const history = await call<HistoryList>('history/list');
      expect(history.result.ok && history.result.value.items.some((i) => i.unreadable && !i.current)).toBe(true);
      // An unreadable revision cannot be restored (it would be written back broken).
      const unreadable = history.result.ok ? history.result.value.items.find((i) => i.unreadable)! : undefined;
      const current = history.result.ok ? history.result.value.items.find((i) => i.current)! : undefined;
      const restore = await call('history/restore', { revision: unreadable!.revision, baseRevision: current!.revision });
      expect(restore.result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });

  it('a record written by a newer version of the app: shown read-only, and never overwritten', async () => {
    const raw = site.faults.malformedProperty(ISSUE, {
      text: JSON.stringify({ schemaVersion: 9, hypothesis: 'from the future', learnings: [], shinyNewField: [1] }),
    }).text;
    const keptBefore = historyKeys();
    const { result } = await call<PanelView>('learning/get');
    expect(result).toMatchObject({
      ok: true,
      value: { record: null, canEdit: false, unreadable: { kind: 'newer', reason: expect.stringMatching(/newer version/) } },
    });
    const saved = await call<SavedView>('learning/save', {
      baseRevision: 0,
      draft: { hypothesis: 'Starting again.', learnings: [], outcome: 'open', confidence: null, tags: [], evidence: [] },
    });
    expect(saved.result).toMatchObject({ ok: false, error: { code: 'NEWER_VERSION' } });
    expect(storedText(site, ISSUE)).toBe(raw);
    expect(historyKeys()).toEqual(keptBefore);
  });
});
