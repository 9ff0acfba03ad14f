/**
 * "Learning insights" on a Confluence page: the Insights tab's figures (the same components,
 * the same `insights/open`) for the projects and periods chosen in the macro's config, counted
 * as the page's viewer may browse Jira. No "Rebuild now" here: that is a Jira admin's action,
 * on the Learning Loop page in Jira.
 */
import { token } from '@atlaskit/tokens';
import { plural } from '../../shared/format';
import { emptyStateBox, subtleSmall } from '../../shared/styles';
import { Figures, InsightsError, InsightsLoading, PERMISSION_NOTE } from '../../library/src/components/insights/insights-tab';
import { useMacroInsights } from './components/use-macro-insights';
import { scopeWords, type InsightsMacroConfig } from './state/insights-macro-config';

export const NOTHING_VISIBLE_TITLE = 'No figures you may see here';

/** Nothing counted that the viewer may see: no Jira access to these projects, or no records in them yet. */
function NothingVisible({ config }: { config: InsightsMacroConfig }) {
  return (
    <section aria-label={NOTHING_VISIBLE_TITLE} style={emptyStateBox}>
      <p style={{ margin: 0, font: token('font.heading.small') }}>{NOTHING_VISIBLE_TITLE}</p>
      <p style={{ margin: 0 }}>
        These figures count the Jira issues of {scopeWords(config)}, as Jira lets you browse them, and Jira shows you no learning records
        there. If you have no access to these Jira projects (or to Jira), ask a Jira administrator for it; if you have, they hold no
        learning records yet.
      </p>
    </section>
  );
}

export function App() {
  const { load, retry } = useMacroInsights();
  return (
    <main aria-label="Learning insights" style={{ display: 'grid', gap: token('space.200'), padding: token('space.100') }}>
      <h2 style={{ margin: 0, font: token('font.heading.medium') }}>Learning insights</h2>
      {load.kind === 'ready' ? (
        <p style={subtleSmall}>
          The last {plural(load.config.periods, 'period')} of {scopeWords(load.config)}. The figures are recounted every day; Jira
          administrators can also rebuild them from the Learning Loop page in Jira.
        </p>
      ) : null}
      <p style={{ margin: 0, color: token('color.text.subtle') }}>{PERMISSION_NOTE}</p>
      {load.kind === 'loading' ? (
        <InsightsLoading />
      ) : load.kind === 'error' ? (
        <InsightsError message={load.error.message} onRetry={retry} />
      ) : load.view.projects.length === 0 && load.view.withheld.length === 0 ? (
        <NothingVisible config={load.config} />
      ) : (
        <Figures view={load.view} siteUrl={load.siteUrl} />
      )}
    </main>
  );
}
