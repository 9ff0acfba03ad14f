/**
 * Frame tokens: each Custom UI iframe the site renders gets an unguessable
 * token that the server maps to the user and the module context. The page
 * only ever sends the token back, so it cannot choose the issue or the user.
 */
import { randomBytes } from 'node:crypto';
import { issueTypeIdOf } from '../jira/jira-stand-in';
import type { IssueRow, ProjectRow } from '../store/local-store';

export type ColorMode = 'light' | 'dark';

export const APP_ENVIRONMENT_ID = 'local-development';
const APP_ID = 'local-learning-loop';

export const APP_ID_LOCAL = APP_ID;

/**
 * The issue panel the site falls back to when the manifest does not declare
 * one. Every other module is hosted from manifest.yml (module-hosts.ts).
 */
export const RESOURCES = {
  'issue-panel': { moduleKey: 'learning-panel', moduleType: 'jira:issuePanel' },
} as const;
/** A resource key of the manifest (`resources[].key`). */
export type ResourceKey = string;

/** What a frame may do beyond the usual bridge calls. */
export type FrameRole =
  | { kind: 'view' }
  /** A macro on a page: view.submit/close are refused, as in Confluence's page view. */
  | { kind: 'macro'; pageId: string; macroLocalId: string }
  /** A macro's config view: view.submit({ config }) stores the config in the page; view.close cancels. */
  | { kind: 'macro-config'; pageId: string; macroLocalId: string; inserting: boolean };

export interface FrameGrant {
  token: string;
  resource: ResourceKey;
  accountId: string;
  /** The context the resolver receives (without accountId, which comes from the principal). */
  context: Record<string, unknown>;
  colorMode: ColorMode;
  createdAt: number;
  /** Absent: a plain view (issue panel, project page). */
  role?: FrameRole;
}

/** Forge's localId of a module that has one instance per page: the extension's ARI. */
export const moduleLocalId = (moduleKey: string): string => `ari:cloud:ecosystem::extension/${APP_ID}/${APP_ENVIRONMENT_ID}/static/${moduleKey}`;

/** The resolver-side context of the issue panel on one issue, as Forge passes it. */
export function issuePanelContext(
  issue: IssueRow,
  project: ProjectRow,
  siteUrl: string,
  module: { moduleKey: string; moduleType: string } = RESOURCES['issue-panel'],
): Record<string, unknown> {
  return {
    cloudId: 'local',
    siteUrl,
    localId: moduleLocalId(module.moduleKey),
    moduleKey: module.moduleKey,
    extension: {
      type: module.moduleType,
      issue: { key: issue.key, id: issue.id, type: issue.issueType, typeId: issueTypeIdOf(issue.issueType) },
      project: { id: project.id, key: project.key, type: 'software' },
      isNewToIssue: false,
    },
  };
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

/** Tokens live in memory: a restarted site issues new ones when the page is reloaded. */
export class FrameRegistry {
  private readonly grants = new Map<string, FrameGrant>();
  private static readonly KEEP = 2000;

  issue(grant: Omit<FrameGrant, 'token' | 'createdAt'>): FrameGrant {
    const token = randomBytes(24).toString('base64url');
    const full: FrameGrant = { ...grant, token, createdAt: Date.now() };
    this.grants.set(token, full);
    if (this.grants.size > FrameRegistry.KEEP) {
      const oldest = this.grants.keys().next().value;
      if (oldest !== undefined) this.grants.delete(oldest);
    }
    return full;
  }

  get(token: unknown): FrameGrant | undefined {
    return typeof token === 'string' ? this.grants.get(token) : undefined;
  }

  /** Follows the host page's light/dark toggle. */
  setColorMode(token: string, colorMode: ColorMode): void {
    const grant = this.grants.get(token);
    if (grant) grant.colorMode = colorMode;
  }

  clear(): void {
    this.grants.clear();
  }
}
