/** The tag filter: type a tag (suggested from the loaded cards), Enter adds it; each picked tag is a button that removes it. */
import { useId, useState, type KeyboardEvent } from 'react';
import { token } from '@atlaskit/tokens';
import { chip, sectionLabel } from '../../../shared/styles';
import { inputStyle } from './filter-styles';

interface Props {
  tags: string[];
  suggestions: (typed: string) => string[];
  onAdd: (typed: string) => void;
  onRemove: (tag: string) => void;
}

export function TagFilter({ tags, suggestions, onAdd, onRemove }: Props) {
  const [typed, setTyped] = useState('');
  const id = useId();
  const add = () => {
    if (!typed.trim()) return;
    onAdd(typed);
    setTyped('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      add();
    }
  };
  return (
    <div style={{ display: 'grid', gap: token('space.050'), alignContent: 'start' }}>
      <label htmlFor={`${id}-tag`} style={sectionLabel}>
        Tags
      </label>
      <input
        id={`${id}-tag`}
        list={`${id}-suggestions`}
        value={typed}
        placeholder="Type a tag, press Enter"
        onChange={(event) => {
          setTyped(event.target.value);
        }}
        onKeyDown={onKeyDown}
        style={inputStyle}
      />
      <datalist id={`${id}-suggestions`}>
        {suggestions(typed).map((tag) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
      {tags.length > 0 ? (
        <ul className="ll-list" aria-label="Tags picked" style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.050') }}>
          {tags.map((tag) => (
            <li key={tag}>
              <button
                type="button"
                style={{ ...chip, cursor: 'pointer', border: 'none' }}
                aria-label={`Remove tag ${tag}`}
                onClick={() => {
                  onRemove(tag);
                }}
              >
                {tag} ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
