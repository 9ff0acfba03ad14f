/**
 * The app's non-resolver functions, invoked by the local site as Forge invokes them: the issue
 * glance's `dynamicProperties` (glance-status, with Jira's documented payload, the viewer as
 * principal) and the macro's `adfExport` (macro-export, once per macro instance, the exporting
 * person as principal), whose ADF Confluence's own validator must accept.
 */
import { validator } from '@atlaskit/adf-utils/validator';
import { useLocalSite } from '../support/local-site';

const site = useLocalSite({ resetBeforeEach: 'demo-data' });

afterEach(() => {
  site.settings.confluenceAsUserJira = 'granted';
});

/** Validates with the ADF specs @atlaskit/adf-utils builds from @atlaskit/adf-schema; collects every error. */
function adfErrors(doc: unknown): string[] {
  const errors: string[] = [];
  const quiet = [
    jest.spyOn(console, 'warn').mockImplementation(() => undefined),
    jest.spyOn(console, 'error').mockImplementation(() => undefined),
  ];
  try {
    validator()(doc as never, (entity, error) => {
      errors.push(`${error.code}: ${error.message} (${JSON.stringify(entity).slice(0, 120)})`);
      return entity;
    });
  } finally {
    quiet.forEach((spy) => {
      spy.mockRestore();
    });
  }
  return errors;
}

type Node = { type: string; text?: string; content?: Node[]; marks?: Array<{ type: string; attrs?: { href?: string } }> };
const textOf = (node: Node): string => (node.text ?? '') + (node.content ?? []).map(textOf).join(' ');

/** The payload Jira passes a glance's dynamicProperties function. */
function glanceEvent(issueKey: string) {
  const issue = site.store.getIssue(issueKey)!;
  const project = site.store.getProject(issue.projectKey)!;
  return {
    cloudId: 'local',
    extension: {
      type: 'jira:issueGlance',
      issue: { id: issue.id, key: issue.key, type: issue.issueType, typeId: '10001' },
      project: { id: project.id, key: project.key, type: 'software' },
    },
  };
}

describe("glance-status (the issue glance's dynamicProperties)", () => {
  it('answers a badge counting the learnings, read as the viewer', async () => {
    const { result, calls } = await site.invokeFunction('glance-status', glanceEvent('FLEX-112'), { as: 'dan' });
    expect(result).toEqual({ status: { type: 'badge', value: { label: expect.stringMatching(/^\d+$/) } } });
    expect(calls.every((c) => c.provider === 'user')).toBe(true);
  });

  it('answers no status to a viewer who cannot browse the issue (never read as the app)', async () => {
    const grow = site.store.listIssues('GROW')[0]!;
    const { result, calls } = await site.invokeFunction('glance-status', glanceEvent(grow.key), { as: 'carol' });
    expect(result).toEqual({});
    expect(calls.some((c) => c.provider === 'app')).toBe(false);
  });

  it('is what the issue page shows beside the fields', async () => {
    const html = await (await fetch(`${site.url}/jira/browse/FLEX-112`, { headers: { cookie: 'll_user=alice' } })).text();
    expect(html).toMatch(
      /data-glance="learning-glance"[^>]*>.*<span>Learnings<\/span><span class="ll-badge" data-glance-status="badge">\d+<\/span>/,
    );
  });
});

describe("macro-export (the macro's adfExport)", () => {
  const seededPage = () => site.confluence.listPages('PL').find((p) => p.blocks.some((b) => b.type === 'macro'))!;

  it.each(['pdf', 'word', 'other'] as const)('exports each macro as ADF that @atlaskit/adf-schema accepts (%s)', async (exportType) => {
    const { macros } = await site.exportPage(seededPage().id, { as: 'alice', exportType });
    expect(macros.length).toBeGreaterThan(0);
    for (const macro of macros) {
      expect(macro.problem).toBeUndefined();
      expect(adfErrors(macro.adf)).toEqual([]);
      expect(textOf(macro.adf as Node)).toMatch(/issues? with learnings/);
    }
  });

  it('reads as the person exporting: carol, who cannot browse GROW, exports no GROW issue', async () => {
    const { macros } = await site.exportPage(seededPage().id, { as: 'carol' });
    const text = macros.map((m) => textOf(m.adf as Node)).join(' ');
    expect(text).not.toMatch(/\bGROW-\d+/);
  });

  it('exports a notice, still valid ADF, where the person has not allowed access (an export cannot ask)', async () => {
    site.settings.confluenceAsUserJira = 'needs-auth';
    const { macros } = await site.exportPage(seededPage().id, { as: 'bob' });
    for (const macro of macros) {
      expect(adfErrors(macro.adf)).toEqual([]);
      expect(textOf(macro.adf as Node)).toMatch(/could not be read for this export/);
    }
  });

  it("renders the export view with each macro's ADF", async () => {
    const page = seededPage();
    const html = await (
      await fetch(`${site.url}/wiki/spaces/${page.spaceKey}/pages/${page.id}/export?type=word`, { headers: { cookie: 'll_user=alice' } })
    ).text();
    expect(html).toContain('data-export-type="word"');
    expect(html).toMatch(/<section class="ll-export-macro"[^>]*><h2>What we learned<\/h2>/);
  });
});

describe("the issue panel's own function (panel-resolver, handler panel.handler)", () => {
  it("answers the panel's calls and refuses another surface's, as Forge routes by the module's resolver", async () => {
    const opened = await site.invoke({ functionKey: 'learning/get', as: 'alice', issueKey: 'FLEX-112', payload: {} });
    expect(opened.result).toMatchObject({ ok: true });
    // The macro's key from the panel's frame reaches the panel's function, which does not serve it.
    const refused = await site.invoke({
      functionKey: 'macro/list',
      as: 'alice',
      issueKey: 'FLEX-112',
      payload: {},
    });
    expect(refused.result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(refused.calls).toEqual([]);
  });
});
