/** "What to collect": a preset (an epic picked from the site's) or the reader's own JQL, checked by Jira as it is typed. */
import { useState, type Dispatch } from 'react';
import Textarea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens';
import { epicJql, epicKeyOf } from '../../../../src/domain/macro/epic-query';
import { EPIC_PRESET, JQL_PRESETS, type MacroConfig } from '../../../../src/domain/macro/macro-config';
import { CUSTOM_PRESET, presetById, presetOf, type CheckState, type ConfigAction } from '../state/config-form';
import { EpicPicker } from './epic-picker';
import { Field, JqlStatus, choiceStyle, fieldsetStyle, legendStyle } from './form-parts';

interface Props {
  ids: string;
  config: MacroConfig;
  dispatch: Dispatch<ConfigAction>;
  check: CheckState;
  jqlProblem: string | undefined;
}

/** The presets as radios; `onChoose` gets a preset's id, the epic preset's, or "custom". */
function PresetChoices({ ids, chosen, onChoose }: { ids: string; chosen: string; onChoose: (id: string) => void }) {
  const choices = [...JQL_PRESETS, EPIC_PRESET, { id: CUSTOM_PRESET, label: 'Your own JQL' }];
  return (
    <div
      role="radiogroup"
      aria-label="Start from"
      style={{ display: 'grid', gap: token('space.050'), gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))' }}
    >
      {choices.map((p) => (
        <label key={p.id} style={choiceStyle}>
          <input
            type="radio"
            name={`${ids}-preset`}
            checked={chosen === p.id}
            onChange={() => {
              onChoose(p.id);
            }}
          />
          {p.label}
        </label>
      ))}
    </div>
  );
}

export function CollectFields({ ids, config, dispatch, check, jqlProblem }: Props) {
  const epicKey = epicKeyOf(config.jql);
  // The epic preset stays chosen while an epic is being found: the JQL changes only once one is picked.
  const [findingEpic, setFindingEpic] = useState(false);
  const preset = epicKey || findingEpic ? EPIC_PRESET.id : presetOf(config.jql);
  const hint =
    preset === EPIC_PRESET.id ? (epicKey ? undefined : 'Pick an epic below: its JQL is written for you.') : presetById(preset)?.hint;
  const choose = (id: string) => {
    setFindingEpic(id === EPIC_PRESET.id);
    if (id === CUSTOM_PRESET) document.getElementById(`${ids}-jql`)?.focus();
    else if (id !== EPIC_PRESET.id) dispatch({ type: 'preset', id });
  };
  return (
    <fieldset style={fieldsetStyle}>
      <legend style={legendStyle}>What to collect</legend>
      <PresetChoices ids={ids} chosen={preset} onChoose={choose} />
      {preset === EPIC_PRESET.id ? (
        <EpicPicker
          ids={ids}
          picked={epicKey}
          onPick={(key) => {
            dispatch({ type: 'jql', value: epicJql(key) });
          }}
        />
      ) : null}
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
            setFindingEpic(false);
            dispatch({ type: 'jql', value: event.currentTarget.value });
          }}
          style={{ fontFamily: 'var(--ds-font-family-code, monospace)' }}
        />
      </Field>
      <JqlStatus id={`${ids}-jql-check`} check={check} />
    </fieldset>
  );
}
