/**
 * What the site does around frames as Forge's host does: the CSP and sandbox of a resource,
 * non-resolver functions, the consent error's name, issue panel placement, the ADF renderer.
 * (In a browser: test/e2e/emulator-frames.e2e.test.ts and forge-host.e2e.test.ts.)
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { adfToHtml, InvocationError, type ForgeEventHandler, type ForgeFunctionHandler } from '../index';
import { sandboxOf } from '../hosting/frame-policy';
import { useDemoSite } from './support/demo-site';

const PROBE = path.join(__dirname, 'fixtures', 'probe-app');

const refusing: ForgeFunctionHandler = (request) => {
  if (request.call.functionKey === 'needs-consent')
    return Promise.reject(Object.assign(new Error('Authentication Required'), { name: 'NEEDS_AUTHENTICATION_ERR' }));
  return Promise.resolve('ok');
};
const seen: unknown[] = [];
const probeStatus: ForgeEventHandler = (event, context) => {
  seen.push({ event, context });
  return { status: { type: 'lozenge', value: { label: 'Probe', type: 'new' } } };
};

const site = useDemoSite({
  start: {
    handler: refusing,
    manifestPath: path.join(PROBE, 'manifest.yml'),
    staticRoot: PROBE,
    functions: { 'probe-status': probeStatus },
  },
  resetBeforeEach: 'demo-data',
});

const get = (url: string, user = 'alice') => fetch(`${site.url}${url}`, { headers: { cookie: `ll_user=${user}` }, redirect: 'manual' });
const post = (url: string, user = 'alice') =>
  fetch(`${site.url}${url}`, {
    method: 'POST',
    headers: { cookie: `ll_user=${user}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: '',
    redirect: 'manual',
  });

describe("a resource's CSP and sandbox", () => {
  it('serves index.html under the policy @forge/csp computes from the manifest, reporting to the site', async () => {
    const { src } = site.hosts.openProjectPage(site.user('alice').accountId, 'FLEX', 'probe-page');
    const res = await fetch(site.url + src);
    const csp = res.headers.get('content-security-policy') ?? '';
    const html = fs.readFileSync(path.join(PROBE, 'static', 'probe-page', 'build', 'index.html'), 'utf8');
    const inline = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(csp).toContain(`'sha256-${createHash('sha256').update(inline).digest('base64')}'`);
    expect(csp).toMatch(/script-src 'self' /);
    expect(csp).not.toContain("'unsafe-inline'"); // the probe declares no content.styles
    expect(csp).toContain(`report-uri ${site.url}/__local/csp-reports`);
    expect(csp).not.toContain('web-security-reports');
  });

  it('gives frames the sandbox Forge documents, and popups only for fetch.client "*"', async () => {
    expect(sandboxOf({})).toBe('allow-downloads allow-forms allow-modals allow-pointer-lock allow-same-origin allow-scripts');
    expect(sandboxOf({ external: { fetch: { client: [{ address: '*' }] } } })).toContain('allow-popups allow-popups-to-escape-sandbox');
    expect(sandboxOf({ sandbox: ['allow-storage-access-by-user-activation', 'allow-top-navigation'] })).toMatch(
      /allow-storage-access-by-user-activation$/,
    );
    const html = await (await get('/jira/projects/FLEX/apps/probe-page')).text();
    expect(html).toMatch(
      /<iframe[^>]+sandbox="allow-downloads allow-forms allow-modals allow-pointer-lock allow-same-origin allow-scripts"/,
    );
  });
});

describe("a full-page module's own paths (view.createHistory)", () => {
  it("serves the project page under any path of the app's, its frame told where the app's URL starts; other frames have no history", async () => {
    const base = '/jira/projects/FLEX/apps/probe-page';
    for (const url of [base, `${base}/board/3/sprint/7`]) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(new RegExp(`<iframe[^>]+data-history-base="${base}"`));
    }
    expect((await get('/jira/projects/NOPE/apps/probe-page/board/3')).status).toBe(404);
    const panel = await (await get('/jira/browse/FLEX-112')).text();
    expect(panel).not.toContain('data-history-base');
  });
});

describe('functions and invocation errors', () => {
  it('invokes a non-resolver function with the event and the principal', async () => {
    seen.length = 0;
    const { result } = await site.invokeFunction('probe-status', { hello: 'world' }, { as: 'bob' });
    expect(result).toEqual({ status: { type: 'lozenge', value: { label: 'Probe', type: 'new' } } });
    expect(seen).toEqual([
      {
        event: { hello: 'world' },
        context: { principal: { accountId: site.user('bob').accountId }, installContext: 'ari:cloud:jira::site/local' },
      },
    ]);
    await expect(site.invokeFunction('not-declared', {}, { as: 'bob' })).rejects.toThrow(/declares no function "not-declared"/);
  });

  it('carries the name of what the resolver threw, so the host can ask for consent', async () => {
    const error = await site.invoke({ functionKey: 'needs-consent', as: 'bob', issueKey: 'FLEX-112' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvocationError);
    expect((error as InvocationError).errorName).toBe('NEEDS_AUTHENTICATION_ERR');
    const { grant } = site.openIssuePanel('bob', 'FLEX-112');
    const res = await fetch(`${site.url}/__local/bridge/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: grant.token, functionKey: 'needs-consent' }),
    });
    expect(await res.json()).toEqual({
      ok: false,
      error: { name: 'NEEDS_AUTHENTICATION_ERR', message: 'There was an error invoking the function - Authentication Required' },
    });
    const consent = await fetch(`${site.url}/__local/consent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: grant.token }),
    });
    expect(consent.status).toBe(200);
    expect(site.consent.has(site.user('bob').accountId)).toBe(true);
  });

  it('answers 400 to a payload nested 5,000 deep before the function runs (no RangeError), and runs one 1,000 deep', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = { a: deep };
    const runs = () => site.accounting.invocations().length;
    const before = runs();
    const error = await site.invoke({ functionKey: 'anything', as: 'bob', issueKey: 'FLEX-112', payload: deep }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvocationError);
    expect(error).toMatchObject({ status: 400, message: 'Invalid request payload: JSON nests deeper than 1000 levels.' });
    expect(runs()).toBe(before);
    const { grant } = site.openIssuePanel('bob', 'FLEX-112');
    const text = (depth: number) =>
      `{"token":"${grant.token}","functionKey":"anything","payload":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
    const res = await fetch(`${site.url}/__local/bridge/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: text(5000),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      ok: false,
      error: { name: 'BAD_REQUEST', message: expect.stringContaining('nests deeper than 1000 levels') },
    });
    const edge = await fetch(`${site.url}/__local/bridge/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: text(999),
    });
    expect(await edge.json()).toMatchObject({ ok: true, value: 'ok' });
  });

  it("lifts the site's refusal for the person who allowed access, inside their invocations only", async () => {
    site.settings.confluenceAsUserJira = 'needs-auth';
    site.consent.grant(site.user('bob').accountId);
    const modeAs = (user: string) => site.runAs(user, () => Promise.resolve(site.settings.confluenceAsUserJira));
    await expect(modeAs('bob')).resolves.toBe('granted');
    await expect(modeAs('dan')).resolves.toBe('needs-auth');
    expect(site.settings.confluenceAsUserJira).toBe('needs-auth');
    site.settings.confluenceAsUserJira = 'granted';
  });
});

describe('issue panel placement', () => {
  const panelFrames = async (issueKey: string, user = 'bob') =>
    ((await (await get(`/jira/browse/${issueKey}`, user)).text()).match(/<iframe/g) ?? []).length;

  it('shows a panel only where it was added, for everyone, and pinned by an admin only', async () => {
    expect(await panelFrames('FLEX-110')).toBe(0);
    const added = await post('/jira/browse/FLEX-110/panels/probe-panel/add');
    expect(added.headers.get('location')).toBe('/jira/browse/FLEX-110?added=probe-panel');
    expect(await panelFrames('FLEX-110', 'dan')).toBe(1);
    expect(await panelFrames('FLEX-108', 'dan')).toBe(0);
    expect((await post('/jira/browse/FLEX-108/panels/probe-panel/pin', 'bob')).status).toBe(403);
    expect((await post('/jira/browse/FLEX-108/panels/probe-panel/pin', 'alice')).status).toBe(303);
    expect(await panelFrames('FLEX-108', 'dan')).toBe(1);
    site.reset();
    expect(await panelFrames('FLEX-110')).toBe(0);
  });

  it('tells the frame opened right after adding that the panel is new to the issue', async () => {
    const html = await (await get('/jira/browse/FLEX-110?added=probe-panel')).text();
    const token = /data-frame-token="([\w-]+)"/.exec(html);
    // Not added yet: nothing hosted, whatever the query says.
    expect(token).toBeNull();
    site.panels.add('FLEX-110', 'probe-panel');
    const after = await (await get('/jira/browse/FLEX-110?added=probe-panel')).text();
    const grant = site.frames.get(/data-frame-token="([\w-]+)"/.exec(after)![1]);
    expect((grant!.context.extension as { isNewToIssue: boolean }).isNewToIssue).toBe(true);
  });
});

describe('the ADF renderer of the export view', () => {
  it('escapes text and keeps only safe links', () => {
    const doc = {
      type: 'doc',
      version: 1,
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '<img src=x onerror=alert(1)>' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'bad', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
            { type: 'text', text: 'good', marks: [{ type: 'link', attrs: { href: 'https://example.com/' } }, { type: 'strong' }] },
            { type: 'status', attrs: { text: 'Validated', color: 'green' } },
          ],
        },
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [{ type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Key' }] }] }],
            },
          ],
        },
      ],
    };
    const html = adfToHtml(doc);
    expect(html).toContain('<h2>&lt;img src=x onerror=alert(1)&gt;</h2>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<strong><a href="https://example.com/">good</a></strong>');
    expect(html).toContain('<th><p>Key</p></th>');
    expect(adfToHtml({ type: 'paragraph' })).toBe('');
  });
});
