/**
 * Frames for the manifest's modules, each with the context Forge gives that
 * module type: a macro on a page, a macro's config view, a project page, the global page.
 */
import path from 'node:path';
import { ConfluenceError, type ConfluenceStandIn, type MacroBlock } from '../confluence/confluence-stand-in';
import type { LocalStore } from '../store/local-store';
import { openedFrame, type ColorMode, type FrameRegistry, type OpenedFrame } from './frames';
import { sandboxOf } from './frame-policy';
import { globalPageContext, macroContext, projectPageContext } from './module-contexts';
import type { HostedModule, ModuleRegistry } from './module-registry';

export interface ModuleHosts {
  registry: ModuleRegistry;
  /** Issues a frame for a macro on a page, as the page view does. */
  openMacro(accountId: string, pageId: string, localId: string, colorMode?: ColorMode): OpenedFrame;
  /** Issues a frame for a macro's config view, as the Edit action does. */
  openMacroConfig(accountId: string, pageId: string, localId: string, opts?: { inserting?: boolean; colorMode?: ColorMode }): OpenedFrame;
  /** Issues a frame for a jira:projectPage module on a project. */
  openProjectPage(accountId: string, projectKey: string, moduleKey: string, colorMode?: ColorMode): OpenedFrame;
  /** Issues a frame for the manifest's jira:globalPage module (Forge allows one per app). */
  openGlobalPage(accountId: string, colorMode?: ColorMode): { module: HostedModule; opened: OpenedFrame } | null;
  /** The links the index page shows: per project, and the global page in the Apps menu. */
  indexLinks(): { projectPages: Array<{ key: string; title: string }>; globalPages: Array<{ key: string; title: string }> };
}

export interface ModuleHostDeps {
  store: LocalStore;
  confluence: ConfluenceStandIn;
  frames: FrameRegistry;
  registry: ModuleRegistry;
  siteUrl: () => string;
}

export function createModuleHosts(deps: ModuleHostDeps): ModuleHosts {
  const { store, confluence, frames, registry } = deps;

  const macroParts = (pageId: string, localId: string) => {
    const page = confluence.getPage(pageId);
    const space = page && confluence.getSpace(page.spaceKey);
    const macro = page?.blocks.find((b): b is MacroBlock => b.type === 'macro' && b.localId === localId);
    if (!page || !space || !macro) throw new ConfluenceError(404, `No macro ${localId} on page ${pageId}.`);
    const module = registry.module('macro', macro.moduleKey);
    if (!module)
      throw new ConfluenceError(404, `The macro module "${macro.moduleKey}" is not declared in ${path.basename(registry.manifestPath)}.`);
    return { page, space, macro, module };
  };

  return {
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
      return openedFrame(grant, sandboxOf(registry.permissions()));
    },
    openMacroConfig(accountId, pageId, localId, opts = {}) {
      const { page, space, macro, module } = macroParts(pageId, localId);
      if (!module.config) throw new ConfluenceError(400, `The macro "${module.key}" declares no config resource.`);
      const inserting = opts.inserting === true;
      const grant = frames.issue({
        resource: module.config.resource,
        accountId,
        context: macroContext({ module, space, page, macro, siteUrl: deps.siteUrl(), configuring: true, inserting }),
        colorMode: opts.colorMode ?? 'light',
        role: { kind: 'macro-config', pageId, macroLocalId: localId, inserting },
      });
      return openedFrame(grant, sandboxOf(registry.permissions()));
    },
    openProjectPage(accountId, projectKey, moduleKey, colorMode = 'light') {
      const project = store.getProject(projectKey);
      if (!project) throw new Error(`No project ${projectKey}.`);
      const module = registry.module('jira:projectPage', moduleKey);
      if (!module) throw new Error(`No jira:projectPage module "${moduleKey}" in the manifest.`);
      const grant = frames.issue({
        resource: module.resource,
        accountId,
        context: projectPageContext(module, project, deps.siteUrl()),
        colorMode,
      });
      return openedFrame(grant, sandboxOf(registry.permissions()));
    },
    openGlobalPage(accountId, colorMode = 'light') {
      const module = registry.modules('jira:globalPage')[0];
      if (!module) return null;
      const grant = frames.issue({ resource: module.resource, accountId, context: globalPageContext(module, deps.siteUrl()), colorMode });
      return { module, opened: openedFrame(grant, sandboxOf(registry.permissions())) };
    },
    indexLinks: () => ({
      projectPages: registry.modules('jira:projectPage').map((m) => ({ key: m.key, title: m.title })),
      globalPages: registry.modules('jira:globalPage').map((m) => ({ key: m.key, title: m.title })),
    }),
  };
}
