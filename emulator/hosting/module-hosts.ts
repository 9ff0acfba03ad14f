/**
 * Hosting driven by manifest.yml: every `macro`, `jira:projectPage` and
 * `jira:issuePanel` module declared there is hosted with its own resource
 * (`resources[].path`, e.g. static/<resource>/build) and the context Forge
 * gives that module. Adds the Confluence-like pages (spaces, pages with macro
 * slots, the macro config flow), the Jira project page host, and the fault
 * and settings controls.
 */
import fs from 'node:fs';
import path from 'node:path';
import express, { type Express, type Request, type Response } from 'express';
import { parse as parseYaml } from 'yaml';
import { ConfluenceError, type ConfluenceStandIn, type MacroBlock, type PageRow, type SpaceRow } from '../confluence/confluence-stand-in';
import { DEFAULT_PROPERTY_KEY, type FaultRegistry, type FaultSpec, type SiteSettings } from '../controls/fault-registry';
import { moduleLocalId, RESOURCES, type ColorMode, type FrameGrant, type FrameRegistry } from './frames';
import type { PageFrame } from './pages/jira-pages';
import { renderConfluenceHome, renderConfluencePage, renderProjectPage, renderSettingsPage, renderSpacePage, type MacroSlotView } from './pages/jira-pages';
import type { LocalStore, ProjectRow } from '../store/local-store';

export type HostedModuleType = 'macro' | 'jira:projectPage' | 'jira:issuePanel';
export const HOSTED_MODULE_TYPES: HostedModuleType[] = ['macro', 'jira:projectPage', 'jira:issuePanel'];

export interface MacroConfigSpec {
  resource: string;
  title: string;
  viewportSize: string;
  openOnInsert: boolean;
}

export interface HostedModule {
  type: HostedModuleType;
  key: string;
  title: string;
  resource: string;
  description?: string;
  /** Macros: the config view (a Custom UI resource), when declared. */
  config?: MacroConfigSpec;
  /** Macros: block or inline (default block). */
  layout?: string;
  viewportSize?: string;
}

export interface ModuleRegistryOptions {
  /** manifest.yml to read modules and resources from; default <repo>/manifest.yml. */
  manifestPath?: string;
  /** Where the manifest's resource paths are resolved from; default the manifest's folder. */
  staticRoot?: string;
  /** Legacy: replaces `static/` in resource paths (startSite's `staticDir`). */
  staticDir?: string;
}

const REPO_ROOT = path.resolve(__dirname, '..', '..');

const titleOf = (value: unknown, fallback: string): string => {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { i18n?: unknown }).i18n === 'string') return (value as { i18n: string }).i18n;
  return fallback;
};

/** The modules and resources of a manifest, re-read when the file changes. */
export class ModuleRegistry {
  readonly manifestPath: string;
  private readonly root: string;
  private mtimeMs = -1;
  private hosted: HostedModule[] = [];
  private resources = new Map<string, string>();
  private loadError: string | null = null;

  constructor(private readonly opts: ModuleRegistryOptions = {}) {
    this.manifestPath = path.resolve(opts.manifestPath ?? path.join(REPO_ROOT, 'manifest.yml'));
    this.root = path.resolve(opts.staticRoot ?? path.dirname(this.manifestPath));
    this.refresh();
  }

  /** Why the manifest could not be read, if it could not. */
  get error(): string | null {
    this.refresh();
    return this.loadError;
  }

