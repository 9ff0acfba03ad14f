// The drafts and helpers the issue panel's editor-state tests share.
import { emptyDraft, type LearningDraft } from '../../src/domain/record/learning-record';
import { editorReducer, initialEditorState, type EditorAction, type EditorState } from '../../static/issue-panel/src/state/editor-state';

export const flex112: LearningDraft = {
  hypothesis: 'Presenting Flex as a refund option will reduce drop-off in low-price journeys.',
  learnings: [
    { id: 'l1', text: "Customers in Spain engaged more, even if they didn't buy.", surprise: true },
    { id: 'l2', text: 'Labeling matters more than refund amount.', surprise: false },
  ],
  outcome: 'validated',
  confidence: 'medium',
  tags: ['pricing'],
  evidence: [{ id: 'e1', url: 'https://example.com/dash', title: 'Dashboard' }],
};

export const run = (state: EditorState, ...actions: EditorAction[]): EditorState => actions.reduce(editorReducer, state);
export const fresh = (draft: LearningDraft = emptyDraft(), revision = 0) => initialEditorState(draft, revision);
