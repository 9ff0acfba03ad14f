/**
 * The contexts Forge passes a module's resolver (and, with accountId, locale,
 * theme... added, what `view.getContext()` answers in its frame): the issue
 * panel, a macro and its config view, a project page, the global page.
 */
import type { MacroBlock, PageRow, SpaceRow } from '../confluence/confluence-content';
import { issueTypeIdOf } from '../jira/jira-representations';
import type { IssueRow, ProjectRow } from '../store/rows';
import type { FrameGrant } from './frames';
import type { HostedModule } from './module-registry';

export const APP_ENVIRONMENT_ID = 'local-development';
/** The app id the emulator gives whatever app it hosts. */
export const LOCAL_APP_ID = 'local-learning-loop';

/** Forge's localId of a module that has one instance per page: the extension's ARI. */
export const moduleLocalId = (moduleKey: string): string =>
  `ari:cloud:ecosystem::extension/${LOCAL_APP_ID}/${APP_ENVIRONMENT_ID}/static/${moduleKey}`;

/** The resolver-side context of the issue panel on one issue, as Forge passes it. */
export function issuePanelContext(
  issue: IssueRow,
  project: ProjectRow,
  siteUrl: string,
  module: { moduleKey: string; moduleType: string },
  isNewToIssue = false,
): Record<string, unknown> {
  return {
    cloudId: 'local',
    siteUrl,
    localId: moduleLocalId(module.moduleKey),
    moduleKey: module.moduleKey,
    extension: {
      type: module.moduleType,
      issue: issueOf(issue),
      project: projectOf(project),
      isNewToIssue,
    },
  };
}

const issueOf = (issue: IssueRow) => ({ key: issue.key, id: issue.id, type: issue.issueType, typeId: issueTypeIdOf(issue.issueType) });
const projectOf = (project: Pick<ProjectRow, 'id' | 'key'>) => ({ id: project.id, key: project.key, type: 'software' });

/** An issue glance's context, in its side panel (its resolver and `view.getContext()`). */
export function glanceContext(issue: IssueRow, project: ProjectRow, siteUrl: string, moduleKey: string): Record<string, unknown> {
  return {
    cloudId: 'local',
    siteUrl,
    localId: moduleLocalId(moduleKey),
    moduleKey,
    extension: { type: 'jira:issueGlance', issue: issueOf(issue), project: projectOf(project) },
  };
}

/** What Jira passes a glance's `dynamicProperties` function (the jira:issueGlance reference's `Payload`). */
export function glanceDynamicPropertiesEvent(issue: IssueRow, project: ProjectRow): Record<string, unknown> {
  return { cloudId: 'local', extension: { type: 'jira:issueGlance', issue: issueOf(issue), project: projectOf(project) } };
}

/** What `view.getContext()` answers in the frame. */
export function bridgeContextOf(grant: FrameGrant, timezone: string): Record<string, unknown> {
  return {
    ...grant.context,
    accountId: grant.accountId,
    accountType: 'licensed',
    environmentType: 'DEVELOPMENT',
    environmentId: APP_ENVIRONMENT_ID,
    appVersion: '0.0.0-local',
    locale: 'en-US',
    timezone,
    theme: { colorMode: grant.colorMode },
    license: null,
  };
}

export function macroContext(input: {
  module: Pick<HostedModule, 'key'>;
  space: Pick<SpaceRow, 'key' | 'id'>;
  page: Pick<PageRow, 'id'>;
  /** `config` null: a macro not configured yet (no config in the context). */
  macro: Pick<MacroBlock, 'localId'> & { config: unknown };
  siteUrl: string;
  /** The config view of the macro, rather than the macro itself. */
  configuring?: boolean;
  /** The config view opened because the macro was just inserted. */
  inserting?: boolean;
}): Record<string, unknown> {
  const { module, space, page, macro, siteUrl } = input;
  const configuring = input.configuring === true;
  return {
    cloudId: 'local',
    siteUrl,
    localId: macro.localId,
    moduleKey: module.key,
    extension: {
      type: 'macro',
      content: { id: page.id, type: 'page', subtype: null },
      space: { key: space.key, id: space.id },
      isEditing: configuring,
      references: [],
      ...(macro.config !== null ? { config: macro.config } : {}),
      macro: configuring ? { isConfiguring: true, isInserting: input.inserting === true } : { isConfiguring: false },
    },
  };
}

export function projectPageContext(
  module: Pick<HostedModule, 'key'>,
  project: Pick<ProjectRow, 'id' | 'key'>,
  siteUrl: string,
): Record<string, unknown> {
  return {
    cloudId: 'local',
    siteUrl,
    localId: moduleLocalId(module.key),
    moduleKey: module.key,
    extension: {
      type: 'jira:projectPage',
      project: { id: project.id, key: project.key, type: 'software' },
    },
  };
}

/** Where Jira shows an app's global page: `/jira/apps/{appId}/{envId}` (the jira:globalPage reference). */
export const GLOBAL_PAGE_PATH = `/jira/apps/${LOCAL_APP_ID}/${APP_ENVIRONMENT_ID}`;

/** A jira:globalPage module's context: its extension holds only `type` and `location` (the host page's full URL), as documented. */
export function globalPageContext(module: Pick<HostedModule, 'key'>, siteUrl: string): Record<string, unknown> {
  return {
    cloudId: 'local',
    siteUrl,
    localId: moduleLocalId(module.key),
    moduleKey: module.key,
    extension: { type: 'jira:globalPage', location: `${siteUrl.replace(/\/+$/, '')}${GLOBAL_PAGE_PATH}` },
  };
}
