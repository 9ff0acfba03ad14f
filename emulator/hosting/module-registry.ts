/**
 * The modules and resources of a manifest (default: the app's manifest.yml):
 * every `macro`, `jira:projectPage`, `jira:globalPage`, `jira:issuePanel`, `jira:issueGlance` and
 * `jira:sprintAction` module with its resource (`resources[].path`), the `function` modules'
 * handlers and the `permissions` (for the resources' CSP and sandbox), re-read
 * when the file changes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { triggerModulesOf, type TriggerModules } from './trigger-modules';

export type HostedModuleType =
  'macro' | 'jira:projectPage' | 'jira:globalPage' | 'jira:issuePanel' | 'jira:issueGlance' | 'jira:sprintAction';
export const HOSTED_MODULE_TYPES: HostedModuleType[] = [
  'macro',
  'jira:projectPage',
  'jira:globalPage',
  'jira:issuePanel',
  'jira:issueGlance',
  // The "..." menu of a sprint in a board's backlog (sprint-action-routes.ts).
  'jira:sprintAction',
];

/** The manifest's `permissions` as written (scopes, content, external, sandbox). */
export type ManifestPermissions = Record<string, unknown>;

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
  /** Issue glances: the button's label. */
  label?: string;
  /** The `function` module its Custom UI's `invoke` calls run (`resolver: { function: key }`). */
  resolverFunction?: string;
  /** Function keys (the manifest's `function` modules) a module names besides its resolver. */
  functions?: { dynamicProperties?: string; adfExport?: string };
}

export interface ModuleRegistryOptions {
  /** manifest.yml to read modules and resources from; default <repo>/manifest.yml. */
  manifestPath?: string;
  /** Where the manifest's resource paths are resolved from; default the manifest's folder. */
  staticRoot?: string;
  /** Legacy: replaces `static/` in resource paths (startSite's `staticDir`). */
  staticDir?: string;
}

/** The function a module's resolver runs, as the manifest's `function` module names it (`handler: index.handler`). */
export interface FunctionHandlerRef {
  /** The handler's module, without extension, resolved as Forge does: from the app's src/. */
  file: string;
  exportName: string;
  /** `timeoutSeconds`: how long it may run when a schedule or an event invokes it (1–900 s). */
  timeoutSeconds?: number;
}

/** By default the emulator hosts the app it sits in: <emulator>/../manifest.yml. */
export const DEFAULT_MANIFEST = path.resolve(__dirname, '..', '..', 'manifest.yml');

const titleOf = (value: unknown, fallback: string): string => {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { i18n?: unknown }).i18n === 'string') return (value as { i18n: string }).i18n;
  return fallback;
};

type ManifestDoc = { modules?: Record<string, unknown>; resources?: unknown; permissions?: unknown };

const functionKeyOf = (raw: unknown): string | undefined => {
  const key = (raw as { function?: unknown } | undefined)?.function;
  return typeof key === 'string' ? key : undefined;
};

/** `dynamicProperties: { function }` (issue glances) and `adfExport: { function }` (macros). */
function moduleFunctionsOf(m: Record<string, unknown>): HostedModule['functions'] | undefined {
  const dynamicProperties = functionKeyOf(m.dynamicProperties);
  const adfExport = functionKeyOf(m.adfExport);
  if (!dynamicProperties && !adfExport) return undefined;
  return { ...(dynamicProperties ? { dynamicProperties } : {}), ...(adfExport ? { adfExport } : {}) };
}

function resourcesOf(doc: ManifestDoc): Map<string, string> {
  const resources = new Map<string, string>();
  for (const r of Array.isArray(doc.resources) ? doc.resources : []) {
    const { key, path: p } = (r ?? {}) as { key?: unknown; path?: unknown };
    if (typeof key === 'string' && typeof p === 'string') resources.set(key, p);
  }
  return resources;
}

function macroConfigOf(raw: unknown, moduleTitle: string): MacroConfigSpec | undefined {
  const c = raw as Record<string, unknown> | boolean | undefined;
  if (!c || typeof c !== 'object' || typeof c.resource !== 'string') return undefined;
  return {
    resource: c.resource,
    title: titleOf(c.title, `Configure ${moduleTitle}`),
    viewportSize: typeof c.viewportSize === 'string' ? c.viewportSize : 'medium',
    openOnInsert: c.openOnInsert === true,
  };
}

