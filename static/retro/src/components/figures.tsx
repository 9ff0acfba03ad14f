/** The sprint's figures, compared with the previous sprint. */
import { token } from '@atlaskit/tokens';
import { OUTCOMES } from '../../../../src/domain/record/learning-record';
import { compareFigures, type FigureComparison, type SprintFigures } from '../../../../src/domain/retro/retro-surprises';
import { OUTCOME_LABELS } from '../../../shared/format';
import { changeText } from '../state/retro-state';

const LABELS: Record<FigureComparison['name'], string> = {
  withHypothesis: 'Issues with a hypothesis',
  learnings: 'Learnings captured',
  surprises: 'Surprises',
  decided: 'Hypotheses decided',
};

interface Props {
  current: SprintFigures;
  previous: SprintFigures | null;
  previousName: string | null;
}

export function Figures({ current, previous, previousName }: Props) {
  const rows = compareFigures(current, previous);
  return (
    <section aria-label="This sprint in figures" style={{ display: 'grid', gap: token('space.100') }}>
      {/* Four in a row, or two by two in a narrow frame (never three and one): .ll-figures in main.tsx. */}
      <dl className="ll-figures" style={{ display: 'grid', gap: token('space.100'), margin: 0 }}>
        {rows.map((row) => (
          <div
            key={row.name}
            data-figure={row.name}
            style={{
              padding: token('space.150'),
              borderRadius: token('radius.medium', '6px'),
              background: row.name === 'surprises' ? token('color.background.discovery') : token('color.background.neutral.subtle.hovered'),
              display: 'grid',
              gap: token('space.025'),
            }}
          >
            <dt style={{ font: token('font.body.small'), color: token('color.text.subtle') }}>{LABELS[row.name]}</dt>
            <dd style={{ margin: 0, display: 'flex', alignItems: 'baseline', gap: token('space.100') }}>
              <span style={{ font: token('font.heading.large'), color: token('color.text') }}>{row.current}</span>
              {row.change !== null ? (
                <span
                  title={previousName ? `${row.previous} in ${previousName}` : undefined}
                  style={{
                    font: token('font.body.small'),
                    color:
                      row.change > 0
                        ? token('color.text.success')
                        : row.change < 0
                          ? token('color.text.warning')
                          : token('color.text.subtlest'),
                  }}
                >
                  {changeText(row.change)} <span style={{ color: token('color.text.subtlest') }}>vs {row.previous}</span>
                </span>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
      <p style={{ margin: 0, font: token('font.body.small'), color: token('color.text.subtlest') }}>
        Outcomes: {OUTCOMES.map((o) => `${current.outcomes[o]} ${OUTCOME_LABELS[o].toLowerCase()}`).join(' · ')}
        {previousName ? ` — compared with ${previousName}` : ' — no earlier sprint to compare with'}
      </p>
    </section>
  );
}
