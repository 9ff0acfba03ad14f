/** A save met someone else's save: each conflict shows both versions and the person chooses. */
import { UserText } from '../../../shared/user-text';
import { useState } from 'react';
import Button from '@atlaskit/button/default/button';
import { Notice } from '../../../shared/notice';
import { token } from '@atlaskit/tokens';
import type { AppErrorBody } from '../../../../src/contract/errors';
import type { ConflictDetails } from '../../../../src/contract/resolvers';
import { allChosen, choose, chooseAll, conflictSideText, conflictTitle, type Choice, type Choices } from '../state/conflicts';
import { usePersonName } from '../../../shared/people-names';
import { card, subtleSmall } from '../../../shared/styles';

interface Props {
  details: ConflictDetails;
  viewerAccountId: string;
  saving: boolean;
  saveError: AppErrorBody | null;
  onSave: (choices: Choices) => void;
  onEditFurther: (choices: Choices) => void;
  onDiscardMine: () => void;
}

function Side({
  name,
  index,
  side,
  label,
  text,
  checked,
  onChoose,
}: {
  name: string;
  index: number;
  side: Choice;
  label: string;
  text: string;
  checked: boolean;
  onChoose: (choice: Choice) => void;
}) {
  const id = `ll-conflict-${index}-${side}`;
  return (
    <label
      htmlFor={id}
      style={{
        ...card,
        display: 'grid',
        gridTemplateColumns: 'auto 1fr',
        gap: token('space.075'),
        cursor: 'pointer',
        borderColor: checked ? token('color.border.selected') : token('color.border'),
        background: checked ? token('color.background.selected') : token('elevation.surface'),
      }}
    >
      <input
        id={id}
        type="radio"
        name={name}
        checked={checked}
        onChange={() => {
          onChoose(side);
        }}
      />
      <span style={{ display: 'grid', gap: token('space.025') }}>
        <span style={{ font: token('font.body.small'), fontWeight: token('font.weight.semibold'), color: token('color.text.subtle') }}>
          {label}
        </span>
        <UserText text={text} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} />
      </span>
    </label>
  );
}

export function ConflictView({ details, viewerAccountId, saving, saveError, onSave, onEditFurther, onDiscardMine }: Props) {
  const [choices, setChoices] = useState<Choices>([]);
  const ready = allChosen(details, choices);
  const who = usePersonName(details.current.updatedBy, viewerAccountId);
  const count = details.conflicts.length;
  // The same account saved in between: their other tab or window, not a colleague.
  const byViewer = details.current.updatedBy === viewerAccountId;
  return (
    <div style={{ display: 'grid', gap: token('space.150') }}>
      <Notice
        appearance="warning"
        title={byViewer ? 'You saved this in another tab or window' : 'Someone else saved while you were editing'}
      >
        <p style={{ margin: 0 }}>
          {byViewer
            ? `Revision ${details.current.revision} was saved by you, elsewhere, while you were editing here.`
            : `Revision ${details.current.revision} was saved by ${who}.`}{' '}
          Everything that did not clash is merged. {count === 1 ? 'One change clashes' : `${count} changes clash`}: choose which version to
          keep.
        </p>
      </Notice>
      <div style={{ display: 'flex', gap: token('space.050') }}>
        <Button
          spacing="compact"
          appearance="subtle"
          onClick={() => {
            setChoices(chooseAll(details, 'mine'));
          }}
        >
          Keep all mine
        </Button>
        <Button
          spacing="compact"
          appearance="subtle"
          onClick={() => {
            setChoices(chooseAll(details, 'theirs'));
          }}
        >
          Keep all theirs
        </Button>
      </div>
      <ConflictChoices
        details={details}
        choices={choices}
        theirsLabel={byViewer ? 'Your other tab’s version' : `Theirs (saved by ${who})`}
        onChange={setChoices}
      />
      {saveError ? (
        <Notice appearance="error" title="Could not save">
          <p role="alert" style={{ margin: 0 }}>
            {saveError.message}
          </p>
        </Notice>
      ) : null}
      <div style={{ display: 'flex', gap: token('space.050'), flexWrap: 'wrap', alignItems: 'center', justifyContent: 'flex-end' }}>
        {!ready ? <span style={subtleSmall}>Choose a version for each change to save.</span> : null}
        <Button appearance="subtle" onClick={onDiscardMine} isDisabled={saving}>
          Discard mine
        </Button>
        <Button
          onClick={() => {
            onEditFurther(choices);
          }}
          isDisabled={saving}
        >
          Edit further
        </Button>
        <Button
          appearance="primary"
          onClick={() => {
            onSave(choices);
          }}
          isDisabled={!ready}
          isLoading={saving}
        >
          {saving ? 'Saving…' : 'Save my choices'}
        </Button>
      </div>
    </div>
  );
}

interface ChoicesProps {
  details: ConflictDetails;
  choices: Choices;
  theirsLabel: string;
  onChange: (choices: Choices) => void;
}

/** One question per clash: keep yours or theirs. */
function ConflictChoices({ details, choices, theirsLabel, onChange }: ChoicesProps) {
  return (
    <ol className="ll-list" style={{ display: 'grid', gap: token('space.150') }}>
      {details.conflicts.map((conflict, index) => (
        <li key={`${conflict.kind}-${'id' in conflict ? conflict.id : index}`}>
          <fieldset style={{ border: 0, margin: 0, padding: 0, display: 'grid', gap: token('space.075') }}>
            <legend
              style={{ font: token('font.heading.xxsmall'), color: token('color.text'), padding: 0, marginBlockEnd: token('space.075') }}
            >
              {conflictTitle(conflict)}
            </legend>
            <div style={{ display: 'grid', gap: token('space.075'), gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))' }}>
              <Side
                name={`ll-conflict-${index}`}
                index={index}
                side="mine"
                label="Yours"
                text={conflictSideText(conflict, 'mine')}
                checked={choices[index] === 'mine'}
                onChoose={(choice) => {
                  onChange(choose(choices, index, choice));
                }}
              />
              <Side
                name={`ll-conflict-${index}`}
                index={index}
                side="theirs"
                label={theirsLabel}
                text={conflictSideText(conflict, 'theirs')}
                checked={choices[index] === 'theirs'}
                onChoose={(choice) => {
                  onChange(choose(choices, index, choice));
                }}
              />
            </div>
          </fieldset>
        </li>
      ))}
    </ol>
  );
}
