/**
 * Frame tokens: each Custom UI iframe the site renders gets an unguessable
 * token that the server maps to the user and the module context. The page
 * only ever sends the token back, so it cannot choose the issue or the user.
 */
import { randomBytes } from 'node:crypto';

export type ColorMode = 'light' | 'dark';

/** A resource key of the manifest (`resources[].key`). */
export type ResourceKey = string;

/** What a frame may do beyond the usual bridge calls. */
export type FrameRole =
  | { kind: 'view' }
  /** A macro on a page: view.submit/close are refused, as in Confluence's page view. */
  | { kind: 'macro'; pageId: string; macroLocalId: string }
  /** A macro's config view: view.submit({ config }) stores the config in the page; view.close cancels. */
  | { kind: 'macro-config'; pageId: string; macroLocalId: string; inserting: boolean }
  /** An issue glance opened in the issue's side panel. */
  | { kind: 'glance'; issueKey: string }
  /** A sprint action's modal in a board's backlog: view.close closes it. */
  | { kind: 'sprint-action'; sprintId: number };

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

/** A frame the site issued, the address its iframe loads and the iframe's sandbox (frame-policy.ts). */
export interface OpenedFrame {
  grant: FrameGrant;
  src: string;
  sandbox: string;
}

/**
 * A resource's address is the same for every frame (as on Forge's CDN: one URL per deployed
 * resource), so its hashed assets can be cached; the frame's token rides in the query.
 */
export const frameSrcOf = (grant: FrameGrant): string =>
  `/forge/resources/${encodeURIComponent(grant.resource)}/index.html?frame=${encodeURIComponent(grant.token)}`;

export const openedFrame = (grant: FrameGrant, sandbox: string): OpenedFrame => ({ grant, src: frameSrcOf(grant), sandbox });

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
