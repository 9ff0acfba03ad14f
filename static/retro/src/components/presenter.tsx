/**
 * Presenter mode for the retro: the sprint's learning goals first, then one surprise at a time, large type,
 * keyboard driven, a "discussed" mark and a take-away note on each surprise.
 */
import { useEffect, useRef } from 'react';
import Button from '@atlaskit/button/default/button';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { AppErrorBody } from '../../../../src/contract/errors';
import type { RetroNote } from '../../../../src/domain/retro/retro-notes';
import type { Surprise } from '../../../../src/domain/retro/retro-surprises';
import { OUTCOME_APPEARANCE, OUTCOME_LABELS } from '../../../shared/format';
import { hypothesisLabel, movePresenter, presenterKey } from '../state/retro-state';
import { IssueLink, authorsText, nameIn } from './learning-item';
import { PresentedGoal } from './presented-goal';
import { PresenterNote } from './presenter-note';
import { useFullscreen } from './use-fullscreen';
import { usePresenterGoals, type PresenterGoals } from './use-presenter-goals';
import type { SprintGoal } from '../../../../src/domain/sprint-goals/goals-document';

interface Props {
  sprintId: number;
  surprises: Surprise[];
  index: number;
  onIndex: (index: number) => void;
  notes: Record<string, RetroNote>;
  names: Record<string, string>;
  sprintName: string;
  saving: string | null;
  saveError: AppErrorBody | null;
  onSave: (surprise: Surprise, discussed: boolean, note: string) => Promise<boolean>;
  onExit: () => void;
}

/** Arrow keys, j/k, Home/End move; Esc leaves the note field, then the presenter. */
function usePresenterKeys(index: number, count: number, onIndex: (index: number) => void, onExit: () => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = !!target && (target.tagName === 'TEXTAREA' || target.tagName === 'INPUT' || target.isContentEditable);
      const key = presenterKey(event, typing);
      if (!key) return;
      event.preventDefault();
      if (key === 'exit') {
        if (typing) target.blur();
        else onExit();
        return;
      }
      onIndex(movePresenter(index, count, key));
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [index, count, onIndex, onExit]);
}

function PresenterBar({ label, fullscreen, onExit }: { label: string; fullscreen: ReturnType<typeof useFullscreen>; onExit: () => void }) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: token('space.150'), flexWrap: 'wrap' }}>
      <span style={{ font: token('font.heading.xsmall'), color: token('color.text.subtle') }} aria-live="polite">
        {label}
      </span>
      <span style={{ flex: 1 }} />
      <span style={{ font: token('font.body.small'), color: token('color.text.subtlest') }}>← → to move · Esc to leave</span>
      {fullscreen.available ? (
        <Button appearance="subtle" aria-pressed={fullscreen.active} onClick={fullscreen.toggle}>
          {fullscreen.active ? 'Exit full screen' : 'Full screen'}
        </Button>
      ) : null}
      <Button appearance="subtle" onClick={onExit}>
        Leave presenter
      </Button>
    </div>
  );
}

