// What a site's parts look up by name (users, issues) and the frames they open beside an issue.
import { sandboxOf } from '../hosting/frame-policy';
import { openedFrame, type ColorMode, type FrameRegistry, type OpenedFrame } from '../hosting/frames';
import { glanceContext, issuePanelContext } from '../hosting/module-contexts';
import type { ModuleRegistry } from '../hosting/module-registry';
import type { LocalStore } from '../store/local-store';
import type { IssueRow, ProjectRow, UserRow } from '../store/rows';

export interface SiteLookups {
  /** A user by handle or account id; throws for an unknown one. */
  user(handleOrAccountId: string): UserRow;
  /** An issue and its project, or a thrown error. */
  issue(issueKey: string): { issue: IssueRow; project: ProjectRow };
}

export interface IssueFrameOpeners {
  /** The manifest's issue panel on an issue, for this user; undefined when the manifest declares none. */
  openIssuePanel(
    userRef: string,
    issueKey: string,
    colorMode?: ColorMode,
    opts?: { moduleKey?: string; isNewToIssue?: boolean },
  ): (OpenedFrame & { title: string; moduleKey: string }) | undefined;
  /** A `jira:issueGlance` opened in the issue's side panel. */
  openGlance(userRef: string, issueKey: string, moduleKey: string, colorMode?: ColorMode): OpenedFrame & { title: string };
}

/** A user by handle or account id, an issue with its project: or an error naming what is known. */
export function lookupsOf(store: LocalStore): SiteLookups {
  return {
    user(ref) {
      const user = store.findUser(ref);
      if (!user)
        throw new Error(
          `No user "${ref}". Known: ${store
            .listUsers()
            .map((u) => u.handle)
            .join(', ')}.`,
        );
      return user;
    },
    issue(issueKey) {
      const issue = store.getIssue(issueKey);
      const project = issue && store.getProject(issue.projectKey);
      if (!issue || !project) throw new Error(`No issue ${issueKey}.`);
      return { issue, project };
    },
  };
}

/** The frames a test or page opens beside an issue: its panel, a glance. */
export function frameOpenersOf(
  registry: ModuleRegistry,
  frames: FrameRegistry,
  lookups: SiteLookups,
  siteUrl: () => string,
): IssueFrameOpeners {
  return {
    openIssuePanel(userRef, issueKey, colorMode = 'light', opts = {}) {
      const panels = registry.modules('jira:issuePanel');
      const module = opts.moduleKey === undefined ? panels[0] : panels.find((m) => m.key === opts.moduleKey);
      if (!module) return undefined;
      const { issue, project } = lookups.issue(issueKey);
      const context = issuePanelContext(
        issue,
        project,
        siteUrl(),
        { moduleKey: module.key, moduleType: module.type },
        opts.isNewToIssue === true,
      );
      const grant = frames.issue({ resource: module.resource, accountId: lookups.user(userRef).accountId, context, colorMode });
      return { ...openedFrame(grant, sandboxOf(registry.permissions())), title: module.title, moduleKey: module.key };
    },
    openGlance(userRef, issueKey, moduleKey, colorMode = 'light') {
      const module = registry.module('jira:issueGlance', moduleKey);
      if (!module) throw new Error(`No jira:issueGlance module "${moduleKey}" in the manifest.`);
      const { issue, project } = lookups.issue(issueKey);
      const context = glanceContext(issue, project, siteUrl(), module.key);
      const role = { kind: 'glance' as const, issueKey: issue.key };
      const grant = frames.issue({ resource: module.resource, accountId: lookups.user(userRef).accountId, context, colorMode, role });
      return { ...openedFrame(grant, sandboxOf(registry.permissions())), title: module.title };
    },
  };
}