function hostedModulesOf(doc: ManifestDoc): HostedModule[] {
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
      if (typeof m.label === 'string') mod.label = m.label;
      const resolverFunction = functionKeyOf(m.resolver);
      if (resolverFunction) mod.resolverFunction = resolverFunction;
      const functions = moduleFunctionsOf(m);
      if (functions) mod.functions = functions;
      const config = type === 'macro' ? macroConfigOf(m.config, mod.title) : undefined;
      if (config) mod.config = config;
      hosted.push(mod);
    }
  }
  return hosted;
}

/** `handler: index.handler` is src/index's export `handler`, as Forge reads it. */
function functionsOf(doc: ManifestDoc, appDir: string): Map<string, FunctionHandlerRef> {
  const functions = new Map<string, FunctionHandlerRef>();
  const list = doc.modules?.function;
  for (const raw of Array.isArray(list) ? list : []) {
    const { key, handler, timeoutSeconds } = (raw ?? {}) as { key?: unknown; handler?: unknown; timeoutSeconds?: unknown };
    const dot = typeof handler === 'string' ? handler.lastIndexOf('.') : -1;
    if (typeof key !== 'string' || typeof handler !== 'string' || dot <= 0) continue;
    const timeout = typeof timeoutSeconds === 'number' ? { timeoutSeconds } : {};
    functions.set(key, { file: path.join(appDir, 'src', handler.slice(0, dot)), exportName: handler.slice(dot + 1), ...timeout });
  }
  return functions;
}

export class ModuleRegistry {
  readonly manifestPath: string;
  private readonly root: string;
  private mtimeMs = -1;
  private hosted: HostedModule[] = [];
  private resources = new Map<string, string>();
  private functions = new Map<string, FunctionHandlerRef>();
  private perms: ManifestPermissions = {};
  private triggerModules: TriggerModules = { scheduled: [], events: [] };
  private loadError: string | null = null;

  constructor(private readonly opts: ModuleRegistryOptions = {}) {
    this.manifestPath = path.resolve(opts.manifestPath ?? DEFAULT_MANIFEST);
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
      this.functions.clear();
      this.perms = {};
      this.triggerModules = { scheduled: [], events: [] };
      return;
    }
    if (mtimeMs === this.mtimeMs) return;
    this.mtimeMs = mtimeMs;
    try {
      const doc = (parseYaml(fs.readFileSync(this.manifestPath, 'utf8')) ?? {}) as ManifestDoc;
      this.resources = resourcesOf(doc);
      this.hosted = hostedModulesOf(doc);
      this.functions = functionsOf(doc, path.dirname(this.manifestPath));
      this.triggerModules = triggerModulesOf(doc.modules);
      this.perms = doc.permissions && typeof doc.permissions === 'object' ? (doc.permissions as ManifestPermissions) : {};
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
      if (this.opts.staticDir && normalised.startsWith('static/'))
        return path.join(this.opts.staticDir, normalised.slice('static/'.length));
      return path.resolve(this.root, declared);
    }
    return undefined;
  }

  /** The manifest's `permissions` (a copy). */
  permissions(): ManifestPermissions {
    this.refresh();
    return structuredClone(this.perms);
  }

  /** The `scheduledTrigger` and `trigger` modules (copies). */
  triggers(): TriggerModules {
    this.refresh();
    return structuredClone(this.triggerModules);
  }

  /** The handler of the function a module's resolver names (by the module's key, as the invocation's context carries it). */
  resolverHandlerOf(moduleKey: string): FunctionHandlerRef | undefined {
    this.refresh();
    const key = this.hosted.find((m) => m.key === moduleKey)?.resolverFunction;
    return key === undefined ? undefined : this.functions.get(key);
  }

  /** The handler of a `function` module (the first one when no key is given). */
  functionHandler(key?: string): FunctionHandlerRef | undefined {
    this.refresh();
    return key === undefined ? this.functions.values().next().value : this.functions.get(key);
  }
}
