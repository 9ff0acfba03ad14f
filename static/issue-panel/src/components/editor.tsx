/** Editing a learning record in place. State lives in the pure reducer (editor-state.ts). */
import { useEffect, useMemo, useRef, useState, type Dispatch, type KeyboardEvent } from 'react';
import Button from '@atlaskit/button/default/button';
import AddIcon from '@atlaskit/icon/core/add';
import CrossIcon from '@atlaskit/icon/core/cross';
import DeleteIcon from '@atlaskit/icon/core/delete';
import LightbulbIcon from '@atlaskit/icon/core/lightbulb';
import { Notice } from '../../../shared/notice';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { AppErrorBody } from '../../../../src/contract/errors';
import type { SavedView } from '../../../../src/contract/panel';
import {
  CONFIDENCES,
  LIMITS,
  OUTCOMES,
  type Confidence,
  type EvidenceLink,
  type LearningDraft,
  type LearningRecord,
  type Outcome,
} from '../../../../src/domain/learning-record';
import { textLength } from '../../../../src/domain/text';
import { newId } from '../ids';
import { isDirty, prepareSave, type EditorAction, type EditorState } from '../editor-state';
import { CONFIDENCE_LABELS, OUTCOME_LABELS } from '../../../shared/format';
import { SHORTCUTS, editorCommand, entryCommand, tagCommand } from '../keys';
import { sizePreviewOf } from '../size-preview';
import { SectionLabel, VisuallyHidden } from '../../../shared/learning-marks';
import { IconOnlyButton } from './icon-only-button';
import { SizeMeter } from './size-meter';
import { Segmented } from './segmented';
import { LearnedBefore } from './learned-before';
import { draftWithLink } from './learned-before-logic';
import { card, chip, fieldError, subtleSmall } from '../../../shared/styles';

const UNDO_MS = 8000;


interface Props {
  state: EditorState;
  dispatch: Dispatch<EditorAction>;
  previous: LearningRecord | null;
  viewerAccountId: string;
  saving: boolean;
  saveError: AppErrorBody | null;
  focusHypothesis: boolean;
  onSave: (draft: LearningDraft, baseRevision: number) => void;
  onCancel: () => void;
  /** For "Learned before" while there is no hypothesis yet. */
  issueSummary?: string;
  /** "This helped" saved an evidence link on this issue's record. */
  onRecordSaved?: (saved: SavedView) => void;
}

const outcomeOptions = OUTCOMES.map((value: Outcome) => ({ value, label: OUTCOME_LABELS[value] }));
const confidenceOptions: Array<{ value: Confidence | null; label: string }> = [
  { value: null, label: 'Not set' },
  ...CONFIDENCES.map((value) => ({ value, label: CONFIDENCE_LABELS[value] })),
];

function CharCount({ length, limit }: { length: number; limit: number }) {
  if (length < limit * 0.8) return null;
  return (
    <p style={{ ...subtleSmall, color: length > limit ? token('color.text.danger') : token('color.text.warning') }}>
      {length} / {limit} characters
    </p>
  );
}

