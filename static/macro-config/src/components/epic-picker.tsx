/**
 * "An epic and its children": find an epic of the site by words of its summary or its key
 * (`macro/findEpics`, as the person), pick it, and the JQL is written for it. Nothing is
 * written until an epic is picked, so the preset never leaves a query Jira refuses.
 */
import { useEffect, useRef, useState } from 'react';
import Spinner from '@atlaskit/spinner';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { EpicList } from '../../../../src/contract/macro';
import { EPIC_SEARCH_LIMITS } from '../../../../src/contract/limits';
import { call } from '../../../shared/bridge-client';
import { Notice } from '../../../shared/notice';
import { subtleSmall } from '../../../shared/styles';
import { choiceStyle } from './form-parts';

type Found = { kind: 'loading' } | { kind: 'ready'; epics: EpicList['epics'] } | { kind: 'error'; message: string };

/** The epics for what is typed (debounced; an answer for other text than is in the box now is not shown). */
function useEpics(text: string): Found {
  const [answered, setAnswered] = useState<{ text: string; found: Found } | null>(null);
  const latest = useRef(text);
  useEffect(() => {
    latest.current = text;
    const timer = window.setTimeout(() => {
      void call('macro/findEpics', { text }).then((result) => {
        if (latest.current !== text) return;
        setAnswered({
          text,
          found: result.ok ? { kind: 'ready', epics: result.value.epics } : { kind: 'error', message: result.error.message },
        });
      });
    }, 300);
    return () => {
      window.clearTimeout(timer);
    };
  }, [text]);
  return answered?.text === text ? answered.found : { kind: 'loading' };
}

interface Props {
  ids: string;
  /** The epic the JQL collects now, if any. */
  picked: string | null;
  onPick: (epicKey: string) => void;
}

export function EpicPicker({ ids, picked, onPick }: Props) {
  const [text, setText] = useState('');
  const found = useEpics(text);
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
      {found.kind === 'loading' ? (
        <span role="status" style={{ display: 'inline-flex', gap: token('space.075'), alignItems: 'center' }}>
          <Spinner size="small" label="Finding epics" />
          <span style={subtleSmall}>Finding epics…</span>
        </span>
      ) : found.kind === 'error' ? (
        <Notice appearance="error" role="alert">
          <p style={{ margin: 0 }}>{found.message}</p>
        </Notice>
      ) : found.epics.length === 0 ? (
        <p style={subtleSmall} role="status">
          {text.trim() ? `No epic you may see matches “${text.trim()}”.` : 'No epic you may see on this site.'}
        </p>
      ) : (
        <div
          role="radiogroup"
          aria-label="Epics"
          style={{ display: 'grid', gap: token('space.050'), maxHeight: '240px', overflowY: 'auto' }}
        >
          {found.epics.map((epic) => (
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
    </div>
  );
}
