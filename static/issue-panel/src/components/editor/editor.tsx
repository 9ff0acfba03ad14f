/** Editing a learning record in place. State lives in the pure reducer (state/editor-state.ts); each section is its own file here. */
import { useEffect, useMemo, useRef, type Dispatch } from 'react';
import { token } from '@atlaskit/tokens';
import type { AppErrorBody } from '../../../../../src/contract/errors';
import type { SavedView } from '../../../../../src/contract/panel';
import type { EvidenceLink, LearningDraft, LearningRecord } from '../../../../../src/domain/record/learning-record';
import type { EditorAction, EditorState } from '../../state/editor-state';
import { draftWithLink } from '../../state/learned-before';
import { sizePreviewOf } from '../../state/size-preview';
import { LearnedBefore } from '../learned-before';
import { DiscardQuestion, EditorFooter, SaveProblem } from './editor-footer';
import { EvidenceEditor } from './evidence-editor';
import { HypothesisField } from './hypothesis-field';
import { LearningsEditor } from './learnings-editor';
import { OutcomeFields } from './outcome-fields';
import { TagsEditor } from './tags-editor';
import { useEditorControls } from './use-editor-controls';
import { useEditorFocus } from './use-editor-focus';

interface Props {
  state: EditorState;
  dispatch: Dispatch<EditorAction>;
  previous: LearningRecord | null;
  viewerAccountId: string;
  saving: boolean;
  saveError: AppErrorBody | null;
  focusHypothesis: boolean;
  onSave: (draft: LearningDraft, baseRevision: number) => void;
  onCancel: () => void;
  /** For "Learned before" while there is no hypothesis yet. */
  issueSummary?: string;
  /** "This helped" saved an evidence link on this issue's record. */
  onRecordSaved?: (saved: SavedView) => void;
}

/**
 * "This helped" answers a link for the draft: nothing is written until the person saves, so
 * Cancel → Discard leaves the ticket as it was. Fields in progress are kept.
 */
function useHelped(state: EditorState, dispatch: Dispatch<EditorAction>) {
  const latestState = useRef(state);
  useEffect(() => {
    latestState.current = state;
  });
  return (link: EvidenceLink) => {
    const now = latestState.current;
    dispatch({ type: 'rebase', base: now.base, baseRevision: now.baseRevision, draft: draftWithLink(now.draft, link) });
    if (now.tagInput) dispatch({ type: 'setTagInput', text: now.tagInput });
    if (now.evidenceForm.url) dispatch({ type: 'setEvidenceUrl', url: now.evidenceForm.url });
    if (now.evidenceForm.title) dispatch({ type: 'setEvidenceTitle', title: now.evidenceForm.title });
  };
}

/**
 * "Learned before" is for while the hypothesis is being written: a record without one yet, or
 * one whose hypothesis this edit changes; not every edit of an old record.
 */
export function writingHypothesis(state: EditorState): boolean {
  return state.base.hypothesis.trim() === '' || state.draft.hypothesis.trim() !== state.base.hypothesis.trim();
}

export function Editor({
  state,
  dispatch,
  previous,
  viewerAccountId,
  saving,
  saveError,
  focusHypothesis,
  onSave,
  onCancel,
  issueSummary = '',
}: Props) {
  const { draft } = state;
  const { hypothesisRef, entryFields } = useEditorFocus(state, dispatch, focusHypothesis);
  const helped = useHelped(state, dispatch);
  const size = useMemo(
    () => sizePreviewOf(draft, previous, { accountId: viewerAccountId, now: new Date() }),
    [draft, previous, viewerAccountId],
  );
  const controls = useEditorControls({ state, dispatch, size, saving, onSave, onCancel, hypothesisRef });
  const shownError = controls.problem ?? saveError?.message ?? null;

  return (
    <div onKeyDown={controls.onKeyDown} style={{ display: 'grid', gap: token('space.200') }}>
      <HypothesisField hypothesis={draft.hypothesis} dispatch={dispatch} fieldRef={hypothesisRef} />
      <LearningsEditor state={state} dispatch={dispatch} entryFields={entryFields} />
      <OutcomeFields draft={draft} dispatch={dispatch} />
      <TagsEditor state={state} dispatch={dispatch} />
      <EvidenceEditor state={state} dispatch={dispatch} />
      {writingHypothesis(state) ? (
        // Below the fields, beside Evidence where "This helped" adds its link: never pushing the learnings down.
        <LearnedBefore
          draft={draft}
          summary={issueSummary}
          evidence={[...(previous?.evidence ?? []), ...draft.evidence]}
          canEdit
          onHelped={helped}
        />
      ) : null}
      {controls.confirmingDiscard ? <DiscardQuestion onDiscard={onCancel} onKeepEditing={controls.keepEditing} /> : null}
      {shownError ? <SaveProblem message={shownError} notSent={controls.problem !== null} /> : null}
      <EditorFooter size={size} saving={saving} onCancel={controls.requestCancel} onSave={controls.save} />
    </div>
  );
}
