/**
 * Confluence on the emulated site: its content (confluence-content.ts) and
 * the few Confluence REST v2 endpoints an app reads (`requestConfluence`):
 * `pages/{id}`, `spaces`, `spaces/{id}`, `spaces/{id}/pages`.
 */
import { STATUS_CODES } from 'node:http';
import type { StandInActor, StandInRequest, StandInResponse } from '../runtime/stand-in-http';
import type { LocalStore } from '../store/local-store';
import { ConfluenceContent, type PageRow, type SpaceRow } from './confluence-content';

export * from './confluence-content';

interface ConfluenceRoute {
  template: string;
  pattern: RegExp;
  handle: (url: URL, params: string[]) => StandInResponse;
}

export class ConfluenceStandIn extends ConfluenceContent {
  private readonly routes: ConfluenceRoute[];

  constructor(
    store: LocalStore,
    private readonly siteUrl: () => string,
    /** The app's ids, for macro extension keys in ADF. */
    private readonly extensionKeyOf: (moduleKey: string) => string = (m) => `local-learning-loop/local-development/static/${m}`,
  ) {
    super(store);
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
      route('/wiki/api/v2/pages/{id}', (u, [id = '']) => {
        const page = this.getPage(id);
        return page ? this.json(u, 200, this.pageJson(page, u)) : this.notFound(u);
      }),
    ];
  }

  handle(actor: StandInActor, req: StandInRequest): StandInResponse {
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
    const error = (status: number, title: string) =>
      reply(status, {
        errors: [{ status, code: (STATUS_CODES[status] ?? 'ERROR').toUpperCase().replace(/\W+/g, '_'), title, detail: null }],
      });
    if (!found) return error(501, `The local Confluence stand-in does not serve ${method} ${url.pathname} yet.`);
    if (method !== 'GET') return error(405, `Method ${method} is not allowed on ${url.pathname}.`);
    if (actor.kind === 'anonymous' || (actor.kind === 'user' && !this.store.getUser(actor.accountId)))
      return error(401, 'Unauthorized; scope does not match');
    const params = (found.pattern.exec(url.pathname) ?? []).slice(1).map((p) => decodeURIComponent(p));
    const res = found.handle(url, params);
    return { ...res, endpoint };
  }

  private json(_url: URL, status: number, body: unknown): StandInResponse {
    return {
      status,
      statusText: STATUS_CODES[status] ?? '',
      headers: { 'content-type': 'application/json;charset=UTF-8' },
      body: JSON.stringify(body),
      endpoint: '',
    };
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
    if (format === 'atlas_doc_format')
      body.atlas_doc_format = { value: JSON.stringify(this.adfOf(page)), representation: 'atlas_doc_format' };
    if (format === 'storage') {
      const esc = (t: string) => t.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
      body.storage = {
        value: page.blocks
          .map((b) =>
            b.type === 'paragraph'
              ? `<p>${esc(b.text)}</p>`
              : `<ac:adf-extension><ac:adf-node type="extension"><ac:adf-attribute key="extension-key">${esc(this.extensionKeyOf(b.moduleKey))}</ac:adf-attribute><ac:adf-attribute key="local-id">${b.localId}</ac:adf-attribute></ac:adf-node></ac:adf-extension>`,
          )
          .join(''),
        representation: 'storage',
      };
    }
    return {
      id: page.id,
      status: 'current',
      title: page.title,
      spaceId: space?.id ?? null,
      // The emulator's pages have no parent: Confluence v2's PageSingle types parentId and parentType
      // as strings (not nullable), so they are left out rather than null.
      authorId: page.authorAccountId,
      ownerId: page.authorAccountId,
      createdAt: page.created,
      version: { number: page.version, createdAt: page.updated, message: '', minorEdit: false, authorId: page.authorAccountId },
      body,
      _links: {
        webui: `/spaces/${page.spaceKey}/pages/${page.id}`,
        editui: `/pages/resumedraft.action?draftId=${page.id}`,
        tinyui: `/x/${page.id}`,
        base: `${this.siteUrl()}/wiki`,
      },
    };
  }
}
