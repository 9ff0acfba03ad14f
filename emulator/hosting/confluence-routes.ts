/**
 * The Confluence-like pages (spaces, pages with their macros in iframes,
 * creating a page, inserting and removing a macro, the config dialog) and
 * the Jira project pages of the manifest's jira:projectPage modules.
 */
import path from 'node:path';
import express, { type Express, type Request, type Response } from 'express';
import { ConfluenceError, type MacroBlock, type PageRow } from '../confluence/confluence-stand-in';
import type { SiteParts } from '../site/site-parts';
import { bodyText, fail, pageFrameOf, sendHtml, wantsJson } from './http-helpers';
import type { ModuleHosts } from './module-hosts';
import { renderConfluenceHome, renderConfluencePage, renderSpacePage, type MacroSlotView } from './pages/confluence-pages';
import type { PageFrame } from './pages/html';
import { renderProjectPage } from './pages/project-page';

const pageUrlOf = (req: Request) =>
  `/wiki/spaces/${encodeURIComponent(String(req.params.spaceKey))}/pages/${encodeURIComponent(String(req.params.pageId))}`;

/** The page's macros, each in its frame (or why it cannot be hosted), and the config dialog when asked for. */
function pageView(parts: SiteParts, hosts: ModuleHosts, frame: PageFrame, page: PageRow, req: Request) {
  const { confluence, registry } = parts;
  const slots: MacroSlotView[] = page.blocks
    .filter((b): b is MacroBlock => b.type === 'macro')
    .map((macro) => {
      const module = registry.module('macro', macro.moduleKey);
      if (!module)
        return {
          macro,
          missing: `The macro module "${macro.moduleKey}" is not declared in ${path.basename(registry.manifestPath)}: nothing to host here.`,
        };
      return { macro, module, frame: hosts.openMacro(frame.user.accountId, page.id, macro.localId, frame.colorMode) };
    });
  const configure = typeof req.query.configure === 'string' ? req.query.configure : undefined;
  const macro = configure ? confluence.getMacro(page.id, configure) : undefined;
  const module = macro && registry.module('macro', macro.moduleKey);
  if (!macro || !module?.config) return { slots, modal: undefined };
  const opened = hosts.openMacroConfig(frame.user.accountId, page.id, macro.localId, {
    inserting: req.query.inserting === '1',
    colorMode: frame.colorMode,
  });
  return { slots, modal: { title: module.config.title, viewportSize: module.config.viewportSize, frame: opened, localId: macro.localId } };
}

/** Confluence's answer to inserting a macro the manifest does not declare. */
function unknownMacro(known: Array<{ key: string }>, moduleKey: string): ConfluenceError {
  const names = known.map((m) => m.key).join(', ') || 'none';
  return new ConfluenceError(400, `No macro module "${moduleKey}" in the manifest. Known: ${names}.`);
}

export function mountConfluencePages(app: Express, parts: SiteParts, hosts: ModuleHosts): void {
  const { confluence, registry } = parts;
  const form = express.urlencoded({ extended: false, limit: '64kb' });
  const jsonBody = express.json({ limit: '1mb' });

  app.get(['/wiki', '/wiki/', '/wiki/spaces'], (req, res) => {
    sendHtml(
      res,
      200,
      renderConfluenceHome(
        pageFrameOf(parts, req),
        confluence.listSpaces().map((s) => ({ space: s, pages: confluence.listPages(s.key) })),
      ),
    );
  });

  app.get('/wiki/spaces/:spaceKey', (req, res) => {
    const space = confluence.getSpace(req.params.spaceKey);
    if (!space) {
      fail(req, res, new ConfluenceError(404, `No space ${req.params.spaceKey}.`), '/wiki');
      return;
    }
    sendHtml(res, 200, renderSpacePage(pageFrameOf(parts, req), space, confluence.listPages(space.key)));
  });

  app.post('/wiki/spaces/:spaceKey/pages', form, jsonBody, (req, res) => {
    const frame = pageFrameOf(parts, req);
    try {
      const input = {
        spaceKey: req.params.spaceKey,
        title: bodyText(req, 'title'),
        body: bodyText(req, 'body'),
        authorAccountId: frame.user.accountId,
      };
      const page = confluence.createPage(input);
      if (wantsJson(req)) res.status(201).json({ ok: true, value: page });
      else res.redirect(303, `/wiki/spaces/${encodeURIComponent(page.spaceKey)}/pages/${page.id}`);
    } catch (error) {
      fail(req, res, error, `/wiki/spaces/${encodeURIComponent(req.params.spaceKey)}`);
    }
  });

  app.get('/wiki/spaces/:spaceKey/pages/:pageId', (req, res) => {
    const frame = pageFrameOf(parts, req);
    const page = confluence.getPage(req.params.pageId);
    const space = page && confluence.getSpace(page.spaceKey);
    if (!page || !space || space.key !== req.params.spaceKey.toUpperCase()) {
      fail(req, res, new ConfluenceError(404, `No page ${req.params.pageId} in space ${req.params.spaceKey}.`), '/wiki');
      return;
    }
    const { slots, modal } = pageView(parts, hosts, frame, page, req);
    sendHtml(res, 200, renderConfluencePage(frame, space, page, slots, registry.modules('macro'), modal));
  });

  app.post('/wiki/spaces/:spaceKey/pages/:pageId/macros', form, jsonBody, (req, res) => {
    const pageUrl = pageUrlOf(req);
    try {
      const moduleKey = bodyText(req, 'moduleKey');
      const module = registry.module('macro', moduleKey);
      if (!module) throw unknownMacro(registry.modules('macro'), moduleKey);
      const macro = confluence.insertMacro(req.params.pageId, module.key);
      const configure = module.config?.openOnInsert === true;
      if (wantsJson(req)) res.status(201).json({ ok: true, value: { macro, configure } });
      else res.redirect(303, configure ? `${pageUrl}?configure=${encodeURIComponent(macro.localId)}&inserting=1` : pageUrl);
    } catch (error) {
      fail(req, res, error, pageUrl);
    }
  });

  app.post('/wiki/spaces/:spaceKey/pages/:pageId/macros/:localId/delete', form, (req, res) => {
    const pageUrl = pageUrlOf(req);
    try {
      confluence.removeMacro(req.params.pageId, req.params.localId);
      if (wantsJson(req)) res.json({ ok: true, value: null });
      else res.redirect(303, pageUrl);
    } catch (error) {
      fail(req, res, error, pageUrl);
    }
  });
}

export function mountProjectPages(app: Express, parts: SiteParts, hosts: ModuleHosts): void {
  const { store, registry } = parts;
  // The page itself and any path of the app's under it (view.createHistory): the same page, the frame reads the path.
  const page = (req: Request<{ key: string; moduleKey: string }>, res: Response): void => {
    const frame = pageFrameOf(parts, req);
    const project = store.getProject(req.params.key);
    const module = registry.module('jira:projectPage', req.params.moduleKey);
    if (!project || !module || store.permissionLevel(frame.user.accountId, project.key) === 'none') {
      fail(
        req,
        res,
        new ConfluenceError(
          404,
          `No project page "${req.params.moduleKey}" on project ${req.params.key} (or you cannot browse the project).`,
        ),
        '/',
      );
      return;
    }
    const opened = hosts.openProjectPage(frame.user.accountId, project.key, module.key, frame.colorMode);
    sendHtml(res, 200, renderProjectPage(frame, project, module, opened, hosts.indexLinks().projectPages));
  };
  app.get('/jira/projects/:key/apps/:moduleKey', page);
  app.get('/jira/projects/:key/apps/:moduleKey/*appPath', page);
}
