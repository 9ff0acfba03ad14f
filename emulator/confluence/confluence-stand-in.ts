/**
 * The Confluence side of the local site: spaces and pages whose bodies hold
 * text and macro slots (Forge macros with their stored config), kept in the
 * embedded store, plus the few Confluence REST v2 endpoints an app reads
 * (`requestConfluence`). Seeded with the "Product Learnings" space.
 */
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { JiraActor, StandInRequest, StandInResponse } from '../jira/jira-stand-in';
import type { LocalStore } from '../store/local-store';

/** The retro page carries the macro's "surprises of the current sprint" preset, as a retro page template would. */
const RETRO_PAGE_MACRO_CONFIG = {
  title: 'Surprises this sprint',
  jql: 'project = FLEX AND sprint in openSprints() AND learningSurprise = "true"',
  groupBy: 'none',
};

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
/** The macro the seeded pages embed: the app's "Learnings from Jira". */
export const SEED_MACRO_KEY = 'learnings-macro';

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

interface ConfluenceRoute {
  template: string;
  pattern: RegExp;
  handle: (url: URL, params: string[]) => StandInResponse;
}

export class ConfluenceStandIn {
  private readonly routes: ConfluenceRoute[];

  constructor(
    private readonly store: LocalStore,
    private readonly siteUrl: () => string,
    /** The app's ids, for macro extension keys in ADF. */
    private readonly extensionKeyOf: (moduleKey: string) => string = (m) => `local-learning-loop/local-development/static/${m}`,
  ) {
    store.database.exec(SCHEMA);
    if (store.getMeta(SEEDED_META) === undefined) this.reset();
    const route = (template: string, handle: ConfluenceRoute['handle']): ConfluenceRoute => ({
      template,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '([^/]+)')}/?$`),
      handle,
    });
    this.routes = [
      route('/wiki/api/v2/spaces', (u) => this.json(u, 200, { results: this.listSpaces().map((s) => this.spaceJson(s)), _links: {} })),
      route('/wiki/api/v2/spaces/{id}', (u, [id]) => {
        const space = this.listSpaces().find((s) => s.id === id);
        return space ? this.json(u, 200, this.spaceJson(space)) : this.notFound(u);
      }),
      route('/wiki/api/v2/spaces/{id}/pages', (u, [id]) => {
        const space = this.listSpaces().find((s) => s.id === id);
        if (!space) return this.notFound(u);
        return this.json(u, 200, { results: this.listPages(space.key).map((p) => this.pageJson(p, u)), _links: {} });
      }),
      route('/wiki/api/v2/pages/{id}', (u, [id]) => {
        const page = this.getPage(id!);
        return page ? this.json(u, 200, this.pageJson(page, u)) : this.notFound(u);
      }),
    ];
  }

  // --- data ----------------------------------------------------------------------

  /** Puts the seeded space and pages back (the demo reset). */
  reset(): void {
    const db = this.store.database;
    const author = this.store.findUser('alice')?.accountId ?? 'unknown';
    const at = '2026-11-16T09:00:00.000Z';
    const seedPages: Array<{ title: string; blocks: PageBlock[] }> = [
      {
        title: 'Pricing experiments — what we learned',
        blocks: [
          ...paragraphsOf(
            'Every pricing experiment we ran this half, with what it taught us. The list below is live: it comes from the Jira tickets, so it is current every time this page is viewed.\n\n' +
              'Start with the surprises: they are the learnings most likely to change what the next team tries.',
          ),
          { type: 'macro', localId: '4f6c1a52-2b0e-4d7a-9a51-7c3e2f1d0a11', moduleKey: SEED_MACRO_KEY, config: { jql: 'learningTags = pricing' } },
          ...paragraphsOf('Questions about an experiment? Ask in #pricing-guild, or open the ticket and read its hypothesis.'),
        ],
      },
      {
        title: 'Sprint retro — FLEX Sprint 23',
        blocks: [
          ...paragraphsOf('Retro of the Flex team, sprint 23. What went well, what did not, and what surprised us.\n\nSurprises this sprint:'),
          { type: 'macro', localId: '9b2d7e40-5c1f-4a8e-8f3b-2d6a1e9c4b22', moduleKey: SEED_MACRO_KEY, config: RETRO_PAGE_MACRO_CONFIG },
          ...paragraphsOf('Actions: label the refund option more clearly; rerun the Spain test with a larger sample.'),
        ],
      },
      {
        title: 'How we run experiments',
        blocks: paragraphsOf(
          'Write the hypothesis on the ticket before the work starts: "We believe … will … We\'ll know when …".\n\n' +
            'Add what you learned while you work and when you finish, and flag what surprised you. Link the evidence.',
        ),
      },
    ];
    this.store.transaction(() => {
      db.exec('DELETE FROM confluence_spaces; DELETE FROM confluence_pages;');
      db.prepare('INSERT INTO confluence_spaces (id, key, name, description) VALUES (?, ?, ?, ?)').run(
        '98305',
        'PL',
        'Product Learnings',
        'What our teams learned from their experiments, collected from Jira.',
      );
      const add = db.prepare('INSERT INTO confluence_pages (id, space_key, title, blocks, version, author, created, updated) VALUES (?, ?, ?, ?, 1, ?, ?, ?)');
      seedPages.forEach((p, i) => add.run(String(FIRST_PAGE_ID + i), 'PL', p.title, JSON.stringify(p.blocks), author, at, at));
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
    const rows = this.store.database.prepare('SELECT * FROM confluence_pages WHERE space_key = ? ORDER BY CAST(id AS INTEGER)').all(spaceKey) as PageDbRow[];
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
    const max = (db.prepare('SELECT MAX(CAST(id AS INTEGER)) AS n FROM confluence_pages').get() as { n: number | null }).n ?? FIRST_PAGE_ID - 1;
    const id = String(Math.max(max + 1, FIRST_PAGE_ID));
    const at = new Date().toISOString();
    db.prepare('INSERT INTO confluence_pages (id, space_key, title, blocks, version, author, created, updated) VALUES (?, ?, ?, ?, 1, ?, ?, ?)').run(
      id,
      space.key,
      title,
      JSON.stringify(paragraphsOf(input.body)),
      input.authorAccountId,
      at,
      at,
    );
    return this.getPage(id)!;
  }

  private savePage(page: PageRow): PageRow {
    const at = new Date().toISOString();
    this.store.database
      .prepare('UPDATE confluence_pages SET blocks = ?, version = version + 1, updated = ? WHERE id = ?')
      .run(JSON.stringify(page.blocks), at, page.id);
    return this.getPage(page.id)!;
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
    if (text.length > MAX_CONFIG_CHARS) throw new ConfluenceError(400, `A macro config has at most ${MAX_CONFIG_CHARS} characters of JSON.`);
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

  // --- REST (requestConfluence) -----------------------------------------------------

  handle(actor: JiraActor, req: StandInRequest): StandInResponse {
    const url = new URL(req.path, 'http://confluence.local');
    const method = req.method.toUpperCase();
    const found = this.routes.find((r) => r.pattern.test(url.pathname));
    const endpoint = `${method} ${found ? found.template : url.pathname}`;
    const reply = (status: number, body: unknown): StandInResponse => ({
      status,
      statusText: STATUS_CODES[status] ?? '',
      headers: { 'content-type': 'application/json;charset=UTF-8' },
      body: JSON.stringify(body),
      endpoint,
    });
    const error = (status: number, title: string) => reply(status, { errors: [{ status, code: (STATUS_CODES[status] ?? 'ERROR').toUpperCase().replace(/\W+/g, '_'), title, detail: null }] });
    if (!found) return error(501, `The local Confluence stand-in does not serve ${method} ${url.pathname} yet.`);
    if (method !== 'GET') return error(405, `Method ${method} is not allowed on ${url.pathname}.`);
    if (actor.kind === 'anonymous' || (actor.kind === 'user' && !this.store.getUser(actor.accountId))) return error(401, 'Unauthorized; scope does not match');
    const params = (found.pattern.exec(url.pathname) ?? []).slice(1).map((p) => decodeURIComponent(p));
    const res = found.handle(url, params);
    return { ...res, endpoint };
  }

  private json(_url: URL, status: number, body: unknown): StandInResponse {
    return { status, statusText: STATUS_CODES[status] ?? '', headers: { 'content-type': 'application/json;charset=UTF-8' }, body: JSON.stringify(body), endpoint: '' };
  }

  private notFound(url: URL): StandInResponse {
    return this.json(url, 404, { errors: [{ status: 404, code: 'NOT_FOUND', title: 'Not Found', detail: null }] });
  }

  private spaceJson(space: SpaceRow): Record<string, unknown> {
    return {
      id: space.id,
      key: space.key,
      name: space.name,
      type: 'global',
      status: 'current',
      description: { plain: { value: space.description, representation: 'plain' } },
      _links: { webui: `/spaces/${space.key}` },
    };
  }

  /** ADF of the page: paragraphs and Forge macros as `extension` nodes (config in guestParams). */
  adfOf(page: PageRow): Record<string, unknown> {
    return {
      type: 'doc',
      version: 1,
      content: page.blocks.map((b) =>
        b.type === 'paragraph'
          ? { type: 'paragraph', content: [{ type: 'text', text: b.text }] }
          : {
              type: 'extension',
              attrs: {
                extensionType: 'com.atlassian.ecosystem',
                extensionKey: this.extensionKeyOf(b.moduleKey),
                parameters: { localId: b.localId, guestParams: b.config ?? {} },
                localId: b.localId,
              },
            },
      ),
    };
  }

  private pageJson(page: PageRow, url: URL): Record<string, unknown> {
    const space = this.getSpace(page.spaceKey);
    const format = url.searchParams.get('body-format');
    const body: Record<string, unknown> = {};
    if (format === 'atlas_doc_format') body.atlas_doc_format = { value: JSON.stringify(this.adfOf(page)), representation: 'atlas_doc_format' };
    if (format === 'storage') {
      const esc = (t: string) => t.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
      body.storage = {
        value: page.blocks
          .map((b) => (b.type === 'paragraph' ? `<p>${esc(b.text)}</p>` : `<ac:adf-extension><ac:adf-node type="extension"><ac:adf-attribute key="extension-key">${esc(this.extensionKeyOf(b.moduleKey))}</ac:adf-attribute><ac:adf-attribute key="local-id">${b.localId}</ac:adf-attribute></ac:adf-node></ac:adf-extension>`))
          .join(''),
        representation: 'storage',
      };
    }
    return {
      id: page.id,
      status: 'current',
      title: page.title,
      spaceId: space?.id ?? null,
      parentId: null,
      parentType: null,
      authorId: page.authorAccountId,
      ownerId: page.authorAccountId,
      createdAt: page.created,
      version: { number: page.version, createdAt: page.updated, message: '', minorEdit: false, authorId: page.authorAccountId },
      body,
      _links: { webui: `/spaces/${page.spaceKey}/pages/${page.id}`, editui: `/pages/resumedraft.action?draftId=${page.id}`, tinyui: `/x/${page.id}`, base: `${this.siteUrl()}/wiki` },
    };
  }
}
