/** "What to collect": a preset (an epic or a sprint picked from the site's) or the reader's own JQL, checked by Jira as it is typed. */
import { useState, type Dispatch } from 'react';
import Textarea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens';
import { epicJql, epicKeyOf } from '../../../../src/domain/macro/epic-query';
import { EPIC_PRESET, JQL_PRESETS, SPRINT_PRESET, type MacroConfig } from '../../../../src/domain/macro/macro-config';
import { sprintIdOf, sprintJql } from '../../../../src/domain/macro/sprint-query';
import type { Sprint } from '../../../../src/domain/retro/sprint-choice';
import { CUSTOM_PRESET, presetById, presetOf, type CheckState, type ConfigAction } from '../state/config-form';
import { EpicPicker } from './epic-picker';
import { SprintPicker, sprintLine } from './sprint-picker';
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
  const choices = [...JQL_PRESETS, EPIC_PRESET, SPRINT_PRESET, { id: CUSTOM_PRESET, label: 'Your own JQL' }];
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

/** What the hint under the JQL says for a picker preset: what to do, or which sprint the id is. */
function pickerHint(preset: string, epicKey: string | null, sprintId: number | null, named: Sprint | null | undefined): string | undefined {
  if (preset === EPIC_PRESET.id) return epicKey ? undefined : 'Pick an epic below: its JQL is written for you.';
  if (preset !== SPRINT_PRESET.id) return presetById(preset)?.hint;
  if (sprintId === null) return "Pick a board, then one of its sprints: its JQL is written for you, with the sprint's id.";
  if (named === undefined || (named && named.id !== sprintId)) return `Sprint ${sprintId}: finding its name…`;
  return named
    ? `Sprint ${sprintId} is “${named.name}” (${sprintLine(named)}).`
    : `Sprint ${sprintId} does not exist, or you may not see it.`;
}

export function CollectFields({ ids, config, dispatch, check, jqlProblem }: Props) {
  const epicKey = epicKeyOf(config.jql);
  const sprintId = sprintIdOf(config.jql);
  // A picker preset stays chosen while an epic or a sprint is being found: the JQL changes only once one is picked.
  const [finding, setFinding] = useState<string | null>(null);
  // The sprint the JQL names, once Jira has named it (undefined: not asked yet; null: not found).
  const [named, setNamed] = useState<Sprint | null | undefined>(undefined);
  // JQL typed by hand starts the sprint picker afresh, so it looks up the sprint now named there.
  const [typed, setTyped] = useState(0);
  const preset = epicKey ? EPIC_PRESET.id : sprintId ? SPRINT_PRESET.id : (finding ?? presetOf(config.jql));
  const hint = pickerHint(preset, epicKey, sprintId, named);
  const choose = (id: string) => {
    setFinding(id === EPIC_PRESET.id || id === SPRINT_PRESET.id ? id : null);
    if (id === CUSTOM_PRESET) document.getElementById(`${ids}-jql`)?.focus();
    else if (id !== EPIC_PRESET.id && id !== SPRINT_PRESET.id) dispatch({ type: 'preset', id });
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
      {preset === SPRINT_PRESET.id ? (
        <SprintPicker
          key={typed}
          ids={ids}
          pickedId={sprintId}
          onNamed={setNamed}
          onPick={(sprint) => {
            setNamed(sprint);
            dispatch({ type: 'jql', value: sprintJql(sprint.id) });
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
            setFinding(null);
            setNamed(undefined);
            setTyped((n) => n + 1);
            dispatch({ type: 'jql', value: event.currentTarget.value });
          }}
          style={{ fontFamily: 'var(--ds-font-family-code, monospace)' }}
        />
      </Field>
      <JqlStatus id={`${ids}-jql-check`} check={check} />
    </fieldset>
  );
}
