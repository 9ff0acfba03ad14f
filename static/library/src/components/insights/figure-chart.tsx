/**
 * One figure of one project: its title and trend, a one-line legend, small bars for the last periods
 * (figure-bars.tsx) and a table with the same numbers for screen readers and copying, then the newest
 * period's issues in Jira's navigator.
 */
import { token } from '@atlaskit/tokens';
import type { ProjectInsights } from '../../../../../src/contract/insights';
import { navigatorLink } from '../../../../learnings-macro/src/state/total';
import { OutboundLink } from '../../../../shared/outbound-link';
import { subtleSmall } from '../../../../shared/styles';
import { figureJql, figureRows, trendWords, type FigureDefinition } from '../../state/insights-figures';
import { FigureBars } from './figure-bars';

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
      <FigureBars rows={rows} />
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
