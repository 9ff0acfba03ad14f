/** Evidence links: the list with Remove, and URL + optional title fields (Enter adds). */
import type { Dispatch, KeyboardEvent } from 'react';
import Button from '@atlaskit/button/default/button';
import CrossIcon from '@atlaskit/icon/core/cross';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { LIMITS } from '../../../../../src/domain/record/learning-record';
import { SectionLabel } from '../../../../shared/learning-marks';
import { fieldError, subtleSmall } from '../../../../shared/styles';
import type { EditorAction, EditorState } from '../../state/editor-state';
import { newId } from '../../state/ids';
import { IconOnlyButton } from '../icon-only-button';

export function EvidenceEditor({ state, dispatch }: { state: EditorState; dispatch: Dispatch<EditorAction> }) {
  const { evidence } = state.draft;
  const form = state.evidenceForm;
  const add = () => {
    dispatch({ type: 'addEvidence', id: newId() });
  };
  const onEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      add();
    }
  };
  return (
    <section aria-labelledby="ll-evidence-edit" style={{ display: 'grid', gap: token('space.075') }}>
      <SectionLabel id="ll-evidence-edit">Evidence</SectionLabel>
      {evidence.length > 0 ? (
        <ul className="ll-list" style={{ display: 'grid', gap: token('space.025') }}>
          {evidence.map((link) => (
            <li key={link.id} style={{ display: 'flex', alignItems: 'center', gap: token('space.050') }}>
              <span style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
                {link.title}
                {link.title !== link.url ? <span style={{ ...subtleSmall, display: 'block' }}>{link.url}</span> : null}
              </span>
              <IconOnlyButton
                icon={CrossIcon}
                label={`Remove evidence ${link.title}`}
                onClick={() => {
                  dispatch({ type: 'removeEvidence', id: link.id });
                }}
              />
            </li>
          ))}
        </ul>
      ) : null}
      <div style={{ display: 'flex', gap: token('space.050'), flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <div style={{ flex: '2 1 200px' }}>
          <Textfield
            isCompact
            type="url"
            aria-label="Evidence URL"
            placeholder="https://…"
            value={form.url}
            isInvalid={form.error !== null}
            aria-describedby={form.error ? 'll-evidence-error' : undefined}
            onChange={(event) => {
              dispatch({ type: 'setEvidenceUrl', url: event.currentTarget.value });
            }}
            onKeyDown={onEnter}
          />
        </div>
        <div style={{ flex: '1 1 140px' }}>
          <Textfield
            dir="auto"
            isCompact
            aria-label="Evidence title"
            placeholder="Title (optional)"
            value={form.title}
            maxLength={LIMITS.evidenceTitleChars}
            onChange={(event) => {
              dispatch({ type: 'setEvidenceTitle', title: event.currentTarget.value });
            }}
            onKeyDown={onEnter}
          />
        </div>
        <Button spacing="default" onClick={add} isDisabled={evidence.length >= LIMITS.evidence}>
          Add link
        </Button>
      </div>
      {form.error ? (
        <p id="ll-evidence-error" role="alert" style={fieldError}>
          {form.error}
        </p>
      ) : null}
    </section>
  );
}
