/**
 * Custom UI resources as Forge's CDN serves them: one address per resource
 * (the frame's token in the query, so every frame loads the same asset URLs),
 * the hashed assets cacheable for good, the page itself never cached.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LocalSite } from '../index';
import { startDemoSite } from './support/demo-site';

let site: LocalSite;
let staticDir: string;

beforeAll(async () => {
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-cache-'));
  fs.mkdirSync(path.join(staticDir, 'issue-panel', 'build', 'assets'), { recursive: true });
  fs.writeFileSync(
    path.join(staticDir, 'issue-panel', 'build', 'index.html'),
    '<!doctype html><html><head><meta charset="UTF-8"><script type="module" src="./assets/app-1a2b3c.js"></script></head><body></body></html>',
  );
  fs.writeFileSync(path.join(staticDir, 'issue-panel', 'build', 'assets', 'app-1a2b3c.js'), 'console.log("app")');
  fs.writeFileSync(path.join(staticDir, 'issue-panel', 'build', 'notes.txt'), 'not hashed');
  site = await startDemoSite({ port: 0, handler: () => Promise.resolve({}), staticDir });
});

afterAll(async () => {
  await site.close();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

const frameSrc = async (): Promise<string> => {
  const html = await (await fetch(`${site.url}/jira/browse/FLEX-112`, { headers: { cookie: 'll_user=bob' } })).text();
  return /<iframe[^>]+src="([^"]+)"/.exec(html)?.[1] ?? 'no iframe';
};

describe('resource caching', () => {
  it('gives every frame of a resource the same address, each with its own token', async () => {
    const [first, second] = [await frameSrc(), await frameSrc()];
    expect(first).not.toBe(second);
    expect(new URL(first, site.url).pathname).toBe('/forge/resources/issue-panel/index.html');
    expect(new URL(second, site.url).pathname).toBe('/forge/resources/issue-panel/index.html');
  });

  it('never caches the page (it carries the token), caches the hashed assets for good, revalidates the rest', async () => {
    expect((await fetch(site.url + (await frameSrc()))).headers.get('cache-control')).toBe('no-store');
    const asset = await fetch(`${site.url}/forge/resources/issue-panel/assets/app-1a2b3c.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${site.url}/forge/resources/issue-panel/notes.txt`)).headers.get('cache-control')).toBe('no-cache');
  });
});