export function Editor({
  state,
  dispatch,
  previous,
  viewerAccountId,
  saving,
  saveError,
  focusHypothesis,
  onSave,
  onCancel,
  issueSummary = '',
  onRecordSaved,
}: Props) {
  const { draft } = state;
  const entryRefs = useRef(new Map<string, HTMLTextAreaElement>());
  const hypothesisRef = useRef<HTMLTextAreaElement>(null);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  /** Where the caret was when "Discard your changes?" took focus, to go back to on "keep editing". */
  const focusBeforeConfirm = useRef<HTMLElement | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const latestState = useRef(state);
  latestState.current = state;

  // "This helped" answers a link for the draft: nothing is written until the person saves, so
  // Cancel → Discard leaves the ticket as it was. Fields in progress are kept.
  const helped = (link: EvidenceLink) => {
    const now = latestState.current;
    dispatch({ type: 'rebase', base: now.base, baseRevision: now.baseRevision, draft: draftWithLink(now.draft, link) });
    if (now.tagInput) dispatch({ type: 'setTagInput', text: now.tagInput });
    if (now.evidenceForm.url) dispatch({ type: 'setEvidenceUrl', url: now.evidenceForm.url });
    if (now.evidenceForm.title) dispatch({ type: 'setEvidenceTitle', title: now.evidenceForm.title });
  };

  const size = useMemo(
    () => sizePreviewOf(draft, previous, { accountId: viewerAccountId, now: new Date() }),
    [draft, previous, viewerAccountId],
  );

  useEffect(() => {
    const field = hypothesisRef.current;
    if (!focusHypothesis || !field) return;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }, [focusHypothesis]);

  useEffect(() => {
    if (!state.focusEntryId) return;
    const field = entryRefs.current.get(state.focusEntryId);
    if (field) {
      field.focus();
      field.setSelectionRange(field.value.length, field.value.length);
    }
    dispatch({ type: 'focusHandled' });
  }, [state.focusEntryId, dispatch]);

  useEffect(() => {
    if (!state.removed) return;
    const timer = window.setTimeout(() => dispatch({ type: 'dismissUndo' }), UNDO_MS);
    return () => window.clearTimeout(timer);
  }, [state.removed, dispatch]);

  useEffect(() => setProblem(null), [draft]);

  const save = () => {
    if (saving) return;
    if (size.level === 'over') {
      setProblem('This record is too large to save: shorten or remove some learnings or evidence links first.');
      return;
    }
    const prepared = prepareSave(state);
    if (!prepared.ok) {
      setProblem(prepared.problem);
      return;
    }
    setProblem(null);
    onSave(prepared.draft, state.baseRevision);
  };

  const requestCancel = () => {
    if (saving) return;
    if (isDirty(state)) {
      focusBeforeConfirm.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setConfirmingDiscard(true);
    } else {
      onCancel();
    }
  };

  // Closing the question unmounts its focused button: without this, focus falls to <body>, outside
  // the editor, and its shortcuts (Ctrl+Enter, Esc, Alt+N) stop working until the person clicks back in.
  const keepEditing = () => {
    setConfirmingDiscard(false);
    const previousFocus = focusBeforeConfirm.current;
    focusBeforeConfirm.current = null;
    if (previousFocus?.isConnected) previousFocus.focus();
    else hypothesisRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const command = editorCommand(event);
    if (!command) return;
    if (command === 'cancel' && confirmingDiscard) {
      event.preventDefault();
      keepEditing();
      return;
    }
    event.preventDefault();
    if (command === 'save') save();
    else if (command === 'cancel') requestCancel();
    else dispatch({ type: 'addEntry', id: newId() });
  };

  const onEntryKeyDown = (id: string) => (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const command = entryCommand(event);
    if (!command) return;
    event.preventDefault();
    if (command === 'commit') dispatch({ type: 'commitEntry', id, newId: newId() });
    else dispatch({ type: 'toggleSurprise', id });
  };

  const blocked = size.level === 'over';
  const shownError = problem ?? saveError?.message ?? null;

  return (
    <div onKeyDown={onKeyDown} style={{ display: 'grid', gap: token('space.200') }}>
      <section style={{ display: 'grid', gap: token('space.075') }}>
        <label htmlFor="ll-hypothesis-field" style={{ display: 'contents' }}>
          <SectionLabel>Hypothesis</SectionLabel>
        </label>
        <TextArea
          id="ll-hypothesis-field"
          ref={hypothesisRef}
          value={draft.hypothesis}
          onChange={(event) => dispatch({ type: 'setHypothesis', text: event.currentTarget.value })}
          placeholder="We believe … will … We’ll know when …"
          resize="smart"
          minimumRows={2}
          isInvalid={textLength(draft.hypothesis) > LIMITS.hypothesisChars}
        />
        <CharCount length={textLength(draft.hypothesis)} limit={LIMITS.hypothesisChars} />
      </section>

      <LearnedBefore
        draft={draft}
        summary={issueSummary}
        evidence={[...(previous?.evidence ?? []), ...draft.evidence]}
        canEdit
        onHelped={helped}
      />

      <section aria-labelledby="ll-learned-edit" style={{ display: 'grid', gap: token('space.075') }}>
        <SectionLabel id="ll-learned-edit">What we learned</SectionLabel>
        {draft.learnings.length > 0 ? (
          <ul className="ll-list" style={{ display: 'grid', gap: token('space.075') }}>
            {draft.learnings.map((entry, index) => (
              <li key={entry.id} style={{ display: 'grid', gap: token('space.025') }}>
                <div style={{ display: 'flex', gap: token('space.050'), alignItems: 'flex-start' }}>
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <TextArea
                      ref={(element: HTMLTextAreaElement | null) => {
                        if (element) entryRefs.current.set(entry.id, element);
                        else entryRefs.current.delete(entry.id);
                      }}
                      value={entry.text}
                      onChange={(event) => dispatch({ type: 'editEntry', id: entry.id, text: event.currentTarget.value })}
                      onKeyDown={onEntryKeyDown(entry.id)}
                      aria-label={`Learning ${index + 1}${entry.surprise ? ' (surprise)' : ''}`}
                      aria-keyshortcuts={`${SHORTCUTS.nextEntry.keys} ${SHORTCUTS.surprise.keys}`}
                      aria-describedby="ll-entry-help"
                      placeholder="What did we learn?"
                      resize="smart"
                      minimumRows={1}
                      isCompact
                      isInvalid={textLength(entry.text) > LIMITS.entryChars}
                    />
                  </div>
                  <Button
                    spacing="compact"
                    appearance={entry.surprise ? 'discovery' : 'subtle'}
                    isSelected={entry.surprise}
                    aria-pressed={entry.surprise}
                    aria-label={`Surprise: learning ${index + 1}`}
                    aria-keyshortcuts={SHORTCUTS.surprise.keys}
                    title={`Mark as a surprise (${SHORTCUTS.surprise.label} while typing)`}
                    iconBefore={LightbulbIcon}
                    onClick={() => dispatch({ type: 'toggleSurprise', id: entry.id })}
                  >
                    Surprise
                  </Button>
                  <IconOnlyButton icon={DeleteIcon} label={`Remove learning ${index + 1}`} onClick={() => dispatch({ type: 'removeEntry', id: entry.id })} />
                </div>
                <CharCount length={textLength(entry.text)} limit={LIMITS.entryChars} />
              </li>
            ))}
          </ul>
        ) : null}
        {state.removed ? (
          <div
            role="status"
            style={{ ...card, display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: token('space.100') }}
          >
            <span style={subtleSmall}>Learning removed</span>
            <Button spacing="compact" appearance="subtle" onClick={() => dispatch({ type: 'undoRemove' })}>
              Undo
            </Button>
          </div>
        ) : null}
        {state.entryError ? (
          <p role="alert" style={fieldError}>
            {state.entryError}
          </p>
        ) : null}
        <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), flexWrap: 'wrap' }}>
          <Button
            spacing="compact"
            appearance="subtle"
            iconBefore={AddIcon}
            aria-keyshortcuts={SHORTCUTS.addEntry.keys}
            onClick={() => dispatch({ type: 'addEntry', id: newId() })}
          >
            Add a learning
          </Button>
          <p id="ll-entry-help" style={subtleSmall}>
            {SHORTCUTS.nextEntry.label}: next learning · {SHORTCUTS.newLine.label}: new line · {SHORTCUTS.surprise.label}:
            surprise · {SHORTCUTS.addEntry.label}: add
          </p>
        </div>
      </section>

      <div style={{ display: 'grid', gap: token('space.150'), gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 380px), 1fr))' }}>
        <div style={{ display: 'grid', gap: token('space.075'), alignContent: 'start' }}>
          <SectionLabel id="ll-outcome-label">Outcome</SectionLabel>
          <Segmented
            labelId="ll-outcome-label"
            options={outcomeOptions}
            value={draft.outcome}
            onChange={(outcome) => dispatch({ type: 'setOutcome', outcome })}
          />
        </div>
        <div style={{ display: 'grid', gap: token('space.075'), alignContent: 'start' }}>
          <SectionLabel id="ll-confidence-label">Confidence</SectionLabel>
          <Segmented
            labelId="ll-confidence-label"
            options={confidenceOptions}
            value={draft.confidence}
            onChange={(confidence) => dispatch({ type: 'setConfidence', confidence })}
          />
        </div>
      </div>

      <TagsEditor state={state} dispatch={dispatch} />
      <EvidenceEditor state={state} dispatch={dispatch} />

      {confirmingDiscard ? (
        <Notice appearance="warning" title="Discard your changes?">
          <div style={{ display: 'grid', gap: token('space.100') }}>
            <p style={{ margin: 0 }}>What you changed since you started editing will be lost.</p>
            <div style={{ display: 'flex', gap: token('space.050') }}>
              <Button appearance="warning" spacing="compact" autoFocus onClick={onCancel}>
                Discard changes
              </Button>
              <Button appearance="subtle" spacing="compact" onClick={keepEditing}>
                Keep editing
              </Button>
            </div>
          </div>
        </Notice>
      ) : null}

      {shownError ? (
        <Notice appearance="error" title={problem ? 'Not saved yet' : 'Could not save'}>
          <p role="alert" style={{ margin: 0 }}>
            {shownError} Nothing you typed is lost.
          </p>
        </Notice>
      ) : null}

      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: token('space.100'),
          flexWrap: 'wrap',
          paddingBlockStart: token('space.100'),
          borderBlockStart: `${token('border.width')} solid ${token('color.border')}`,
        }}
      >
        <SizeMeter size={size} />
        <div style={{ display: 'flex', gap: token('space.050'), alignItems: 'center' }}>
          <Button appearance="subtle" onClick={requestCancel} isDisabled={saving} aria-keyshortcuts={SHORTCUTS.cancel.keys}>
            Cancel
          </Button>
          <Button
            appearance="primary"
            onClick={save}
            isLoading={saving}
            isDisabled={blocked}
            aria-keyshortcuts={SHORTCUTS.save.keys}
            title={`Save (${SHORTCUTS.save.label})`}
          >
            {saving ? 'Saving…' : 'Save'}
          </Button>
        </div>
      </div>
      <p style={{ ...subtleSmall, textAlign: 'end' }}>
        {SHORTCUTS.save.label} to save · {SHORTCUTS.cancel.label} to cancel
        {saving ? <VisuallyHidden>Saving…</VisuallyHidden> : null}
      </p>
    </div>
  );
}