  private refresh(): void {
    let mtimeMs: number;
    try {
      mtimeMs = fs.statSync(this.manifestPath).mtimeMs;
    } catch {
      this.loadError = `No manifest at ${this.manifestPath}.`;
      this.hosted = [];
      this.resources.clear();
      return;
    }
    if (mtimeMs === this.mtimeMs) return;
    this.mtimeMs = mtimeMs;
    try {
      const doc = (parseYaml(fs.readFileSync(this.manifestPath, 'utf8')) ?? {}) as { modules?: Record<string, unknown>; resources?: unknown };
      const resources = new Map<string, string>();
      for (const r of Array.isArray(doc.resources) ? doc.resources : []) {
        const { key, path: p } = (r ?? {}) as { key?: unknown; path?: unknown };
        if (typeof key === 'string' && typeof p === 'string') resources.set(key, p);
      }
      const hosted: HostedModule[] = [];
      for (const type of HOSTED_MODULE_TYPES) {
        const list = doc.modules?.[type];
        for (const raw of Array.isArray(list) ? list : []) {
          const m = (raw ?? {}) as Record<string, unknown>;
          if (typeof m.key !== 'string' || typeof m.resource !== 'string') continue;
          const mod: HostedModule = { type, key: m.key, title: titleOf(m.title, m.key), resource: m.resource };
          if (typeof m.description === 'string') mod.description = m.description;
          if (typeof m.layout === 'string') mod.layout = m.layout;
          if (typeof m.viewportSize === 'string') mod.viewportSize = m.viewportSize;
          const c = m.config as Record<string, unknown> | boolean | undefined;
          if (type === 'macro' && c && typeof c === 'object' && typeof c.resource === 'string') {
            mod.config = {
              resource: c.resource,
              title: titleOf(c.title, `Configure ${mod.title}`),
              viewportSize: typeof c.viewportSize === 'string' ? c.viewportSize : 'medium',
              openOnInsert: c.openOnInsert === true,
            };
          }
          hosted.push(mod);
        }
      }
      this.hosted = hosted;
      this.resources = resources;
      this.loadError = null;
    } catch (error) {
      this.loadError = `The manifest ${this.manifestPath} could not be read: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  modules(type?: HostedModuleType): HostedModule[] {
    this.refresh();
    return this.hosted.filter((m) => !type || m.type === type).map((m) => ({ ...m }));
  }

  module(type: HostedModuleType, key: string): HostedModule | undefined {
    return this.modules(type).find((m) => m.key === key);
  }

  /** The build folder of a resource, or undefined when the manifest does not declare it. */
  resourceDir(resource: string): string | undefined {
    this.refresh();
    const declared = this.resources.get(resource);
    if (declared !== undefined) {
      const normalised = declared.replace(/\\/g, '/').replace(/^\.\//, '');
      if (this.opts.staticDir && normalised.startsWith('static/')) return path.join(this.opts.staticDir, normalised.slice('static/'.length));
      return path.resolve(this.root, declared);
    }
    // The issue panel stays hostable when a (test) manifest leaves it out.
    if (resource in RESOURCES) return path.join(this.opts.staticDir ?? path.join(REPO_ROOT, 'static'), resource, 'build');
    return undefined;
  }
}

// --- contexts, as Forge passes them to the resolver (getContext adds accountId, locale, theme...) ----

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

export function projectPageContext(module: Pick<HostedModule, 'key'>, project: Pick<ProjectRow, 'id' | 'key'>, siteUrl: string): Record<string, unknown> {
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

// --- the routes ------------------------------------------------------------------------------------

export interface ModuleHostDeps {
  store: LocalStore;
  confluence: ConfluenceStandIn;
  frames: FrameRegistry;
  registry: ModuleRegistry;
  faults: FaultRegistry;
  settings: SiteSettings;
  siteUrl: () => string;
  pageFrame: (req: Request) => PageFrame;
}

export interface OpenedFrame {
  grant: FrameGrant;
  src: string;
}

export interface ModuleHosts {
  registry: ModuleRegistry;
  /** Issues a frame for a macro on a page, as the page view does. */
  openMacro(accountId: string, pageId: string, localId: string, colorMode?: ColorMode): OpenedFrame;
  /** Issues a frame for a macro's config view, as the Edit action does. */
  openMacroConfig(accountId: string, pageId: string, localId: string, opts?: { inserting?: boolean; colorMode?: ColorMode }): OpenedFrame;
  /** Issues a frame for a jira:projectPage module on a project. */
  openProjectPage(accountId: string, projectKey: string, moduleKey: string, colorMode?: ColorMode): OpenedFrame;
  /** The links the index page shows per project. */
  indexLinks(): { projectPages: Array<{ key: string; title: string }> };
}

const srcOf = (grant: FrameGrant) => `/forge/resources/${encodeURIComponent(grant.resource)}/${grant.token}/index.html`;

export function mountModuleHosts(app: Express, deps: ModuleHostDeps): ModuleHosts {
  const { store, confluence, frames, registry, faults, settings } = deps;
  const form = express.urlencoded({ extended: false, limit: '64kb' });
  const jsonBody = express.json({ limit: '1mb' });
  const sendHtml = (res: Response, status: number, html: string) => res.status(status).type('html').set('cache-control', 'no-store').send(html);
  const wantsJson = (req: Request) => req.is('json') === 'json' || (req.get('accept') ?? '').includes('application/json');

  const macroParts = (pageId: string, localId: string) => {
    const page = confluence.getPage(pageId);
    const space = page && confluence.getSpace(page.spaceKey);
    const macro = page?.blocks.find((b): b is MacroBlock => b.type === 'macro' && b.localId === localId);
    if (!page || !space || !macro) throw new ConfluenceError(404, `No macro ${localId} on page ${pageId}.`);
    const module = registry.module('macro', macro.moduleKey);
    if (!module) throw new ConfluenceError(404, `The macro module "${macro.moduleKey}" is not declared in ${path.basename(registry.manifestPath)}.`);
    return { page, space, macro, module };
  };

  const hosts: ModuleHosts = {
    registry,
    openMacro(accountId, pageId, localId, colorMode = 'light') {
      const { page, space, macro, module } = macroParts(pageId, localId);
      const grant = frames.issue({
        resource: module.resource,
        accountId,
        context: macroContext({ module, space, page, macro, siteUrl: deps.siteUrl() }),
        colorMode,
        role: { kind: 'macro', pageId, macroLocalId: localId },
      });
      return { grant, src: srcOf(grant) };
    },
    openMacroConfig(accountId, pageId, localId, opts = {}) {
      const { page, space, macro, module } = macroParts(pageId, localId);
      if (!module.config) throw new ConfluenceError(400, `The macro "${module.key}" declares no config resource.`);
      const grant = frames.issue({
        resource: module.config.resource,
        accountId,
        context: macroContext({ module, space, page, macro, siteUrl: deps.siteUrl(), configuring: true, inserting: opts.inserting === true }),
        colorMode: opts.colorMode ?? 'light',
        role: { kind: 'macro-config', pageId, macroLocalId: localId, inserting: opts.inserting === true },
      });
      return { grant, src: srcOf(grant) };
    },
    openProjectPage(accountId, projectKey, moduleKey, colorMode = 'light') {
      const project = store.getProject(projectKey);
      if (!project) throw new Error(`No project ${projectKey}.`);
      const module = registry.module('jira:projectPage', moduleKey);
      if (!module) throw new Error(`No jira:projectPage module "${moduleKey}" in the manifest.`);
      const grant = frames.issue({ resource: module.resource, accountId, context: projectPageContext(module, project, deps.siteUrl()), colorMode });
      return { grant, src: srcOf(grant) };
    },
    indexLinks: () => ({ projectPages: registry.modules('jira:projectPage').map((m) => ({ key: m.key, title: m.title })) }),
  };

  const fail = (req: Request, res: Response, error: unknown, back?: string) => {
    const status = error instanceof ConfluenceError ? error.status : 400;
    const message = error instanceof Error ? error.message : String(error);
    if (wantsJson(req)) res.status(status).json({ ok: false, error: { message } });
    else sendHtml(res, status, `<!doctype html><meta charset="utf-8"><title>Error</title><p>${message.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)}</p>${back ? `<p><a href="${back}">Back</a></p>` : ''}`);
  };

  // --- Confluence ----------------------------------------------------------------------------

  app.get(['/wiki', '/wiki/', '/wiki/spaces'], (req, res) => {
    sendHtml(res, 200, renderConfluenceHome(deps.pageFrame(req), confluence.listSpaces().map((s) => ({ space: s, pages: confluence.listPages(s.key) }))));
  });

  app.get('/wiki/spaces/:spaceKey', (req, res) => {
    const space = confluence.getSpace(req.params.spaceKey);
    if (!space) return fail(req, res, new ConfluenceError(404, `No space ${req.params.spaceKey}.`), '/wiki');
    sendHtml(res, 200, renderSpacePage(deps.pageFrame(req), space, confluence.listPages(space.key)));
  });

  app.post('/wiki/spaces/:spaceKey/pages', form, jsonBody, (req, res) => {
    const frame = deps.pageFrame(req);
    try {
      const page = confluence.createPage({
        spaceKey: req.params.spaceKey,
        title: String(req.body?.title ?? ''),
        body: String(req.body?.body ?? ''),
        authorAccountId: frame.user.accountId,
      });
      if (wantsJson(req)) res.status(201).json({ ok: true, value: page });
      else res.redirect(303, `/wiki/spaces/${encodeURIComponent(page.spaceKey)}/pages/${page.id}`);
    } catch (error) {
      fail(req, res, error, `/wiki/spaces/${encodeURIComponent(req.params.spaceKey)}`);
    }
  });

  app.get('/wiki/spaces/:spaceKey/pages/:pageId', (req, res) => {
    const frame = deps.pageFrame(req);
    const page = confluence.getPage(req.params.pageId);
    const space = page && confluence.getSpace(page.spaceKey);
    if (!page || !space || space.key !== req.params.spaceKey.toUpperCase()) {
      return fail(req, res, new ConfluenceError(404, `No page ${req.params.pageId} in space ${req.params.spaceKey}.`), '/wiki');
    }
    const slots: MacroSlotView[] = page.blocks
      .filter((b): b is MacroBlock => b.type === 'macro')
      .map((macro) => {
        const module = registry.module('macro', macro.moduleKey);
        if (!module) return { macro, missing: `The macro module "${macro.moduleKey}" is not declared in ${path.basename(registry.manifestPath)}: nothing to host here.` };
        const opened = hosts.openMacro(frame.user.accountId, page.id, macro.localId, frame.colorMode);
        return { macro, module, frame: opened };
      });
    let modal: { title: string; viewportSize: string; frame: OpenedFrame; localId: string } | undefined;
    const configure = typeof req.query.configure === 'string' ? req.query.configure : undefined;
    if (configure) {
      const macro = confluence.getMacro(page.id, configure);
      const module = macro && registry.module('macro', macro.moduleKey);
      if (macro && module?.config) {
        const opened = hosts.openMacroConfig(frame.user.accountId, page.id, macro.localId, { inserting: req.query.inserting === '1', colorMode: frame.colorMode });
        modal = { title: module.config.title, viewportSize: module.config.viewportSize, frame: opened, localId: macro.localId };
      }
    }
    sendHtml(res, 200, renderConfluencePage(frame, space, page, slots, registry.modules('macro'), modal));
  });

  app.post('/wiki/spaces/:spaceKey/pages/:pageId/macros', form, jsonBody, (req, res) => {
    const pageUrl = `/wiki/spaces/${encodeURIComponent(req.params.spaceKey)}/pages/${encodeURIComponent(req.params.pageId)}`;
    try {
      const moduleKey = String(req.body?.moduleKey ?? '');
      const module = registry.module('macro', moduleKey);
      if (!module) throw new ConfluenceError(400, `No macro module "${moduleKey}" in the manifest. Known: ${registry.modules('macro').map((m) => m.key).join(', ') || 'none'}.`);
      const macro = confluence.insertMacro(req.params.pageId, module.key);
      const configure = module.config?.openOnInsert === true;
      if (wantsJson(req)) res.status(201).json({ ok: true, value: { macro, configure } });
      else res.redirect(303, configure ? `${pageUrl}?configure=${encodeURIComponent(macro.localId)}&inserting=1` : pageUrl);
    } catch (error) {
      fail(req, res, error, pageUrl);
    }
  });

  app.post('/wiki/spaces/:spaceKey/pages/:pageId/macros/:localId/delete', form, (req, res) => {
    const pageUrl = `/wiki/spaces/${encodeURIComponent(req.params.spaceKey)}/pages/${encodeURIComponent(req.params.pageId)}`;
    try {
      confluence.removeMacro(req.params.pageId, req.params.localId);
      if (wantsJson(req)) res.json({ ok: true, value: null });
      else res.redirect(303, pageUrl);
    } catch (error) {
      fail(req, res, error, pageUrl);
    }
  });

  // --- Jira project pages ---------------------------------------------------------------------

  app.get('/jira/projects/:key/apps/:moduleKey', (req, res) => {
    const frame = deps.pageFrame(req);
    const project = store.getProject(req.params.key);
    const module = registry.module('jira:projectPage', req.params.moduleKey);
    if (!project || !module || store.permissionLevel(frame.user.accountId, project.key) === 'none') {
      return fail(req, res, new ConfluenceError(404, `No project page "${req.params.moduleKey}" on project ${req.params.key} (or you cannot browse the project).`), '/');
    }
    const opened = hosts.openProjectPage(frame.user.accountId, project.key, module.key, frame.colorMode);
    sendHtml(res, 200, renderProjectPage(frame, project, module, opened, hosts.indexLinks().projectPages));
  });

  // --- the bridge's submit and close ------------------------------------------------------------

  const grantOf = (req: Request, res: Response): FrameGrant | undefined => {
    const grant = frames.get(req.body?.token);
    if (!grant) res.status(403).json({ ok: false, error: { message: 'This frame is not known to the local site (it may predate a restart): reload the page.' } });
    return grant;
  };

  app.post('/__local/bridge/submit', jsonBody, (req, res) => {
    const grant = grantOf(req, res);
    if (!grant) return;
    // Only a macro's config view is submittable; elsewhere Forge answers false and the bridge throws.
    if (grant.role?.kind !== 'macro-config') return void res.json({ ok: true, value: false });
    const payload = (req.body?.payload ?? {}) as { config?: unknown; keepEditing?: unknown };
    try {
      const macro = confluence.setMacroConfig(grant.role.pageId, grant.role.macroLocalId, payload.config);
      // The open config view now sees the stored config, as Forge's does.
      const extension = grant.context.extension as Record<string, unknown>;
      extension.config = macro.config;
      res.json({ ok: true, value: true, keepEditing: payload.keepEditing === true });
    } catch (error) {
      res.status(error instanceof ConfluenceError ? error.status : 400).json({ ok: false, error: { message: error instanceof Error ? error.message : String(error) } });
    }
  });

  app.post('/__local/bridge/close', jsonBody, (req, res) => {
    const grant = grantOf(req, res);
    if (!grant) return;
    res.json({ ok: true, value: grant.role?.kind === 'macro-config' });
  });

  // --- faults and settings ---------------------------------------------------------------------

  const backToSettings = (req: Request, res: Response, value: unknown, status = 200) => {
    if (req.is('json') === 'json') res.status(status).json({ ok: true, value });
    else res.redirect(303, '/__local/settings');
  };
  const numberOrUndefined = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : Number(v));

  /** A fault from JSON, or from the settings form (strings). */
  const specOf = (body: Record<string, unknown>): FaultSpec => {
    if (body.kind === undefined) return body as FaultSpec;
    const spec: FaultSpec = { target: (body.target as FaultSpec['target']) || 'jira' };
    if (typeof body.endpoint === 'string' && body.endpoint.trim()) spec.endpoint = body.endpoint.trim();
    if (typeof body.pathIncludes === 'string' && body.pathIncludes.trim()) spec.pathIncludes = body.pathIncludes.trim();
    const times = numberOrUndefined(body.times);
    spec.times = times === undefined ? null : times;
    const ms = numberOrUndefined(body.ms);
    switch (body.kind) {
      case 'latency':
        spec.latencyMs = ms ?? 1000;
        break;
      case 'rate-limit':
        spec.status = 429;
        spec.headers = { 'Retry-After': String(numberOrUndefined(body.retryAfter) ?? 1) };
        break;
      case 'timeout':
        spec.timeout = true;
        if (ms !== undefined) spec.timeoutMs = ms;
        break;
      default:
        spec.status = numberOrUndefined(body.status) ?? 500;
    }
    return spec;
  };

  app.get('/__local/faults', (_req, res) => res.set('cache-control', 'no-store').json({ faults: faults.list(), settings }));

  app.post('/__local/faults', form, jsonBody, (req, res) => {
    try {
      backToSettings(req, res, faults.add(specOf((req.body ?? {}) as Record<string, unknown>)), 201);
    } catch (error) {
      fail(req, res, error, '/__local/settings');
    }
  });

  app.post('/__local/faults/property', form, jsonBody, (req, res) => {
    try {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const written = faults.malformedProperty(String(body.issueKey ?? ''), {
        propertyKey: typeof body.propertyKey === 'string' && body.propertyKey ? body.propertyKey : DEFAULT_PROPERTY_KEY,
        mode: body.mode === 'foreign' ? 'foreign' : 'invalid',
        ...(typeof body.text === 'string' && body.text ? { text: body.text } : {}),
      });
      backToSettings(req, res, written, 201);
    } catch (error) {
      fail(req, res, error, '/__local/settings');
    }
  });

  app.post('/__local/faults/clear', form, jsonBody, (req, res) => {
    faults.clear();
    backToSettings(req, res, null);
  });

  app.delete('/__local/faults', (_req, res) => {
    faults.clear();
    res.status(204).end();
  });

  app.delete('/__local/faults/:id', (req, res) => {
    res.status(faults.remove(req.params.id) ? 204 : 404).end();
  });

  app.post('/__local/faults/:id/delete', form, (req, res) => {
    faults.remove(req.params.id);
    backToSettings(req, res, null);
  });

  app.get('/__local/settings', (req, res) => {
    sendHtml(res, 200, renderSettingsPage(deps.pageFrame(req), faults.list(), settings));
  });

  app.post('/__local/settings', form, jsonBody, (req, res) => {
    const value = req.body?.confluenceAsUserJira;
    if (value !== undefined) {
      if (value !== 'granted' && value !== 'needs-auth') return fail(req, res, new Error('confluenceAsUserJira must be "granted" or "needs-auth".'), '/__local/settings');
      settings.confluenceAsUserJira = value;
    }
    backToSettings(req, res, settings);
  });

  return hosts;
}
