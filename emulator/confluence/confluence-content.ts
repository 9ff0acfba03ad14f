/**
 * Confluence's content on the emulated site: spaces and pages whose bodies
 * hold text and macro slots (Forge macros with their stored config), kept in
 * the embedded store.
 */
import { randomUUID } from 'node:crypto';
import type { LocalStore } from '../store/local-store';
import { defined } from '../shared/defined';

export interface SpaceRow {
  id: string;
  key: string;
  name: string;
  description: string;
}

/** A macro instance on a page: `localId` is what Forge passes as the macro's localId. */
export interface MacroBlock {
  type: 'macro';
  localId: string;
  moduleKey: string;
  /** What the config view last submitted; null until configured. */
  config: Record<string, unknown> | null;
}

export type PageBlock = { type: 'paragraph'; text: string } | MacroBlock;

export interface PageRow {
  id: string;
  spaceKey: string;
  title: string;
  blocks: PageBlock[];
  version: number;
  authorAccountId: string;
  created: string;
  updated: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS confluence_spaces (
  id TEXT PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL, description TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS confluence_pages (
  id TEXT PRIMARY KEY, space_key TEXT NOT NULL, title TEXT NOT NULL, blocks TEXT NOT NULL,
  version INTEGER NOT NULL, author TEXT NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL);
`;

const SEEDED_META = 'confluenceSeededAt';
const FIRST_PAGE_ID = 65601;

/** What Confluence is seeded with: spaces, and pages in them (ids are given in order, from 65601). */
export interface ConfluenceDataset {
  spaces: SpaceRow[];
  pages: Array<{ spaceKey: string; title: string; blocks: PageBlock[]; authorAccountId: string; at: string }>;
}

export const EMPTY_CONFLUENCE: ConfluenceDataset = { spaces: [], pages: [] };

interface PageDbRow {
  id: string;
  space_key: string;
  title: string;
  blocks: string;
  version: number;
  author: string;
  created: string;
  updated: string;
}

const pageOf = (r: PageDbRow): PageRow => ({
  id: r.id,
  spaceKey: r.space_key,
  title: r.title,
  blocks: JSON.parse(r.blocks) as PageBlock[],
  version: r.version,
  authorAccountId: r.author,
  created: r.created,
  updated: r.updated,
});

/** Plain text as paragraphs: one per blank-line-separated block. */
export const paragraphsOf = (text: string): PageBlock[] =>
  text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ type: 'paragraph' as const, text: p }));

export const MAX_TITLE_CHARS = 255;
export const MAX_BODY_CHARS = 20_000;
/** Config is stored on the page (as Forge stores it in the macro's ADF node): keep it small. */
export const MAX_CONFIG_CHARS = 16_384;

export class ConfluenceError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Spaces and pages, and the macro slots on them. */
export class ConfluenceContent {
  constructor(protected readonly store: LocalStore) {
    store.database.exec(SCHEMA);
  }

  /** Whether Confluence was ever seeded in this store (a persisted site keeps its pages across restarts). */
  get isSeeded(): boolean {
    return this.store.getMeta(SEEDED_META) !== undefined;
  }

  /** Replaces every space and page with the dataset's. */
  reset(data: ConfluenceDataset = EMPTY_CONFLUENCE): void {
    const db = this.store.database;
    this.store.transaction(() => {
      db.exec('DELETE FROM confluence_spaces; DELETE FROM confluence_pages;');
      const addSpace = db.prepare('INSERT INTO confluence_spaces (id, key, name, description) VALUES (?, ?, ?, ?)');
      for (const space of data.spaces) addSpace.run(space.id, space.key, space.name, space.description);
      const add = db.prepare(
        'INSERT INTO confluence_pages (id, space_key, title, blocks, version, author, created, updated) VALUES (?, ?, ?, ?, 1, ?, ?, ?)',
      );
      data.pages.forEach((p, i) =>
        add.run(String(FIRST_PAGE_ID + i), p.spaceKey, p.title, JSON.stringify(p.blocks), p.authorAccountId, p.at, p.at),
      );
      this.store.setMeta(SEEDED_META, new Date().toISOString());
    });
  }

  listSpaces(): SpaceRow[] {
    return this.store.database.prepare('SELECT * FROM confluence_spaces ORDER BY key').all() as SpaceRow[];
  }

  getSpace(keyOrId: string): SpaceRow | undefined {
    return this.listSpaces().find((s) => s.key === keyOrId.toUpperCase() || s.id === keyOrId);
  }

  listPages(spaceKey: string): PageRow[] {
    const rows = this.store.database
      .prepare('SELECT * FROM confluence_pages WHERE space_key = ? ORDER BY CAST(id AS INTEGER)')
      .all(spaceKey) as PageDbRow[];
    return rows.map(pageOf);
  }

  getPage(id: string): PageRow | undefined {
    const row = this.store.database.prepare('SELECT * FROM confluence_pages WHERE id = ?').get(id) as PageDbRow | undefined;
    return row ? pageOf(row) : undefined;
  }

  createPage(input: { spaceKey: string; title: string; body: string; authorAccountId: string }): PageRow {
    const space = this.getSpace(input.spaceKey);
    if (!space) throw new ConfluenceError(404, `No space ${input.spaceKey}.`);
    const title = input.title.trim();
    if (!title) throw new ConfluenceError(400, 'A page needs a title.');
    if (title.length > MAX_TITLE_CHARS) throw new ConfluenceError(400, `A title has at most ${MAX_TITLE_CHARS} characters.`);
    if (input.body.length > MAX_BODY_CHARS) throw new ConfluenceError(400, `A body has at most ${MAX_BODY_CHARS} characters.`);
    if (this.listPages(space.key).some((p) => p.title.toLowerCase() === title.toLowerCase())) {
      throw new ConfluenceError(400, `A page with this title already exists in ${space.name}.`);
    }
    const db = this.store.database;
    const max =
      (db.prepare('SELECT MAX(CAST(id AS INTEGER)) AS n FROM confluence_pages').get() as { n: number | null }).n ?? FIRST_PAGE_ID - 1;
    const id = String(Math.max(max + 1, FIRST_PAGE_ID));
    const at = new Date().toISOString();
    db.prepare(
      'INSERT INTO confluence_pages (id, space_key, title, blocks, version, author, created, updated) VALUES (?, ?, ?, ?, 1, ?, ?, ?)',
    ).run(id, space.key, title, JSON.stringify(paragraphsOf(input.body)), input.authorAccountId, at, at);
    return defined(this.getPage(id), `page ${id} just created`);
  }

  private savePage(page: PageRow): PageRow {
    const at = new Date().toISOString();
    this.store.database
      .prepare('UPDATE confluence_pages SET blocks = ?, version = version + 1, updated = ? WHERE id = ?')
      .run(JSON.stringify(page.blocks), at, page.id);
    return defined(this.getPage(page.id), `page ${page.id} just saved`);
  }

  private pageOrThrow(pageId: string): PageRow {
    const page = this.getPage(pageId);
    if (!page) throw new ConfluenceError(404, `No page ${pageId}.`);
    return page;
  }

  getMacro(pageId: string, localId: string): MacroBlock | undefined {
    return this.getPage(pageId)?.blocks.find((b): b is MacroBlock => b.type === 'macro' && b.localId === localId);
  }

  /** Adds a macro slot at the end of the page (or after block `after`). */
  insertMacro(pageId: string, moduleKey: string, opts: { config?: Record<string, unknown> | null; after?: number } = {}): MacroBlock {
    const page = this.pageOrThrow(pageId);
    const block: MacroBlock = { type: 'macro', localId: randomUUID(), moduleKey, config: opts.config ?? null };
    const at = opts.after === undefined ? page.blocks.length : Math.max(0, Math.min(page.blocks.length, opts.after + 1));
    page.blocks.splice(at, 0, block);
    this.savePage(page);
    return block;
  }

  /** What `view.submit({ config })` does: stores the macro's config in the page (a new page version). */
  setMacroConfig(pageId: string, localId: string, config: unknown): MacroBlock {
    if (!config || typeof config !== 'object' || Array.isArray(config)) throw new ConfluenceError(400, 'A macro config must be an object.');
    const text = JSON.stringify(config);
    if (text.length > MAX_CONFIG_CHARS)
      throw new ConfluenceError(400, `A macro config has at most ${MAX_CONFIG_CHARS} characters of JSON.`);
    const page = this.pageOrThrow(pageId);
    const block = page.blocks.find((b): b is MacroBlock => b.type === 'macro' && b.localId === localId);
    if (!block) throw new ConfluenceError(404, `No macro ${localId} on page ${pageId}.`);
    block.config = JSON.parse(text) as Record<string, unknown>;
    this.savePage(page);
    return block;
  }

  removeMacro(pageId: string, localId: string): boolean {
    const page = this.pageOrThrow(pageId);
    const before = page.blocks.length;
    page.blocks = page.blocks.filter((b) => !(b.type === 'macro' && b.localId === localId));
    if (page.blocks.length === before) return false;
    this.savePage(page);
    return true;
  }
}