function TagsEditor({ state, dispatch }: { state: EditorState; dispatch: Dispatch<EditorAction> }) {
  const tags = state.draft.tags;
  return (
    <section style={{ display: 'grid', gap: token('space.075') }}>
      <label htmlFor="ll-tag-field" style={{ display: 'contents' }}>
        <SectionLabel>Tags</SectionLabel>
      </label>
      {tags.length > 0 ? (
        <ul aria-label="Current tags" className="ll-list" style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.050') }}>
          {tags.map((tag) => (
            <li key={tag} style={chip}>
              {tag}
              <IconOnlyButton icon={CrossIcon} label={`Remove tag ${tag}`} onClick={() => dispatch({ type: 'removeTag', tag })} />
            </li>
          ))}
        </ul>
      ) : null}
      <div style={{ maxWidth: '320px' }}>
        <Textfield
          id="ll-tag-field"
          isCompact
          value={state.tagInput}
          placeholder={tags.length >= LIMITS.tags ? `${LIMITS.tags} tags: the most there can be` : 'Add a tag, then Enter or comma'}
          aria-describedby={state.tagError ? 'll-tag-error' : undefined}
          isInvalid={state.tagError !== null}
          onChange={(event) => dispatch({ type: 'setTagInput', text: event.currentTarget.value })}
          onKeyDown={(event) => {
            const command = tagCommand(event, event.currentTarget.value);
            if (!command) return;
            event.preventDefault();
            dispatch({ type: command === 'commit' ? 'commitTagInput' : 'removeLastTag' });
          }}
        />
      </div>
      {state.tagError ? (
        <p id="ll-tag-error" role="alert" style={fieldError}>
          {state.tagError}
        </p>
      ) : null}
    </section>
  );
}

