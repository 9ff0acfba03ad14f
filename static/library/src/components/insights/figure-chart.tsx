/**
 * One figure of one project: its title and trend, a one-line legend, small SVG bars for the last
 * periods (drawn with design tokens, so light and dark follow the host) and a table with the same
 * numbers for screen readers and copying, then the newest period's issues in Jira's navigator.
 */
import { token } from '@atlaskit/tokens';
import type { ProjectInsights } from '../../../../../src/contract/insights';
import { navigatorLink } from '../../../../learnings-macro/src/state/total';
import { OutboundLink } from '../../../../shared/outbound-link';
import { subtleSmall } from '../../../../shared/styles';
import { figureJql, figureRows, trendWords, type FigureDefinition, type FigureRow } from '../../state/insights-figures';

const BAR_WIDTH = 28;
const GAP = 8;
const HEIGHT = 64;

function Bars({ rows }: { rows: FigureRow[] }) {
  const width = rows.length * (BAR_WIDTH + GAP);
  return (
    // The table below carries the numbers; the bars are a picture of them.
    <svg aria-hidden="true" width={width} height={HEIGHT + 2} viewBox={`0 0 ${String(width)} ${String(HEIGHT + 2)}`}>
      <line x1={0} x2={width} y1={HEIGHT + 1} y2={HEIGHT + 1} stroke={token('color.border')} />
      {rows.map((row, i) => {
        const barHeight = Math.max(row.value === null ? 0 : 2, Math.round(row.height * HEIGHT));
        return (
          <rect
            key={row.period}
            data-testid="insight-bar"
            x={i * (BAR_WIDTH + GAP)}
            y={HEIGHT - barHeight}
            width={BAR_WIDTH}
            height={barHeight}
            rx={2}
            fill={i === rows.length - 1 ? token('color.chart.brand') : token('color.chart.neutral')}
          />
        );
      })}
    </svg>
  );
}

const cell = { padding: `${token('space.025')} ${token('space.100')}`, textAlign: 'start' as const };

export function FigureChart({ project, figure, siteUrl }: { project: ProjectInsights; figure: FigureDefinition; siteUrl: string | null }) {
  const rows = figureRows(project.periods, figure);
  const trend = trendWords(project, figure.name);
  const newest = project.periods.at(-1);
  const titleId = `ll-figure-${project.projectKey}-${figure.name}`;
  const link = newest ? navigatorLink(siteUrl, figureJql(newest.jql, figure)) : null;
  return (
    <section aria-labelledby={titleId} style={{ display: 'grid', gap: token('space.075'), alignContent: 'start' }}>
      <h4 id={titleId} style={{ margin: 0, font: token('font.heading.xsmall') }}>
        {figure.title}
      </h4>
      <p style={subtleSmall}>
        {figure.legend}
        {trend ? ` Newest period: ${trend}.` : ''}
      </p>
      <Bars rows={rows} />
      <table style={{ borderCollapse: 'collapse', font: token('font.body.small') }}>
        <caption style={{ ...subtleSmall, textAlign: 'start' }}>
          {figure.title}, {project.projectKey}, per period
        </caption>
        <thead>
          <tr>
            <th scope="col" style={cell}>
              Period
            </th>
            <th scope="col" style={cell}>
              {figure.title}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.period}>
              <th scope="row" style={{ ...cell, fontWeight: 'normal' }}>
                {row.period}
              </th>
              <td style={cell}>{row.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {link && newest ? (
        <OutboundLink href={link.href} open={link.path} style={{ font: token('font.body.small') }}>
          Open in issue navigator ({newest.label})
        </OutboundLink>
      ) : null}
    </section>
  );
}
