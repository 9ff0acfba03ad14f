/** "Filter and arrange": grouping, sort, layout, the filters and which parts to show. */
import type { Dispatch } from 'react';
import { token } from '@atlaskit/tokens';
import { GROUPINGS, type Grouping } from '../../../../src/domain/search/learning-cards';
import { SORTS, type MacroSort } from '../../../../src/domain/search/learning-query';
import { OUTCOMES } from '../../../../src/domain/record/learning-record';
import { LAYOUTS, SHOWABLE_PARTS, type Layout, type MacroConfig, type ShowablePart } from '../../../../src/domain/macro/macro-config';
import { sectionLabel, subtleSmall } from '../../../shared/styles';
import type { ConfigAction } from '../state/config-form';
import { Field, choiceStyle, fieldsetStyle, legendStyle } from './form-parts';
import { OUTCOME_LABELS } from '../../../../src/domain/record/wording';

const GROUP_LABELS: Record<Grouping, string> = {
  none: 'No grouping',
  outcome: 'Outcome',
  tag: 'Tag',
  project: 'Project',
  epic: 'Epic',
  sprint: 'Sprint',
};
const SORT_LABELS: Record<MacroSort, string> = {
  updated: 'Recently updated learnings first',
  created: 'Newest issues first',
  key: 'Issue key',
};
const LAYOUT_LABELS: Record<Layout, string> = { cards: 'Cards', table: 'Table', compact: 'Compact list' };
const PART_LABELS: Record<ShowablePart, string> = {
  hypothesis: 'Hypothesis',
  entries: 'What we learned',
  evidence: 'Evidence links',
  tags: 'Tags',
  author: 'Authors',
  dates: 'Dates',
};

type Props = { ids: string; config: MacroConfig; dispatch: Dispatch<ConfigAction> };

export function ArrangeFields(props: Props) {
  return (
    <fieldset style={fieldsetStyle}>
      <legend style={legendStyle}>Filter and arrange</legend>
      <OrderFields {...props} />
      <FilterFields {...props} />
      <ShownParts {...props} />
    </fieldset>
  );
}

/** Grouping, sort and layout. */
function OrderFields({ ids, config, dispatch }: Props) {
  return (
    <div style={{ display: 'flex', gap: token('space.300'), flexWrap: 'wrap' }}>
      <Field label="Group by" htmlFor={`${ids}-group`}>
        <select
          id={`${ids}-group`}
          className="ll-select"
          value={config.groupBy}
          onChange={(e) => {
            dispatch({ type: 'field', field: 'groupBy', value: e.currentTarget.value });
          }}
        >
          {GROUPINGS.map((g) => (
            <option key={g} value={g}>
              {GROUP_LABELS[g]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Sort" htmlFor={`${ids}-sort`}>
        <select
          id={`${ids}-sort`}
          className="ll-select"
          value={config.sort}
          onChange={(e) => {
            dispatch({ type: 'field', field: 'sort', value: e.currentTarget.value });
          }}
        >
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {SORT_LABELS[s]}
            </option>
          ))}
        </select>
      </Field>
      <div role="radiogroup" aria-labelledby={`${ids}-layout`} style={{ display: 'grid', gap: token('space.050') }}>
        <span id={`${ids}-layout`} style={sectionLabel}>
          Layout
        </span>
        <div style={{ display: 'flex', gap: token('space.150') }}>
          {LAYOUTS.map((l) => (
            <label key={l} style={choiceStyle}>
              <input
                type="radio"
                name={`${ids}-layout`}
                checked={config.layout === l}
                onChange={() => {
                  dispatch({ type: 'field', field: 'layout', value: l });
                }}
              />
              {LAYOUT_LABELS[l]}
            </label>
          ))}
        </div>
      </div>
    </div>
  );
}

/** Which issues: only surprises, only some outcomes. */
function FilterFields({ ids, config, dispatch }: Props) {
  return (
    <div style={{ display: 'flex', gap: token('space.300'), flexWrap: 'wrap' }}>
      <div style={{ display: 'grid', gap: token('space.050') }}>
        <span style={sectionLabel}>Only</span>
        <label style={choiceStyle}>
          <input
            type="checkbox"
            checked={config.surprisesOnly}
            onChange={(e) => {
              dispatch({ type: 'surprisesOnly', value: e.currentTarget.checked });
            }}
          />
          Issues with a surprise
        </label>
      </div>
      <div role="group" aria-labelledby={`${ids}-outcomes`} style={{ display: 'grid', gap: token('space.050') }}>
        <span id={`${ids}-outcomes`} style={sectionLabel}>
          Outcomes <span style={{ ...subtleSmall, fontWeight: 'normal' }}>(none ticked: all)</span>
        </span>
        <div style={{ display: 'flex', gap: token('space.150'), flexWrap: 'wrap' }}>
          {OUTCOMES.map((o) => (
            <label key={o} style={choiceStyle}>
              <input
                type="checkbox"
                checked={config.outcomes.includes(o)}
                onChange={(e) => {
                  dispatch({ type: 'outcome', outcome: o, on: e.currentTarget.checked });
                }}
              />
              {OUTCOME_LABELS[o]}
            </label>
          ))}
        </div>
      </div>
    </div>
  );
}

/** Which parts of each learning the macro shows. */
function ShownParts({ ids, config, dispatch }: Props) {
  return (
    <div role="group" aria-labelledby={`${ids}-show`} style={{ display: 'grid', gap: token('space.050') }}>
      <span id={`${ids}-show`} style={sectionLabel}>
        Show
      </span>
      <div style={{ display: 'flex', gap: token('space.150'), flexWrap: 'wrap' }}>
        {SHOWABLE_PARTS.map((part) => (
          <label key={part} style={choiceStyle}>
            <input
              type="checkbox"
              checked={config.show[part]}
              onChange={(e) => {
                dispatch({ type: 'show', part, on: e.currentTarget.checked });
              }}
            />
            {PART_LABELS[part]}
          </label>
        ))}
      </div>
    </div>
  );
}
