// The issue panel's operations: open, save, and "learned before" while writing a hypothesis.
import type { AppSite } from '../../test/support/app-site';
import { draftOf, type LearningRecord } from '../../src/domain/record/learning-record';
import { JIRA_FIELDS_PAGE, PANEL_HYPOTHESIS, PANEL_ISSUE, PANEL_VIEWER, operation, run, type OperationResult } from './operation-runs';

/** Open, then save one more learning into the record opened; then "learned before" when it is served. */
export async function measurePanelOperations(site: AppSite, served: ReadonlySet<string>): Promise<OperationResult[]> {
  const out: OperationResult[] = [];
  // 1. Open the panel, as someone who is not its last editor: the one invocation also names that editor.
  const open = await run(site, 'learning/get', {}, { issueKey: PANEL_ISSUE }, PANEL_VIEWER);
  out.push(
    operation('open panel', 'learning/get', [open], {
      lowerBound: 3,
      lowerBoundNote:
        "one invocation, two rounds: GET issue with properties= and GET mypermissions (EDIT_ISSUES) in parallel, then GET user/bulk for the last editor's name (skipped when the viewer is the editor)",
      naive: 4,
      naiveNote: 'issue + property + mypermissions, then a second invocation for the names',
    }),
  );

  // 2. Save: add one learning to the record that was opened.
  const record = open.result.ok ? ((open.result.value as { record: LearningRecord | null }).record ?? null) : null;
  if (record) {
    const draft = draftOf(record);
    draft.learnings.push({
      id: `bench-${Date.now().toString(36)}`,
      text: 'Benchmark: a learning added by npm run bench.',
      surprise: false,
    });
    const save = await run(site, 'learning/save', { baseRevision: record.revision, draft }, { issueKey: PANEL_ISSUE });
    out.push(
      operation('save', 'learning/save', [save], {
        lowerBound: 3,
        lowerBoundNote:
          "read the property (merge base) + PUT it + PUT its learnings' texts (JQL's learningText; this save adds a learning, a save that leaves the texts skips it); history goes to KVS",
        naive: 4,
        naiveNote: 'read issue + read property + PUT + PUT texts',
      }),
    );
  }

  // 3. "Learned before" in the panel, when its resolver is served.
  if (served.has('learnedBefore/find')) {
    const find = await run(site, 'learnedBefore/find', { text: PANEL_HYPOTHESIS, tags: ['pricing', 'refunds'] }, { issueKey: PANEL_ISSUE });
    const candidates = find.result.ok ? (find.result.value as { candidates: number }).candidates : 0;
    out.push(
      operation(
        'learned before',
        'learnedBefore/find',
        [find],
        {
          // presenting, flex, refund, option, drop, low, price, journeys: Jira's search has no per-term counts.
          lowerBound: 10,
          lowerBoundNote:
            'to rank every match: an ids-only search per content word (8) and for the tags, in parallel, then one read of the chosen few',
          naive: Math.ceil(candidates / JIRA_FIELDS_PAGE),
          naiveNote: `every match's record read, ${JIRA_FIELDS_PAGE} per page`,
        },
        candidates,
      ),
    );
  }
  return out;
}
