/**
 * Forge contexts for invoking the app's resolvers straight on the local site
 * (`site.invoke`), without a frame: what the resolver tests, the reliability
 * tests and the bench pass. Built by the same functions the site's own frames
 * use (module-hosts.ts), for a macro on a page the store need not hold.
 */
import { globalPageContext, macroContext, projectPageContext, sprintActionContext } from '../../emulator';
import type { LocalSite } from '../../emulator';

/**
 * The "Learnings from Jira" macro's context. `config` undefined (or null): a
 * macro not configured yet. `configuring`: the macro's config view.
 */
export function macroContextFor(site: Pick<LocalSite, 'url'>, config: unknown, configuring = false): Record<string, unknown> {
  return macroContext({
    module: { key: 'learnings-macro' },
    space: { key: 'TEAM', id: '98305' },
    page: { id: '65537' },
    macro: { localId: 'macro-test-1', config: config ?? null },
    siteUrl: site.url,
    configuring,
  });
}

/** The "Learning insights" macro's context (its config view with `configuring`), on a page the store need not hold. */
export function insightsMacroContextFor(site: Pick<LocalSite, 'url'>, config: unknown, configuring = false): Record<string, unknown> {
  return macroContext({
    module: { key: 'learning-insights' },
    space: { key: 'TEAM', id: '98305' },
    page: { id: '65537' },
    macro: { localId: 'insights-macro-test-1', config: config ?? null },
    siteUrl: site.url,
    configuring,
  });
}

/** The "Learnings" project page's context (the retro view) for a project of the store. */
export function projectPageContextFor(site: Pick<LocalSite, 'url' | 'store'>, projectKey: string): Record<string, unknown> {
  const project = site.store.getProject(projectKey);
  if (!project) throw new Error(`No project ${projectKey}.`);
  return projectPageContext({ key: 'retro' }, project, site.url);
}

/** The "Learning Loop" global page's context (the learning library): no project, no issue. */
export function globalPageContextFor(site: Pick<LocalSite, 'url'>): Record<string, unknown> {
  return globalPageContext({ key: 'learning-library' }, site.url);
}

/**
 * The "Learning goals" sprint action's context, opened from the menu of a sprint of the store on
 * its project's board (the emulator's board id is the project's id).
 */
export function sprintActionContextFor(
  site: Pick<LocalSite, 'url' | 'store'>,
  projectKey: string,
  sprintId: number,
): Record<string, unknown> {
  const project = site.store.getProject(projectKey);
  const sprint = site.store.getSprint(sprintId);
  if (!project || !sprint) throw new Error(`No project ${projectKey} or sprint ${sprintId}.`);
  return sprintActionContext({ key: 'sprint-goals-action' }, { project, boardId: Number(project.id), sprint }, site.url);
}
