/** Outcome and confidence, side by side when there is room. */
import type { Dispatch } from 'react';
import { token } from '@atlaskit/tokens';
import { CONFIDENCES, OUTCOMES, type Confidence, type LearningDraft, type Outcome } from '../../../../../src/domain/record/learning-record';
import { CONFIDENCE_LABELS, OUTCOME_LABELS } from '../../../../shared/format';
import { SectionLabel } from '../../../../shared/learning-marks';
import type { EditorAction } from '../../state/editor-state';
import { Segmented } from '../segmented';

const outcomeOptions = OUTCOMES.map((value: Outcome) => ({ value, label: OUTCOME_LABELS[value] }));
const confidenceOptions: Array<{ value: Confidence | null; label: string }> = [
  { value: null, label: 'Not set' },
  ...CONFIDENCES.map((value) => ({ value, label: CONFIDENCE_LABELS[value] })),
];

const column = { display: 'grid', gap: token('space.075'), alignContent: 'start' } as const;

export function OutcomeFields({ draft, dispatch }: { draft: LearningDraft; dispatch: Dispatch<EditorAction> }) {
  return (
    <div style={{ display: 'grid', gap: token('space.150'), gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 380px), 1fr))' }}>
      <div style={column}>
        <SectionLabel id="ll-outcome-label">Outcome</SectionLabel>
        <Segmented
          labelId="ll-outcome-label"
          options={outcomeOptions}
          value={draft.outcome}
          onChange={(outcome) => {
            dispatch({ type: 'setOutcome', outcome });
          }}
        />
      </div>
      <div style={column}>
        <SectionLabel id="ll-confidence-label">Confidence</SectionLabel>
        <Segmented
          labelId="ll-confidence-label"
          options={confidenceOptions}
          value={draft.confidence}
          onChange={(confidence) => {
            dispatch({ type: 'setConfidence', confidence });
          }}
        />
      </div>
    </div>
  );
}
