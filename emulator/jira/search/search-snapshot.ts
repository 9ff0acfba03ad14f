/**
 * The issues and indexed property rows a search scans, read once per store state: a page of
 * results, an approximate count and the next page ask for the same rows, and reading 10,000
 * issues from SQLite costs the local site ≈ 0.2 s each time. Jira's index does not rescan;
 * this keeps the stand-in's own CPU out of what the app's calls measure. Rows are read-only.
 */
import type { LocalStore } from '../../store/local-store';
import type { IndexedPropertyRow, IssueRow } from '../../store/rows';
import type { IssueView } from './jql-compiler';
import { manifestAliases, valuesAtPath } from './manifest-aliases';

/** Parsed property values by their text (only read, never changed), shared by every search. */
const PROPERTY_JSON_CACHE = new Map<string, unknown>();

function parsedProperty(text: string | null): unknown {
  if (text === null) return undefined;
  if (!PROPERTY_JSON_CACHE.has(text)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    if (PROPERTY_JSON_CACHE.size >= 20_000) PROPERTY_JSON_CACHE.clear();
    PROPERTY_JSON_CACHE.set(text, value);
  }
  return PROPERTY_JSON_CACHE.get(text);
}

export class SearchSnapshot {
  private version = '';
  private issues: IssueRow[] | null = null;
  private readonly properties = new Map<string, Map<string, IndexedPropertyRow>>();

  constructor(private readonly store: LocalStore) {}

  listIssues(): readonly IssueRow[] {
    this.sync();
    this.issues ??= this.store.listIssues();
    return this.issues;
  }

  /**
   * Issue views as the index sees them: a property written less than `indexDelayMs` ago is still its
   * old value, unless the issue is reconciled. Property rows are read when a clause first asks for one.
   */
  views(issues: readonly IssueRow[], indexDelayMs: number, reconcile: ReadonlySet<string> = new Set()): IssueView[] {
    const { indexed } = manifestAliases();
    const keys = new Set(indexed.map((a) => a.propertyKey));
    const realNow = Date.now();
    return issues.map((row) => ({
      row,
      indexed: (propertyKey, path) => {
        const stored = keys.has(propertyKey) ? this.propertyRows(propertyKey).get(row.id) : undefined;
        if (!stored) return [];
        const lagging = indexDelayMs > 0 && stored.writtenAtMs > 0 && realNow - stored.writtenAtMs < indexDelayMs;
        const json = parsedProperty(lagging && !reconcile.has(row.id) ? stored.previousValueText : stored.valueText);
        return json === undefined ? [] : valuesAtPath(json, path);
      },
    }));
  }

  private propertyRows(key: string): Map<string, IndexedPropertyRow> {
    this.sync();
    let rows = this.properties.get(key);
    if (!rows) {
      rows = new Map(this.store.listIndexedProperties(key).map((row) => [row.issueId, row]));
      this.properties.set(key, rows);
    }
    return rows;
  }

  /** Forgets every read when anything was written since. */
  private sync(): void {
    const version = this.store.writeVersion();
    if (version === this.version) return;
    this.version = version;
    this.issues = null;
    this.properties.clear();
  }
}
