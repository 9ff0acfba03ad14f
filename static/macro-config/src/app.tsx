/**
 * The macro's config view: what to collect (presets or JQL, checked by Jira
 * as it is typed), how to group, filter, sort and lay it out, which parts to
 * show, and a live preview of the first few results. Saves with
 * view.submit({ config }); Cancel closes without saving.
 */
import { useEffect, useId, useReducer, useRef, useState, type ReactNode } from 'react';
import Button from '@atlaskit/button/default/button';
import Spinner from '@atlaskit/spinner';
import Textarea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { AppErrorBody } from '../../../src/contract/errors';
import { GROUPINGS, type Grouping } from '../../../src/domain/learning-cards';
import { SORTS, type LearningSort } from '../../../src/domain/learning-query';
import { OUTCOMES } from '../../../src/domain/learning-record';
import { JQL_PRESETS, LAYOUTS, MACRO_LIMITS, SHOWABLE_PARTS, type Layout, type MacroConfig, type ShowablePart } from '../../../src/domain/macro-config';
import { call, closeView, getContext, submitConfig } from '../../shared/bridge-client';
import { plural } from '../../shared/format';
import { LearningGroups } from '../../shared/learnings/learning-list';
import { Notice } from '../../shared/notice';
import { fieldError, sectionLabel, subtleSmall } from '../../shared/styles';
import { firstPage, visibleGroups, type Loaded } from '../../shared/learnings/view-state';
import {
  CUSTOM_PRESET,
  checkAnswered,
  checkStarted,
  configFromContext,
  configReducer,
  countText,
  fieldProblems,
  presetById,
  presetOf,
  saveBlocker,
  type CheckState,
} from './config-form';

const GROUP_LABELS: Record<Grouping, string> = { none: 'No grouping', outcome: 'Outcome', tag: 'Tag', project: 'Project', epic: 'Epic', sprint: 'Sprint' };
const SORT_LABELS: Record<LearningSort, string> = { updated: 'Recently updated learnings first', created: 'Newest issues first', key: 'Issue key' };
const LAYOUT_LABELS: Record<Layout, string> = { cards: 'Cards', table: 'Table', compact: 'Compact list' };
const PART_LABELS: Record<ShowablePart, string> = {
  hypothesis: 'Hypothesis',
  entries: 'What we learned',
  evidence: 'Evidence links',
  tags: 'Tags',
  author: 'Authors',
  dates: 'Dates',
};
const OUTCOME_LABELS = { open: 'Open', validated: 'Validated', invalidated: 'Invalidated', inconclusive: 'Inconclusive' } as const;
const PREVIEW_CARDS = 5;

type Preview = { kind: 'idle' } | { kind: 'loading' } | { kind: 'error'; error: AppErrorBody } | { kind: 'ready'; loaded: Loaded };

type Initial = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; config: MacroConfig };

export function App() {
  const [initial, setInitial] = useState<Initial>({ kind: 'loading' });
  const load = () => {
    setInitial({ kind: 'loading' });
    void getContext()
      .then((context) => setInitial({ kind: 'ready', config: configFromContext(context) }))
      // Without the page's stored settings the form would open on defaults, and Save would overwrite them.
      .catch(() => setInitial({ kind: 'failed' }));
  };
  useEffect(load, []);
  if (initial.kind === 'failed') {
    return (
      <div style={{ padding: token('space.200') }}>
        <Notice
          appearance="error"
          title="The macro's settings could not be read"
          actions={[{ label: 'Try again', onClick: load }, { label: 'Close', onClick: () => void closeView() }]}
        >
          <p style={{ margin: 0 }}>Nothing was changed. Try again, or close this dialog and open it again from the page.</p>
        </Notice>
      </div>
    );
  }
  if (initial.kind === 'loading') {
    return (
      <div role="status" style={{ display: 'flex', gap: token('space.100'), padding: token('space.200') }}>
        <Spinner size="medium" label="Loading the settings" />
      </div>
    );
  }
  return <ConfigForm initial={initial.config} />;
}

