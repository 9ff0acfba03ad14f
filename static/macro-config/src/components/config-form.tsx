/** The form: title, what to collect, how to arrange it, a live preview; Save stores it in the page, Cancel closes. */
import { useEffect, useId, useReducer, useRef, useState } from 'react';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { MACRO_LIMITS, type MacroConfig } from '../../../../src/domain/macro/macro-config';
import { afterNextPaint } from '../../../shared/after-paint';
import { call, submitConfig } from '../../../shared/bridge-client';
import { ConfigSaveBar } from '../../../shared/config-dialog';
import { firstPage } from '../../../shared/learnings/view-state';
import { checkAnswered, checkStarted, configReducer, fieldProblems, saveBlocker, type CheckState } from '../state/config-form';
import { ArrangeFields } from './arrange-fields';
import { CollectFields } from './collect-fields';
import { Field } from './form-parts';
import { PreviewCards, PreviewPane, type Preview } from './preview-pane';

/** The JQL, checked by Jira as it is typed (debounced; a late answer for an older query is dropped). */
function useJqlCheck(jql: string, jqlProblem: string | undefined): CheckState {
  const [check, setCheck] = useState<CheckState>({ status: 'idle' });
  // Each query without a problem is checked once it is in the box; one with a problem keeps the last check shown.
  const [checking, setChecking] = useState<string | null>(null);
  const shouldCheck = jqlProblem ? null : jql;
  if (checking !== shouldCheck) {
    setChecking(shouldCheck);
    if (shouldCheck !== null) setCheck(checkStarted(shouldCheck));
  }
  useEffect(() => {
    if (jqlProblem) return;
    const timer = window.setTimeout(() => {
      void call('jql/check', { jql }).then((answer) => {
        setCheck((state) => checkAnswered(state, jql, answer));
      });
    }, 400);
    return () => {
      window.clearTimeout(timer);
    };
  }, [jql, jqlProblem]);
  return check;
}

/**
 * A preview of the first few results with these (unsaved) settings, once Jira has accepted the JQL.
 * Only what changes the search asks again; title, grouping, layout and parts re-render what is there.
 */
function usePreview(config: MacroConfig, check: CheckState): Preview {
  const [preview, setPreview] = useState<Preview>({ kind: 'idle' });
  const previewFor = useRef('');
  const latest = useRef(config);
  useEffect(() => {
    latest.current = config;
  });
  const searchKey = JSON.stringify([config.jql, config.surprisesOnly, config.outcomes, config.sort]);
  const checkedJql = check.status === 'valid' ? check.jql : null;
  const ready = checkedJql !== null && checkedJql === config.jql;
  // A new search (or a new check of its JQL) shows the spinner from this render on.
  const [askedFor, setAskedFor] = useState({ searchKey, checkedJql });
  if (askedFor.searchKey !== searchKey || askedFor.checkedJql !== checkedJql) {
    setAskedFor({ searchKey, checkedJql });
    if (ready) setPreview({ kind: 'loading' });
  }
  useEffect(() => {
    if (!ready) return;
    previewFor.current = searchKey;
    const timer = window.setTimeout(() => {
      void call('macro/list', { config: latest.current }).then((result) => {
        if (previewFor.current !== searchKey) return;
        setPreview(result.ok ? { kind: 'ready', loaded: firstPage(result.value) } : { kind: 'error', error: result.error });
      });
    }, 300);
    return () => {
      window.clearTimeout(timer);
    };
  }, [searchKey, checkedJql, ready]);
  return preview;
}

export function ConfigForm({ initial }: { initial: MacroConfig }) {
  const [config, dispatch] = useReducer(configReducer, initial);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const ids = useId();
  const problems = fieldProblems(config);
  const check = useJqlCheck(config.jql, problems.jql);
  const preview = usePreview(config, check);
  // The preview's cards load once the form is on screen, well before the first preview's answer.
  useEffect(() => afterNextPaint(() => void PreviewCards.preload().catch(() => undefined)), []);

  const save = async () => {
    const blocker = saveBlocker(config, check);
    if (blocker) {
      setSaveError(blocker);
      return;
    }
    setSaving(true);
    setSaveError(null);
    const result = await submitConfig(config);
    setSaving(false);
    if (!result.ok) setSaveError(result.error.message);
  };

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
          // The dialog opens on its first field, as Confluence's own dialogs do.
          autoFocus
          value={config.title}
          maxLength={MACRO_LIMITS.titleChars + 1}
          onChange={(event) => {
            dispatch({ type: 'title', value: event.currentTarget.value });
          }}
        />
      </Field>
      <CollectFields ids={ids} config={config} dispatch={dispatch} check={check} jqlProblem={problems.jql} />
      <ArrangeFields ids={ids} config={config} dispatch={dispatch} />
      <section aria-labelledby={`${ids}-preview`} style={{ display: 'grid', gap: token('space.100') }}>
        <h2 id={`${ids}-preview`} style={{ margin: 0, font: token('font.heading.xsmall') }}>
          Preview
        </h2>
        <PreviewPane preview={preview} config={config} check={check} />
      </section>

      <ConfigSaveBar saveError={saveError} saving={saving} />
    </form>
  );
}
