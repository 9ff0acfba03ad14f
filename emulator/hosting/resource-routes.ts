/**
 * What the browser loads besides pages: the Custom UI resources of the
 * manifest (index.html with the bridge stand-in injected first, served with
 * the Content-Security-Policy Forge computes from the manifest, then its
 * assets), Atlassian's design tokens, avatars and the site's own scripts and
 * styles (public/).
 */
import fs from 'node:fs';
import path from 'node:path';
import express, { type Express, type Request, type Response } from 'express';
import type { SiteParts } from '../site/site-parts';
import { resourceCsp } from './frame-policy';
import { FRAME_UNKNOWN, sendHtml } from './http-helpers';
import { avatarSvg, renderMissingBuildPage } from './pages/jira-pages';

const PUBLIC_DIR = path.join(__dirname, 'public');
const TOKEN_THEME_FILES = [
  'atlassian-light',
  'atlassian-dark',
  'atlassian-spacing',
  'atlassian-typography',
  'atlassian-shape',
  'atlassian-motion',
];

let tokensCss: string | undefined;
/** Atlassian's design-token themes ship as JS modules exporting CSS text; served as one sheet. */
function designTokensCss(): string {
  if (tokensCss === undefined) {
    tokensCss = TOKEN_THEME_FILES.map((name) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${name}`) as { default: string };
      return `/* ${name} */\n${mod.default}`;
    }).join('\n');
  }
  return tokensCss;
}

/**
 * The stand-in must define window.__bridge before the bundle runs: first in <head>, not deferred.
 * A `<script src>` from the site's own origin, allowed by the policy's `'self'` as Forge's CDN
 * host allows Forge's own script: nothing inline, so the app's policy stays as computed.
 */
function withBridgeStandIn(html: string, token: string): string {
  const standIn = `<script src="/__local/public/bridge-stand-in.js" data-frame-token="${token}"></script>`;
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}\n${standIn}`) : `${standIn}\n${html}`;
}

export function mountResources(app: Express, parts: SiteParts): void {
  const { frames, registry } = parts;

  const serveResourceIndex = (req: Request, res: Response) => {
    const resource = String(req.params.resource);
    const grant = frames.get(req.query.frame);
    const buildDir = registry.resourceDir(resource);
    if (!buildDir || !grant || grant.resource !== resource) {
      sendHtml(res, 403, `<!doctype html><p>${FRAME_UNKNOWN}</p>`);
      return;
    }
    const file = path.join(buildDir, 'index.html');
    if (!fs.existsSync(file)) {
      sendHtml(res, 200, renderMissingBuildPage(resource));
      return;
    }
    const html = fs.readFileSync(file, 'utf8');
    // The page carries this frame's token: never cached, unlike the assets it loads.
    res.set('cache-control', 'no-store');
    // The policy is computed over the deployed index.html (its inline scripts are hashed), as Forge's CDN does.
    res.set('content-security-policy', resourceCsp(html, registry.permissions(), parts.siteUrl()));
    sendHtml(res, 200, withBridgeStandIn(html, grant.token));
  };

  app.get('/forge/resources/:resource/', serveResourceIndex);
  app.get('/forge/resources/:resource/index.html', serveResourceIndex);
  app.get('/forge/resources/:resource/{*asset}', (req, res) => {
    const buildDir = registry.resourceDir(req.params.resource);
    if (!buildDir) {
      res.status(404).end();
      return;
    }
    const asset = ([] as string[]).concat(req.params.asset ?? []).join('/');
    // Vite names what it puts under assets/ by content hash: cached for good, as Forge's CDN serves them.
    const cacheControl = asset.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.sendFile(asset, { root: buildDir, dotfiles: 'deny', headers: { 'cache-control': cacheControl } }, (error) => {
      if (error && !res.headersSent) res.status(404).type('text').send('Not found');
    });
  });
}

export function mountSiteAssets(app: Express, parts: SiteParts): void {
  const { store } = parts;
  app.get('/favicon.ico', (_req, res) => res.status(204).end());
  app.get('/__local/tokens.css', (_req, res) => {
    res.type('css').set('cache-control', 'max-age=3600').send(designTokensCss());
  });
  app.get('/__local/avatar/:file', (req, res) => {
    const name = req.params.file.replace(/\.svg$/, '');
    const user = store.findUser(name);
    const project = name.startsWith('project-') ? store.getProject(name.slice('project-'.length)) : undefined;
    const label = user?.displayName ?? project?.key ?? '?';
    res.type('image/svg+xml').set('cache-control', 'max-age=3600').send(avatarSvg(label, name));
  });
  app.use('/__local/public', express.static(PUBLIC_DIR, { index: false, maxAge: 0 }));
}
