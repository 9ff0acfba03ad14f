/** What every rebuild runs on in Forge (the daily trigger, the trigger serving requests, "Rebuild now"): Jira as the app, KVS. */
import { JiraReuseCount } from '../learned-before/jira-reuse-count';
import { JiraSearchableText } from '../record/jira-searchable-text';
import { JiraSiteFacts } from '../search/jira-site-facts';
import { JiraInsightsSource } from './jira-insights-source';
import { KvsInsightsStore } from './kvs-insights-store';
import { KvsRebuildRequest } from './kvs-rebuild-request';

export function forgeRebuildDeps() {
  const site = new JiraSiteFacts();
  return {
    source: new JiraInsightsSource(),
    store: new KvsInsightsStore(),
    sprintFieldId: () => site.sprintFieldId(),
    requests: new KvsRebuildRequest(),
    reuseCounts: new JiraReuseCount(),
    searchableText: new JiraSearchableText(),
  };
}
