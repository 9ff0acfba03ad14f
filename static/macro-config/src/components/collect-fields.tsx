/** "What to collect": a preset or the reader's own JQL, checked by Jira as it is typed. */
import type { Dispatch } from 'react';
import Textarea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens';
import { JQL_PRESETS, type MacroConfig } from '../../../../src/domain/macro/macro-config';
import { CUSTOM_PRESET, presetById, presetOf, type CheckState, type ConfigAction } from '../state/config-form';
import { Field, JqlStatus, choiceStyle, fieldsetStyle, legendStyle } from './form-parts';

interface Props {
  ids: string;
  config: MacroConfig;
  dispatch: Dispatch<ConfigAction>;
  check: CheckState;
  jqlProblem: string | undefined;
}

export function CollectFields({ ids, config, dispatch, check, jqlProblem }: Props) {
  const preset = presetOf(config.jql);
  const hint = presetById(preset)?.hint;
  return (
    <fieldset style={fieldsetStyle}>
      <legend style={legendStyle}>What to collect</legend>
      <div
        role="radiogroup"
        aria-label="Start from"
        style={{ display: 'grid', gap: token('space.050'), gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))' }}
      >
        {JQL_PRESETS.map((p) => (
          <label key={p.id} style={choiceStyle}>
            <input
              type="radio"
              name={`${ids}-preset`}
              checked={preset === p.id}
              onChange={() => {
                dispatch({ type: 'preset', id: p.id });
              }}
            />
            {p.label}
          </label>
        ))}
        <label style={choiceStyle}>
          <input
            type="radio"
            name={`${ids}-preset`}
            checked={preset === CUSTOM_PRESET}
            onChange={() => document.getElementById(`${ids}-jql`)?.focus()}
          />
          Your own JQL
        </label>
      </div>
      <Field label="JQL" htmlFor={`${ids}-jql`} error={jqlProblem} hint={hint}>
        <Textarea
          id={`${ids}-jql`}
          value={config.jql}
          minimumRows={2}
          resize="vertical"
          spellCheck={false}
          aria-describedby={`${ids}-jql-check`}
          aria-invalid={check.status === 'invalid'}
          onChange={(event) => {
            dispatch({ type: 'jql', value: event.currentTarget.value });
          }}
          style={{ fontFamily: 'var(--ds-font-family-code, monospace)' }}
        />
      </Field>
      <JqlStatus id={`${ids}-jql-check`} check={check} />
    </fieldset>
  );
}
