/**
 * "An epic and its children": find an epic of the site by words of its summary or its key
 * (`macro/findEpics`, as the person), pick it, and the JQL is written for it. Nothing is
 * written until an epic is picked, so the preset never leaves a query Jira refuses.
 */
import { useState } from 'react';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { EpicList } from '../../../../src/contract/macro';
import { EPIC_SEARCH_LIMITS } from '../../../../src/contract/limits';
import { call } from '../../../shared/bridge-client';
import { subtleSmall } from '../../../shared/styles';
import { choiceStyle } from './form-parts';
import { States } from './picker-states';
import { useTextSearch, type Search } from './use-text-search';

const findEpics: Search<EpicList['epics']> = (text) =>
  call('macro/findEpics', { text }).then((result) =>
    result.ok ? { ok: true, value: result.value.epics } : { ok: false, message: result.error.message },
  );

interface Props {
  ids: string;
  /** The epic the JQL collects now, if any. */
  picked: string | null;
  onPick: (epicKey: string) => void;
}

export function EpicPicker({ ids, picked, onPick }: Props) {
  const [text, setText] = useState('');
  const found = useTextSearch(text, findEpics);
  return (
    <div role="group" aria-label="Pick the epic" style={{ display: 'grid', gap: token('space.075') }}>
      <Textfield
        aria-label="Find an epic"
        placeholder="Find an epic by its name or key"
        isCompact
        value={text}
        maxLength={EPIC_SEARCH_LIMITS.textChars}
        onChange={(event) => {
          setText(event.currentTarget.value);
        }}
      />
      <States
        loaded={found}
        waiting="Finding epics"
        empty={text.trim() ? `No epic you may see matches “${text.trim()}”.` : 'No epic you may see on this site.'}
      >
        {(epics) => (
          <div
            role="radiogroup"
            aria-label="Epics"
            style={{ display: 'grid', gap: token('space.050'), maxHeight: '240px', overflowY: 'auto' }}
          >
            {epics.map((epic) => (
              <label key={epic.key} style={choiceStyle}>
                <input
                  type="radio"
                  name={`${ids}-epic`}
                  checked={picked === epic.key}
                  onChange={() => {
                    onPick(epic.key);
                  }}
                />
                <span>
                  <strong>{epic.key}</strong> {epic.summary}
                  {epic.projectName ? <span style={subtleSmall}> · {epic.projectName}</span> : null}
                </span>
              </label>
            ))}
          </div>
        )}
      </States>
    </div>
  );
}
