import type { Handlers } from '@forge/resolver';
import * as z from '../domain/schema/zod';
import { openInsights } from '../app/insights/open-insights';
import { rebuildNowOrRequest } from '../app/insights/rebuild-on-request';
import { AppError } from '../contract/errors';
import { INSIGHTS_LIMITS, type InsightsDefs, type InsightsOpenPayload } from '../contract/insights';
import { PROJECT_KEY_PATTERN } from '../domain/record/identifiers';
import { JiraInsightsViewer } from '../forge/insights/jira-insights-viewer';
import { KvsInsightsStore } from '../forge/insights/kvs-insights-store';
import { forgeRebuildDeps } from '../forge/insights/rebuild-deps';
import { accountOf } from './resolver-context';
import { noPayload, runResolver } from './run-resolver';

const openPayload = z.strictObject({
  projects: z.optional(
    z
      .array(z.string().check(z.maxLength(255), z.regex(PROJECT_KEY_PATTERN, 'Name each project by its key, like ABC.')))
      .check(z.maxLength(INSIGHTS_LIMITS.projects, `Ask for at most ${INSIGHTS_LIMITS.projects} projects.`)),
  ),
  periods: z.optional(
    z.number().check(z.int(), z.minimum(1), z.maximum(INSIGHTS_LIMITS.periods, `Ask for at most ${INSIGHTS_LIMITS.periods} periods.`)),
  ),
}) satisfies z.ZodMiniType<InsightsOpenPayload>;

/** Insights: the viewer comes from the context; their counts and permissions are asked as them. */
export const insightsHandlers: Handlers<InsightsDefs> = {
  'insights/open': ({ payload, context }) =>
    runResolver(openPayload, payload, (input) => {
      accountOf(context);
      const viewer = new JiraInsightsViewer();
      return openInsights(
        {
          store: new KvsInsightsStore(),
          countAsViewer: (jql) => viewer.count(jql, 'user'),
          countAsApp: (jql) => viewer.count(jql, 'app'),
          now: () => new Date(),
        },
        input,
      );
    }),
  'insights/rebuild': ({ payload, context }) => {
    // The read budget counts from here: the admin check is part of Forge's 25 s too.
    const startedAt = Date.now();
    return runResolver(noPayload, payload, async () => {
      accountOf(context);
      if (!(await new JiraInsightsViewer().isJiraAdmin())) {
        throw new AppError('FORBIDDEN', 'Only Jira administrators may rebuild the insights. They are also rebuilt every day on their own.');
      }
      return rebuildNowOrRequest({ ...forgeRebuildDeps(), now: () => Date.now(), startedAt });
    });
  },
};
