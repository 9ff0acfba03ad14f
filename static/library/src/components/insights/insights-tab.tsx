/**
 * The Insights tab: what the figures cover, then per project the last periods' figures, each a
 * chart with its table; loading, an error with "Try again", and nothing to show yet. Loaded on
 * demand (its own chunk): the library's first screen does not carry it.
 */
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { InsightsView, ProjectInsights } from '../../../../../src/contract/insights';
import { Notice } from '../../../../shared/notice';
import { plural } from '../../../../shared/format';
import { subtleSmall } from '../../../../shared/styles';
import { FIGURES } from '../../state/insights-figures';
import { useSiteUrl } from '../use-library';
import { FigureChart } from './figure-chart';
import { FlowMatrix } from './flow-matrix';
import { InsightsCopy } from './insights-copy';
import { RebuildControl } from './rebuild-control';
import { useInsights } from './use-insights';

export const PERMISSION_NOTE = 'Figures count only issues you may browse; a project where some issues are hidden from you is left out.';

function ProjectSection({ project, siteUrl }: { project: ProjectInsights; siteUrl: string | null }) {
  const issues = project.periods.reduce((sum, p) => sum + p.issues, 0);
  return (
    <section aria-labelledby={`ll-project-${project.projectKey}`} style={{ display: 'grid', gap: token('space.150') }}>
      <h3 id={`ll-project-${project.projectKey}`} style={{ margin: 0, font: token('font.heading.small') }}>
        {project.projectKey}
      </h3>
      <p style={subtleSmall}>
        The last {plural(project.periods.length, 'period')} (sprints that have started; months where the project has no sprints),{' '}
        {plural(issues, 'issue')} with a learning record.
      </p>
      <div style={{ display: 'grid', gap: token('space.300'), gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))' }}>
        {FIGURES.map((figure) => (
          <FigureChart key={figure.name} project={project} figure={figure} siteUrl={siteUrl} />
        ))}
      </div>
    </section>
  );
}

function Withheld({ withheld }: { withheld: InsightsView['withheld'] }) {
  if (withheld.length === 0) return null;
  return (
    <section aria-label="Projects left out" style={{ display: 'grid', gap: token('space.050') }}>
      <h3 style={{ margin: 0, font: token('font.heading.xsmall') }}>Left out</h3>
      <ul style={{ margin: 0, paddingInlineStart: token('space.300') }}>
        {withheld.map((w) => (
          <li key={w.projectKey}>
            <strong>{w.projectKey}</strong>: {w.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Figures({ view, siteUrl }: { view: InsightsView; siteUrl: string | null }) {
  return (
    <>
      <Withheld withheld={view.withheld} />
      {view.projects.length === 0 ? (
        <p style={{ margin: 0, font: token('font.heading.small') }}>No learning records yet in the projects you can browse</p>
      ) : (
        <>
          <InsightsCopy view={view} />
          <FlowMatrix projects={view.projects} />
          {view.projects.map((project) => (
            <ProjectSection key={project.projectKey} project={project} siteUrl={siteUrl} />
          ))}
        </>
      )}
    </>
  );
}

/** While the figures are counted (the tab and the Confluence macro). */
export function InsightsLoading() {
  return (
    <div role="status" style={{ display: 'flex', alignItems: 'center', gap: token('space.100') }}>
      <Spinner size="medium" label="Loading insights" />
      <span style={subtleSmall}>Counting the figures you may see…</span>
    </div>
  );
}

/** The open failed: Jira's or the app's words, and "Try again". */
export function InsightsError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <Notice appearance="error" role="alert" title="Could not load the insights" actions={[{ label: 'Try again', onClick: onRetry }]}>
      <p style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{message}</p>
    </Notice>
  );
}

export function InsightsTab() {
  const { load, retry } = useInsights();
  const siteUrl = useSiteUrl();
  return (
    <div style={{ display: 'grid', gap: token('space.300') }}>
      <p style={{ margin: 0, color: token('color.text.subtle') }}>{PERMISSION_NOTE}</p>
      <RebuildControl onRebuilt={retry} />
      {load.kind === 'loading' ? (
        <InsightsLoading />
      ) : load.kind === 'error' ? (
        <InsightsError message={load.error.message} onRetry={retry} />
      ) : (
        <Figures view={load.view} siteUrl={siteUrl} />
      )}
    </div>
  );
}