function PresentedSurprise({ surprise, names }: { surprise: Surprise; names: Record<string, string> }) {
  const { card, entry } = surprise;
  const others = card.record.learnings.filter((e) => e.id !== entry.id);
  return (
    <>
      <div style={{ display: 'flex', alignItems: 'baseline', gap: token('space.150'), flexWrap: 'wrap' }}>
        <IssueLink card={card} large />
        <span style={{ font: token('font.heading.small'), color: token('color.text') }}>{card.issue.summary}</span>
        <Lozenge appearance={OUTCOME_APPEARANCE[card.record.outcome]}>{OUTCOME_LABELS[card.record.outcome]}</Lozenge>
      </div>
      <blockquote
        data-testid="presented-surprise"
        style={{
          margin: 0,
          padding: `${token('space.200')} ${token('space.300')}`,
          borderInlineStart: `4px solid ${token('color.border.discovery')}`,
          background: token('color.background.discovery'),
          borderRadius: token('radius.medium', '6px'),
          font: token('font.heading.xlarge'),
          color: token('color.text'),
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
        }}
      >
        {entry.text}
        <footer style={{ font: token('font.body'), color: token('color.text.subtle'), marginBlockStart: token('space.100') }}>
          — {nameIn(names, entry.authorAccountId)}
        </footer>
      </blockquote>
      {card.record.hypothesis ? (
        <p
          data-testid="presented-hypothesis"
          style={{
            margin: 0,
            font: token('font.body.large'),
            color: token('color.text.subtle'),
            whiteSpace: 'pre-wrap',
            overflowWrap: 'anywhere',
          }}
        >
          <strong>{hypothesisLabel(card.record.hypothesis)}</strong> {card.record.hypothesis}
        </p>
      ) : null}
      {others.length ? (
        <div style={{ display: 'grid', gap: token('space.050') }}>
          <span style={{ font: token('font.heading.xxsmall'), color: token('color.text.subtle') }}>Also learned</span>
          <ul className="ll-list" style={{ display: 'grid', gap: token('space.050') }}>
            {others.map((e) => (
              <li key={e.id} style={{ font: token('font.body'), color: token('color.text.subtle'), overflowWrap: 'anywhere' }}>
                {e.text} {e.surprise ? <Lozenge appearance="new">Surprise</Lozenge> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p style={{ margin: 0, font: token('font.body.small'), color: token('color.text.subtlest') }}>By {authorsText(card, names)}</p>
    </>
  );
}

type Slide = { kind: 'goal'; goal: SprintGoal; label: string } | { kind: 'surprise'; surprise: Surprise; label: string };

/** The goals (once loaded; none if they could not be) before the surprises, each with its "n of m". */
function slidesOf(goals: PresenterGoals, surprises: Surprise[]): Slide[] {
  const sprintGoals = goals.kind === 'ready' ? goals.view.document.goals : [];
  return [
    ...sprintGoals.map((goal, i): Slide => ({ kind: 'goal', goal, label: `Learning goal ${i + 1} of ${sprintGoals.length}` })),
    ...surprises.map((surprise, i): Slide => ({ kind: 'surprise', surprise, label: `Surprise ${i + 1} of ${surprises.length}` })),
  ];
}

export function Presenter(props: Props) {
  const { sprintId, surprises, onIndex, notes, names, sprintName, saving, saveError, onSave, onExit } = props;
  const goals = usePresenterGoals(sprintId);
  const slides = goals.kind === 'loading' ? [] : slidesOf(goals, surprises);
  const index = Math.min(props.index, Math.max(0, slides.length - 1));
  const slide = slides[index];
  const root = useRef<HTMLElement>(null);
  const fullscreen = useFullscreen(root);
  useEffect(() => root.current?.focus(), []);
  usePresenterKeys(index, slides.length, onIndex, onExit);

  if (goals.kind === 'loading') {
    return (
      <p role="status" style={{ margin: 0, padding: token('space.400'), color: token('color.text.subtle') }}>
        Opening presenter mode: reading the sprint’s learning goals…
      </p>
    );
  }
  if (!slide) return null;
  const surprise = slide.kind === 'surprise' ? slide.surprise : null;
  return (
    <section
      ref={root}
      tabIndex={-1}
      className="ll-presenter"
      aria-roledescription="presentation"
      aria-label={slide.label}
      style={{
        display: 'grid',
        gap: token('space.300'),
        padding: token('space.400'),
        minHeight: '70vh',
        borderRadius: fullscreen.active ? 0 : token('radius.large', '8px'),
        background: token('elevation.surface.sunken'),
        alignContent: 'start',
        overflowY: 'auto',
      }}
    >
      <PresenterBar label={`${sprintName} · ${slide.label.toLowerCase()}`} fullscreen={fullscreen} onExit={onExit} />
      {goals.kind === 'failed' && index === 0 ? (
        <p role="status" style={{ margin: 0, color: token('color.text.subtle') }}>
          The sprint’s learning goals could not be read, so only its surprises are presented.
        </p>
      ) : null}
      {slide.kind === 'goal' && goals.kind === 'ready' ? <PresentedGoal goal={slide.goal} view={goals.view} /> : null}
      {surprise ? (
        <>
          <PresentedSurprise surprise={surprise} names={names} />
          <PresenterNote
            key={surprise.key}
            surprise={surprise}
            stored={notes[surprise.key]}
            busy={saving === surprise.key}
            saveError={saveError}
            onSave={onSave}
          />
        </>
      ) : null}
      <div style={{ display: 'flex', gap: token('space.100'), justifyContent: 'space-between' }}>
        <Button
          isDisabled={index === 0}
          onClick={() => {
            onIndex(movePresenter(index, slides.length, 'previous'));
          }}
        >
          ← Previous
        </Button>
        <Button
          appearance="primary"
          isDisabled={index >= slides.length - 1}
          onClick={() => {
            onIndex(movePresenter(index, slides.length, 'next'));
          }}
        >
          Next →
        </Button>
      </div>
    </section>
  );
}
