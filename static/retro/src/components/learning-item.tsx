/** One issue in the list: its hypothesis, its learnings with the surprising ones highlighted, outcome and authors. */
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { LearningCard } from '../../../../src/domain/search/learning-cards';
import type { RetroNote } from '../../../../src/domain/retro/retro-notes';
import { surpriseKeyOf } from '../../../../src/domain/retro/retro-surprises';
import { OUTCOME_APPEARANCE, OUTCOME_LABELS } from '../../../shared/format';
import { openInProduct } from '../../../shared/bridge-client';

export const nameIn = (names: Record<string, string>, accountId: string): string => names[accountId] ?? 'Someone';

export function authorsText(card: LearningCard, names: Record<string, string>): string {
  const ids = [...new Set([...card.record.learnings.map((e) => e.authorAccountId), card.record.updatedBy].filter(Boolean))];
  return ids.map((id) => nameIn(names, id)).join(', ');
}

export function IssueLink({ card, large = false }: { card: LearningCard; large?: boolean }) {
  return (
    <button
      type="button"
      className="ll-text-action"
      style={{ font: large ? token('font.heading.small') : token('font.heading.xsmall'), color: token('color.link') }}
      onClick={() => void openInProduct(`/browse/${card.issue.key}`)}
      title={`Open ${card.issue.key} in Jira (new tab)`}
    >
      {card.issue.key}
    </button>
  );
}

interface Props {
  card: LearningCard;
  names: Record<string, string>;
  notes: Record<string, RetroNote>;
}

/** One learning: a surprise stands out, with whether it was discussed and its take-away. */
function LearningEntry({
  entry,
  author,
  note,
}: {
  entry: LearningCard['record']['learnings'][number];
  author: string;
  note: RetroNote | undefined;
}) {
  return (
    <li
      key={entry.id}
      data-surprise={entry.surprise ? 'true' : undefined}
      style={{
        display: 'grid',
        gap: token('space.050'),
        padding: entry.surprise ? token('space.100') : `0 ${token('space.100')}`,
        borderInlineStart: `${token('border.width.selected')} solid ${entry.surprise ? token('color.border.discovery') : token('color.border')}`,
        background: entry.surprise ? token('color.background.discovery') : 'transparent',
        borderRadius: entry.surprise ? token('radius.small') : 0,
      }}
    >
      <span
        style={{
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
          font: entry.surprise ? token('font.body.large') : token('font.body'),
        }}
      >
        {entry.text}{' '}
        {entry.surprise ? (
          <span style={{ whiteSpace: 'nowrap' }}>
            <Lozenge appearance="new">Surprise</Lozenge>
          </span>
        ) : null}
        {note?.discussed ? (
          <span style={{ whiteSpace: 'nowrap', marginInlineStart: token('space.050') }}>
            <Lozenge appearance="success">Discussed</Lozenge>
          </span>
        ) : null}
      </span>
      <span style={{ font: token('font.body.small'), color: token('color.text.subtlest') }}>{author}</span>
      {note?.note ? (
        <span style={{ font: token('font.body.small'), color: token('color.text'), whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          <strong>Take-away:</strong> {note.note}
        </span>
      ) : null}
    </li>
  );
}

export function LearningItem({ card, names, notes }: Props) {
  const { record } = card;
  return (
    <li
      data-issue={card.issue.key}
      style={{
        display: 'grid',
        gap: token('space.100'),
        padding: token('space.200'),
        border: `${token('border.width')} solid ${token('color.border')}`,
        borderRadius: token('radius.medium', '6px'),
        background: token('elevation.surface.raised'),
        boxShadow: token('elevation.shadow.raised'),
      }}
    >
      <div style={{ display: 'flex', alignItems: 'baseline', gap: token('space.100'), flexWrap: 'wrap' }}>
        <IssueLink card={card} />
        <span style={{ font: token('font.body'), color: token('color.text'), flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
          {card.issue.summary}
        </span>
        <Lozenge appearance={OUTCOME_APPEARANCE[record.outcome]}>{OUTCOME_LABELS[record.outcome]}</Lozenge>
      </div>
      {record.hypothesis ? (
        <p style={{ margin: 0, color: token('color.text.subtle'), whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          <span style={{ font: token('font.heading.xxsmall'), color: token('color.text.subtle') }}>Hypothesis </span>
          {record.hypothesis}
        </p>
      ) : null}
      {record.learnings.length ? (
        <ul className="ll-list" style={{ display: 'grid', gap: token('space.075') }} aria-label="What we learned">
          {record.learnings.map((entry) => (
            <LearningEntry
              key={entry.id}
              entry={entry}
              author={nameIn(names, entry.authorAccountId)}
              note={entry.surprise ? notes[surpriseKeyOf(card.issue.id, entry.id)] : undefined}
            />
          ))}
        </ul>
      ) : (
        <p style={{ margin: 0, color: token('color.text.subtlest') }}>Nothing learned yet.</p>
      )}
      <p style={{ margin: 0, font: token('font.body.small'), color: token('color.text.subtlest') }}>By {authorsText(card, names)}</p>
    </li>
  );
}
