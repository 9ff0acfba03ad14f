/**
 * The apps on one issue as Jira's issue view shows them to one person: the
 * issue panels placed on it (added from "Apps", or pinned for all work
 * items), the panels still to add, and the issue glances, each with the
 * status its `dynamicProperties` function answers (called as Jira calls it:
 * the documented payload, the viewer as principal) and, when opened, its
 * resource in the side panel.
 */
import { JiraPermissions } from '../jira/jira-permissions';
import type { SiteParts } from '../site/site-parts';
import type { IssueRow, ProjectRow, UserRow } from '../store/rows';
import type { ColorMode } from './frames';
import { glanceContext, glanceDynamicPropertiesEvent } from './module-contexts';
import type { HostedModule } from './module-registry';
import type { GlanceStatus, GlanceStatusType, IssueAppsView } from './pages/issue-apps-html';

export type { GlanceStatus, IssueAppsView } from './pages/issue-apps-html';

const STATUS_TYPES: GlanceStatusType[] = ['badge', 'lozenge', 'icon'];

/** The handler's answer, if it is the documented shape: `{ status: { type, value: { label } } }`. */
export function glanceStatusOf(result: unknown): GlanceStatus | undefined {
  const status = (result as { status?: unknown } | null)?.status as { type?: unknown; value?: unknown } | undefined;
  const value = status?.value as { label?: unknown; type?: unknown; url?: unknown } | undefined;
  if (!status || !STATUS_TYPES.includes(status.type as GlanceStatusType) || !value || typeof value.label !== 'string') return undefined;
  return {
    type: status.type as GlanceStatusType,
    value: {
      label: value.label,
      ...(typeof value.type === 'string' ? { type: value.type } : {}),
      ...(typeof value.url === 'string' ? { url: value.url } : {}),
    },
  };
}

/** Calls the glance's dynamicProperties function; a failure shows no status, as in Jira. */
async function statusOf(
  parts: SiteParts,
  module: HostedModule,
  user: UserRow,
  issue: IssueRow,
  project: ProjectRow,
): Promise<GlanceStatus | undefined> {
  const functionKey = module.functions?.dynamicProperties;
  if (!functionKey) return undefined;
  try {
    const outcome = await parts.invokeFunction({
      functionKey,
      event: glanceDynamicPropertiesEvent(issue, project),
      accountId: user.accountId,
      context: glanceContext(issue, project, parts.siteUrl(), module.key),
      source: 'host',
    });
    return glanceStatusOf(outcome.result);
  } catch {
    return undefined;
  }
}

export async function issueAppsView(
  parts: SiteParts,
  user: UserRow,
  issue: IssueRow,
  project: ProjectRow,
  query: { glance?: string; added?: string },
  colorMode: ColorMode,
): Promise<IssueAppsView> {
  const { registry, panels: placement } = parts;
  const panelModules = registry.modules('jira:issuePanel');
  const shown = panelModules.filter((m) => placement.isShown(issue.key, m.key));
  const panels = shown.flatMap((m) => {
    const opened = parts.openIssuePanel(user.accountId, issue.key, colorMode, { moduleKey: m.key, isNewToIssue: query.added === m.key });
    return opened ? [{ ...opened, pinned: placement.isPinned(m.key) }] : [];
  });
  const glanceModules = registry.modules('jira:issueGlance');
  const statuses = await Promise.all(glanceModules.map((m) => statusOf(parts, m, user, issue, project)));
  const glances = glanceModules.map((m, i) => ({
    key: m.key,
    label: m.label ?? m.title,
    title: m.title,
    ...(statuses[i] ? { status: statuses[i] } : {}),
    open: query.glance === m.key,
  }));
  const openGlance = glanceModules.find((m) => m.key === query.glance);
  const side = openGlance
    ? { ...parts.openGlance(user.accountId, issue.key, openGlance.key, colorMode), moduleKey: openGlance.key }
    : undefined;
  return {
    issueKey: issue.key,
    panels,
    addable: panelModules.filter((m) => !shown.includes(m)).map((m) => ({ key: m.key, title: m.title })),
    isAdmin: new JiraPermissions(parts.store).isAdmin(user.accountId),
    glances,
    ...(side ? { side } : {}),
  };
}
