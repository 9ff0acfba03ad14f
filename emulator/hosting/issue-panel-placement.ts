/**
 * Where a `jira:issuePanel` shows, as in Jira's issue view: on no issue until
 * someone adds it from the issue's "Apps" button (then it is on that issue,
 * for everyone who views it, until someone removes it), or on every issue once
 * a Jira admin chooses "Show for all work items" (until "Hide from all work
 * items"). The frame opened right after adding gets `isNewToIssue: true`.
 *
 * Kept in memory: the seed's placement (`SiteSeed.issuePanels`) is what a
 * start and `reset()` put back.
 */

/** What a site starts with, per module key of the manifest's `jira:issuePanel`s. */
export interface IssuePanelPlacementSeed {
  /** Module keys shown on every issue ("Show for all work items"). */
  pinned?: string[];
  /** Issues a panel was added to; `moduleKey` defaults to the manifest's first issue panel. */
  added?: Array<{ issueKey: string; moduleKey?: string }>;
}

export class IssuePanelPlacements {
  private readonly added = new Map<string, Set<string>>();
  private readonly pinned = new Set<string>();

  constructor(private readonly firstPanelKey: () => string | undefined) {}

  /** Puts the seed's placement back (nothing when there is none). */
  reset(seed: IssuePanelPlacementSeed = {}): void {
    this.added.clear();
    this.pinned.clear();
    for (const key of seed.pinned ?? []) this.pinned.add(key);
    for (const entry of seed.added ?? []) {
      const moduleKey = entry.moduleKey ?? this.firstPanelKey();
      if (moduleKey) this.add(entry.issueKey, moduleKey);
    }
  }

  isShown(issueKey: string, moduleKey: string): boolean {
    return this.pinned.has(moduleKey) || (this.added.get(issueKey.toUpperCase())?.has(moduleKey) ?? false);
  }

  isPinned(moduleKey: string): boolean {
    return this.pinned.has(moduleKey);
  }

  /** The "Apps" button: the panel is on this issue from now on. */
  add(issueKey: string, moduleKey: string): void {
    const key = issueKey.toUpperCase();
    const modules = this.added.get(key) ?? new Set<string>();
    modules.add(moduleKey);
    this.added.set(key, modules);
  }

  /** The panel's "Remove" action: off this issue (a pinned panel stays everywhere). */
  remove(issueKey: string, moduleKey: string): void {
    this.added.get(issueKey.toUpperCase())?.delete(moduleKey);
  }

  /** "Show for all work items" (admins only: the route checks). */
  pin(moduleKey: string): void {
    this.pinned.add(moduleKey);
  }

  /** "Hide from all work items": back to the issues it was added to. */
  unpin(moduleKey: string): void {
    this.pinned.delete(moduleKey);
  }

  snapshot(): { pinned: string[]; added: Array<{ issueKey: string; moduleKey: string }> } {
    const added = [...this.added].flatMap(([issueKey, modules]) => [...modules].map((moduleKey) => ({ issueKey, moduleKey })));
    return { pinned: [...this.pinned], added };
  }
}