function ConfigForm({ initial }: { initial: MacroConfig }) {
  const [config, dispatch] = useReducer(configReducer, initial);
  const [check, setCheck] = useState<CheckState>({ status: 'idle' });
  const [preview, setPreview] = useState<Preview>({ kind: 'idle' });
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const ids = useId();
  const problems = fieldProblems(config);

  // The JQL, checked by Jira as it is typed (debounced; a late answer for an older query is dropped).
  useEffect(() => {
    const jql = config.jql;
    if (problems.jql) return;
    setCheck(checkStarted(jql));
    const timer = window.setTimeout(() => {
      void call('jql/check', { jql }).then((answer) => setCheck((state) => checkAnswered(state, jql, answer)));
    }, 400);
    return () => window.clearTimeout(timer);
  }, [config.jql, problems.jql]);

  // A preview of the first few results with these (unsaved) settings, once Jira has accepted the JQL.
  // Only what changes the search asks again; title, grouping, layout and parts re-render what is there.
  const previewFor = useRef('');
  const latest = useRef(config);
  latest.current = config;
  const searchKey = JSON.stringify([config.jql, config.surprisesOnly, config.outcomes, config.sort]);
  const checkedJql = check.status === 'valid' ? check.jql : null;
  useEffect(() => {
    if (checkedJql === null || checkedJql !== latest.current.jql) return;
    previewFor.current = searchKey;
    setPreview({ kind: 'loading' });
    const timer = window.setTimeout(() => {
      void call('macro/learnings', { config: latest.current }).then((result) => {
        if (previewFor.current !== searchKey) return;
        setPreview(result.ok ? { kind: 'ready', loaded: firstPage(result.value) } : { kind: 'error', error: result.error });
      });
    }, 300);
    return () => window.clearTimeout(timer);
  }, [searchKey, checkedJql]);

  const blocker = saveBlocker(config, check);
  const save = async () => {
    if (blocker) return setSaveError(blocker);
    setSaving(true);
    setSaveError(null);
    const result = await submitConfig(config);
    setSaving(false);
    if (!result.ok) setSaveError(result.error.message);
  };

  const preset = presetOf(config.jql);
  const hint = presetById(preset)?.hint;

  return (
    <form
      aria-label="Configure Learnings from Jira"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      style={{ display: 'grid', gap: token('space.250'), padding: token('space.200'), maxWidth: '880px' }}
    >
      <Field label="Title" htmlFor={`${ids}-title`} error={problems.title}>
        <Textfield
          id={`${ids}-title`}
          value={config.title}
          maxLength={MACRO_LIMITS.titleChars + 1}
          onChange={(event) => dispatch({ type: 'title', value: event.currentTarget.value })}
        />
      </Field>

      <fieldset style={fieldsetStyle}>
        <legend style={legendStyle}>What to collect</legend>
        <div role="radiogroup" aria-label="Start from" style={{ display: 'grid', gap: token('space.050'), gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))' }}>
          {JQL_PRESETS.map((p) => (
            <label key={p.id} style={choiceStyle}>
              <input type="radio" name={`${ids}-preset`} checked={preset === p.id} onChange={() => dispatch({ type: 'preset', id: p.id })} />
              {p.label}
            </label>
          ))}
          <label style={choiceStyle}>
            <input type="radio" name={`${ids}-preset`} checked={preset === CUSTOM_PRESET} onChange={() => document.getElementById(`${ids}-jql`)?.focus()} />
            Your own JQL
          </label>
        </div>
        <Field label="JQL" htmlFor={`${ids}-jql`} error={problems.jql} hint={hint}>
          <Textarea
            id={`${ids}-jql`}
            value={config.jql}
            minimumRows={2}
            resize="vertical"
            spellCheck={false}
            aria-describedby={`${ids}-jql-check`}
            aria-invalid={check.status === 'invalid'}
            onChange={(event) => dispatch({ type: 'jql', value: event.currentTarget.value })}
            style={{ fontFamily: 'var(--ds-font-family-code, monospace)' }}
          />
        </Field>
        <JqlStatus id={`${ids}-jql-check`} check={check} />
      </fieldset>

      <fieldset style={fieldsetStyle}>
        <legend style={legendStyle}>Filter and arrange</legend>
        <div style={{ display: 'flex', gap: token('space.300'), flexWrap: 'wrap' }}>
          <Field label="Group by" htmlFor={`${ids}-group`}>
            <select id={`${ids}-group`} className="ll-select" value={config.groupBy} onChange={(e) => dispatch({ type: 'field', field: 'groupBy', value: e.currentTarget.value })}>
              {GROUPINGS.map((g) => (
                <option key={g} value={g}>
                  {GROUP_LABELS[g]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Sort" htmlFor={`${ids}-sort`}>
            <select id={`${ids}-sort`} className="ll-select" value={config.sort} onChange={(e) => dispatch({ type: 'field', field: 'sort', value: e.currentTarget.value })}>
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
                  <input type="radio" name={`${ids}-layout`} checked={config.layout === l} onChange={() => dispatch({ type: 'field', field: 'layout', value: l })} />
                  {LAYOUT_LABELS[l]}
                </label>
              ))}
            </div>
          </div>
        </div>
        <div style={{ display: 'flex', gap: token('space.300'), flexWrap: 'wrap' }}>
          <div style={{ display: 'grid', gap: token('space.050') }}>
            <span style={sectionLabel}>Only</span>
            <label style={choiceStyle}>
              <input type="checkbox" checked={config.surprisesOnly} onChange={(e) => dispatch({ type: 'surprisesOnly', value: e.currentTarget.checked })} />
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
                  <input type="checkbox" checked={config.outcomes.includes(o)} onChange={(e) => dispatch({ type: 'outcome', outcome: o, on: e.currentTarget.checked })} />
                  {OUTCOME_LABELS[o]}
                </label>
              ))}
            </div>
          </div>
        </div>
        <div role="group" aria-labelledby={`${ids}-show`} style={{ display: 'grid', gap: token('space.050') }}>
          <span id={`${ids}-show`} style={sectionLabel}>
            Show
          </span>
          <div style={{ display: 'flex', gap: token('space.150'), flexWrap: 'wrap' }}>
            {SHOWABLE_PARTS.map((part) => (
              <label key={part} style={choiceStyle}>
                <input type="checkbox" checked={config.show[part]} onChange={(e) => dispatch({ type: 'show', part, on: e.currentTarget.checked })} />
                {PART_LABELS[part]}
              </label>
            ))}
          </div>
        </div>
      </fieldset>

      <section aria-labelledby={`${ids}-preview`} style={{ display: 'grid', gap: token('space.100') }}>
        <h2 id={`${ids}-preview`} style={{ margin: 0, font: token('font.heading.xsmall') }}>
          Preview
        </h2>
        <PreviewPane preview={preview} config={config} check={check} />
      </section>

      {saveError ? (
        <Notice appearance="error" role="alert">
          <p style={{ margin: 0 }}>{saveError}</p>
        </Notice>
      ) : null}
      <div style={{ display: 'flex', gap: token('space.100'), justifyContent: 'flex-end' }}>
        <Button appearance="subtle" onClick={() => void closeView()}>
          Cancel
        </Button>
        <Button appearance="primary" type="submit" isDisabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </Button>
      </div>
    </form>
  );
}