function EvidenceEditor({ state, dispatch }: { state: EditorState; dispatch: Dispatch<EditorAction> }) {
  const { evidence } = state.draft;
  const form = state.evidenceForm;
  const add = () => dispatch({ type: 'addEvidence', id: newId() });
  const onEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      add();
    }
  };
  return (
    <section aria-labelledby="ll-evidence-edit" style={{ display: 'grid', gap: token('space.075') }}>
      <SectionLabel id="ll-evidence-edit">Evidence</SectionLabel>
      {evidence.length > 0 ? (
        <ul className="ll-list" style={{ display: 'grid', gap: token('space.025') }}>
          {evidence.map((link) => (
            <li key={link.id} style={{ display: 'flex', alignItems: 'center', gap: token('space.050') }}>
              <span style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
                {link.title}
                {link.title !== link.url ? <span style={{ ...subtleSmall, display: 'block' }}>{link.url}</span> : null}
              </span>
              <IconOnlyButton icon={CrossIcon} label={`Remove evidence ${link.title}`} onClick={() => dispatch({ type: 'removeEvidence', id: link.id })} />
            </li>
          ))}
        </ul>
      ) : null}
      <div style={{ display: 'flex', gap: token('space.050'), flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <div style={{ flex: '2 1 200px' }}>
          <Textfield
            isCompact
            type="url"
            aria-label="Evidence URL"
            placeholder="https://…"
            value={form.url}
            isInvalid={form.error !== null}
            aria-describedby={form.error ? 'll-evidence-error' : undefined}
            onChange={(event) => dispatch({ type: 'setEvidenceUrl', url: event.currentTarget.value })}
            onKeyDown={onEnter}
          />
        </div>
        <div style={{ flex: '1 1 140px' }}>
          <Textfield
            isCompact
            aria-label="Evidence title"
            placeholder="Title (optional)"
            value={form.title}
            maxLength={LIMITS.evidenceTitleChars}
            onChange={(event) => dispatch({ type: 'setEvidenceTitle', title: event.currentTarget.value })}
            onKeyDown={onEnter}
          />
        </div>
        <Button spacing="default" onClick={add} isDisabled={evidence.length >= LIMITS.evidence}>
          Add link
        </Button>
      </div>
      {form.error ? (
        <p id="ll-evidence-error" role="alert" style={fieldError}>
          {form.error}
        </p>
      ) : null}
    </section>
  );
}
