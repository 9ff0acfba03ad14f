/**
 * The library's filters, each a labelled native control (keyboard-usable as the browser makes it):
 * the words to search for (applied on Enter or "Search"), projects, outcomes, the order, period,
 * author, surprises only and tags. Every change loads the first page again.
 */
import { useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/default/button';
import { token } from '@atlaskit/tokens';
import type { LibraryFilters, LibraryProject } from '../../../../src/contract/library';
import { LIBRARY_LIMITS, LIBRARY_SORTS, PERIODS, type LibrarySort, type Period } from '../../../../src/domain/library/library-filters';
import { OUTCOMES } from '../../../../src/domain/record/learning-record';
import { OUTCOME_LABELS } from '../../../shared/format';
import { sectionLabel } from '../../../shared/styles';
import { PERIOD_LABELS, SORT_LABELS, toggled, withTag } from '../state/library-state';
import { choiceStyle, fieldsetStyle, inputStyle } from './filter-styles';
import { TagFilter } from './tag-filter';

interface Props {
  filters: LibraryFilters;
  projects: LibraryProject[];
  /** "Written by" choices (the viewer and the authors seen so far). */
  authors: ReadonlyArray<{ value: string; label: string }>;
  onChange: (filters: LibraryFilters) => void;
  tagSuggestions: (typed: string) => string[];
}

function SearchBox({ text, onSearch }: { text: string; onSearch: (text: string) => void }) {
  const [typed, setTyped] = useState(text);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(typed);
  };
  return (
    <form role="search" onSubmit={submit} style={{ display: 'flex', gap: token('space.100'), alignItems: 'end' }}>
      <label style={{ display: 'grid', gap: token('space.050'), flex: '1 1 auto' }}>
        <span style={sectionLabel}>Search learnings and hypotheses</span>
        <input
          type="search"
          value={typed}
          maxLength={LIBRARY_LIMITS.textChars}
          onChange={(event) => {
            setTyped(event.target.value);
          }}
          style={inputStyle}
        />
      </label>
      <Button type="submit" appearance="primary">
        Search
      </Button>
    </form>
  );
}

function Checkboxes<T extends string>(props: {
  legend: string;
  options: ReadonlyArray<{ value: T; label: string }>;
  picked: readonly T[];
  onToggle: (value: T) => void;
}) {
  return (
    <fieldset style={fieldsetStyle}>
      <legend style={{ ...sectionLabel, padding: 0 }}>{props.legend}</legend>
      <div style={{ display: 'grid', gap: token('space.025'), maxBlockSize: '9rem', overflowY: 'auto' }}>
        {props.options.map((option) => (
          <label key={option.value} style={choiceStyle}>
            <input
              type="checkbox"
              checked={props.picked.includes(option.value)}
              onChange={() => {
                props.onToggle(option.value);
              }}
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function AuthorSelect(props: Pick<Props, 'filters' | 'authors' | 'onChange'>) {
  return (
    <label style={{ display: 'grid', gap: token('space.050') }}>
      <span style={sectionLabel}>Written by</span>
      <select
        value={props.filters.author}
        onChange={(event) => {
          props.onChange({ ...props.filters, author: event.target.value });
        }}
        style={inputStyle}
      >
        <option value="">Anyone</option>
        {props.authors.map((author) => (
          <option key={author.value} value={author.value}>
            {author.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A labelled native select over a fixed list of values (the order, the period). */
function ChoiceSelect<T extends string>(props: {
  label: string;
  value: T;
  values: readonly T[];
  labels: Record<T, string>;
  onPick: (value: T) => void;
}) {
  return (
    <label style={{ display: 'grid', gap: token('space.050') }}>
      <span style={sectionLabel}>{props.label}</span>
      <select
        value={props.value}
        onChange={(event) => {
          props.onPick(event.target.value as T);
        }}
        style={inputStyle}
      >
        {props.values.map((value) => (
          <option key={value} value={value}>
            {props.labels[value]}
          </option>
        ))}
      </select>
    </label>
  );
}

export function LibraryFiltersView({ filters, projects, authors, onChange, tagSuggestions }: Props) {
  const set = (change: Partial<LibraryFilters>) => {
    onChange({ ...filters, ...change });
  };
  const projectOptions = projects.map((p) => ({ value: p.key, label: `${p.name} (${p.key})` }));
  return (
    <section aria-label="Filters" style={{ display: 'grid', gap: token('space.150') }}>
      {/* Keyed by the applied words: "Clear filters" empties the box too. */}
      <SearchBox
        key={filters.text}
        text={filters.text}
        onSearch={(text) => {
          set({ text });
        }}
      />
      <div style={{ display: 'grid', gap: token('space.200'), gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 200px), 1fr))' }}>
        <Checkboxes
          legend="Projects"
          options={projectOptions}
          picked={filters.projects}
          onToggle={(key) => {
            set({ projects: toggled(filters.projects, key) });
          }}
        />
        <Checkboxes
          legend="Outcome"
          options={OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))}
          picked={filters.outcomes}
          onToggle={(outcome) => {
            set({ outcomes: toggled(filters.outcomes, outcome) });
          }}
        />
        <div style={{ display: 'grid', gap: token('space.100'), alignContent: 'start' }}>
          <ChoiceSelect
            label="Order"
            value={filters.sort}
            values={LIBRARY_SORTS}
            labels={SORT_LABELS}
            onPick={(sort: LibrarySort) => {
              set({ sort });
            }}
          />
          <ChoiceSelect
            label="Updated"
            value={filters.period}
            values={PERIODS}
            labels={PERIOD_LABELS}
            onPick={(period: Period) => {
              set({ period });
            }}
          />
          <AuthorSelect filters={filters} authors={authors} onChange={onChange} />
          <label style={choiceStyle}>
            <input
              type="checkbox"
              checked={filters.surprisesOnly}
              onChange={(event) => {
                set({ surprisesOnly: event.target.checked });
              }}
            />
            Surprises only
          </label>
        </div>
        <TagFilter
          tags={filters.tags}
          suggestions={tagSuggestions}
          onAdd={(typed) => {
            onChange(withTag(filters, typed));
          }}
          onRemove={(tag) => {
            set({ tags: filters.tags.filter((t) => t !== tag) });
          }}
        />
      </div>
    </section>
  );
}