const fieldsetStyle = { border: 'none', margin: 0, padding: 0, display: 'grid', gap: token('space.150'), minWidth: 0 } as const;
const legendStyle = { font: token('font.heading.xsmall'), padding: 0, marginBlockEnd: token('space.100') } as const;
const choiceStyle = { display: 'inline-flex', alignItems: 'center', gap: token('space.075'), cursor: 'pointer' } as const;

function Field({ label, htmlFor, error, hint, children }: { label: string; htmlFor: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <div style={{ display: 'grid', gap: token('space.050'), minWidth: 0 }}>
      <label htmlFor={htmlFor} style={sectionLabel}>
        {label}
      </label>
      {children}
      {hint ? <p style={subtleSmall}>{hint}</p> : null}
      {error ? (
        <p role="alert" style={fieldError}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function JqlStatus({ id, check }: { id: string; check: CheckState }) {
  let body: ReactNode = null;
  if (check.status === 'checking')
    body = (
      <span style={{ display: 'inline-flex', gap: token('space.075'), alignItems: 'center', ...subtleSmall }}>
        <Spinner size="small" label="" /> Checking with Jira…
      </span>
    );
  else if (check.status === 'valid') body = <span style={{ ...subtleSmall, color: token('color.text.success') }}>{countText(check.count)}</span>;
  else if (check.status === 'invalid')
    body = (
      <ul className="ll-list" style={{ display: 'grid', gap: token('space.025') }}>
        {check.errors.map((error) => (
          <li key={error} style={fieldError}>
            {error}
          </li>
        ))}
      </ul>
    );
  else if (check.status === 'unavailable') body = <span style={{ ...subtleSmall, color: token('color.text.warning') }}>Could not check the JQL: {check.message}</span>;
  return (
    <div id={id} aria-live="polite" style={{ minBlockSize: '20px' }}>
      {body}
    </div>
  );
}

function PreviewPane({ preview, config, check }: { preview: Preview; config: MacroConfig; check: CheckState }) {
  if (check.status === 'invalid') return <p style={subtleSmall}>Fix the JQL to see a preview.</p>;
  if (preview.kind === 'idle' || preview.kind === 'loading')
    return (
      <span role="status" style={{ display: 'inline-flex', gap: token('space.075'), alignItems: 'center', ...subtleSmall }}>
        <Spinner size="small" label="" /> Loading a preview…
      </span>
    );
  if (preview.kind === 'error')
    return (
      <Notice appearance="warning" title="No preview">
        <p style={{ margin: 0 }}>{preview.error.message}</p>
      </Notice>
    );
  const cards = preview.loaded.cards.slice(0, PREVIEW_CARDS);
  if (cards.length === 0) return <p style={subtleSmall}>No learnings match these settings yet.</p>;
  const { groups } = visibleGroups(cards, config.groupBy, '');
  return (
    <div style={{ display: 'grid', gap: token('space.100') }}>
      <p style={subtleSmall}>
        The first {plural(cards.length, 'issue')}
        {preview.loaded.nextPageToken || preview.loaded.cards.length > cards.length ? ' (more on the page)' : ''}:
      </p>
      <div>
        <LearningGroups groups={groups} grouped={config.groupBy !== 'none'} layout={config.layout} show={config.show} siteUrl={null} names={new Map()} now={new Date()} />
      </div>
    </div>
  );
}
