import type { Dispatch, RefObject } from 'react';
import TextArea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens';
import { LIMITS } from '../../../../../src/domain/record/learning-record';
import { textLength } from '../../../../../src/domain/record/text';
import { SectionLabel } from '../../../../shared/learning-marks';
import type { EditorAction } from '../../state/editor-state';
import { CharCount } from './char-count';

interface Props {
  hypothesis: string;
  dispatch: Dispatch<EditorAction>;
  fieldRef: RefObject<HTMLTextAreaElement>;
}

export function HypothesisField({ hypothesis, dispatch, fieldRef }: Props) {
  return (
    <section style={{ display: 'grid', gap: token('space.075') }}>
      <label htmlFor="ll-hypothesis-field" style={{ display: 'contents' }}>
        <SectionLabel>Hypothesis</SectionLabel>
      </label>
      <TextArea
        dir="auto"
        id="ll-hypothesis-field"
        ref={fieldRef}
        value={hypothesis}
        onChange={(event) => {
          dispatch({ type: 'setHypothesis', text: event.currentTarget.value });
        }}
        placeholder="We believe … will … We’ll know when …"
        resize="smart"
        minimumRows={2}
        isInvalid={textLength(hypothesis) > LIMITS.hypothesisChars}
      />
      <CharCount length={textLength(hypothesis)} limit={LIMITS.hypothesisChars} />
    </section>
  );
}
