/**
 * The cross-team flow matrix: a real table (caption, row and column headers) whose cells carry
 * the number of "This helped" links as text, tinted by a heat scale of design tokens so light and
 * dark follow the host. Only projects shown to the viewer are named.
 */
import { token } from '@atlaskit/tokens';
import type { ProjectInsights } from '../../../../../src/contract/insights';
import { subtleSmall } from '../../../../shared/styles';
import { FLOW_CORNER, FLOW_LEGEND, FLOW_TITLE, OTHER_PROJECTS, flowMatrix, heatLevel } from '../../state/insights-flow';

const HEAT = [
  undefined,
  token('color.background.accent.blue.subtlest'),
  token('color.background.accent.blue.subtler'),
  token('color.background.accent.blue.subtle'),
  token('color.background.accent.blue.bolder'),
];
const cell = { padding: `${token('space.050')} ${token('space.100')}`, textAlign: 'end' as const, minWidth: '3.5em' };
const header = { ...cell, textAlign: 'start' as const };

function Cell({ count, largest }: { count: number; largest: number }) {
  const level = heatLevel(count, largest);
  return (
    <td
      data-heat={level}
      style={{ ...cell, background: HEAT[level], color: level === 4 ? token('color.text.inverse') : token('color.text') }}
    >
      {count}
    </td>
  );
}

export function FlowMatrix({ projects }: { projects: readonly ProjectInsights[] }) {
  const matrix = flowMatrix(projects);
  const otherRow = matrix.others.some((n) => n > 0);
  return (
    <section aria-labelledby="ll-flow-title" style={{ display: 'grid', gap: token('space.075') }}>
      <h3 id="ll-flow-title" style={{ margin: 0, font: token('font.heading.small') }}>
        {FLOW_TITLE}
      </h3>
      <p style={subtleSmall}>{FLOW_LEGEND}</p>
      <div style={{ overflowX: 'auto' }}>
        <table style={{ borderCollapse: 'collapse', font: token('font.body.small') }}>
          <caption style={{ ...subtleSmall, textAlign: 'start' }}>
            {FLOW_TITLE}: {matrix.total} &quot;This helped&quot; {matrix.total === 1 ? 'link' : 'links'}; rows: learning from, columns:
            ticket in
          </caption>
          <thead>
            <tr>
              <th scope="col" style={header}>
                {FLOW_CORNER}
              </th>
              {matrix.projects.map((to) => (
                <th key={to} scope="col" style={cell}>
                  {to}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((row, i) => (
              <tr key={matrix.projects[i]}>
                <th scope="row" style={header}>
                  {matrix.projects[i]}
                </th>
                {row.map((count, j) => (
                  <Cell key={matrix.projects[j]} count={count} largest={matrix.largest} />
                ))}
              </tr>
            ))}
            {otherRow ? (
              <tr>
                <th scope="row" style={{ ...header, fontStyle: 'italic' }}>
                  {OTHER_PROJECTS}
                </th>
                {matrix.others.map((count, j) => (
                  <Cell key={matrix.projects[j]} count={count} largest={matrix.largest} />
                ))}
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </section>
  );
}
