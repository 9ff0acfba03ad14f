/**
 * A site upgraded from a version whose records held their texts inside the record: the new
 * version's `learningText` reads `learning-loop-text`, which those issues lack. Forge's
 * `avi:forge:upgraded:app` reaches the app's real trigger function; the five-minute trigger then
 * writes the texts, and Jira's own search finds the record by its words again.
 */
import { useLocalSite } from '../support/local-site';
import { rawLearningsOf } from '../support/stored-json';

const site = useLocalSite({ resetBeforeEach: 'demo-data-and-calls' });
jest.setTimeout(30_000);

let indexDelayMs = 0;
beforeEach(() => {
  indexDelayMs = site.jira.search.settings.indexDelayMs;
  site.jira.search.setIndexDelay(0);
});
afterEach(() => {
  site.jira.search.setIndexDelay(indexDelayMs);
});

const PHRASE = 'learningText ~ "\\"Labeling matters more than refund amount\\""';
const found = async (jql: string): Promise<string[]> => {
  const res = await site.requestJira('alice', 'POST', '/rest/api/3/search/jql', JSON.stringify({ jql, fields: ['key'] }));
  return (res.body as { issues: Array<{ key: string }> }).issues.map((i) => i.key);
};

describe('avi:forge:upgraded:app', () => {
  it("writes the texts the records lack within the five-minute trigger's next run, found again by learningText", async () => {
    const issueId = site.store.getIssue('FLEX-112')!.id;
    expect(await found(PHRASE)).toContain('FLEX-112');
    const removed = await site.requestJira('alice', 'DELETE', '/rest/api/3/issue/FLEX-112/properties/learning-loop-text');
    expect(removed.status).toBe(204);
    expect(await found(PHRASE)).not.toContain('FLEX-112');

    site.triggers.emit({ eventType: 'avi:forge:upgraded:app', id: 'installation-1', app: { id: 'app-1', version: '2.0.0' } });
    expect((await site.triggers.settle()).at(-1)).toMatchObject({ moduleKey: 'app-lifecycle-trigger', ok: true });
    const served = await site.runScheduledTrigger('insights-rebuild-on-request');
    expect(served.result).toMatchObject({ statusCode: 204 });

    // Each learning's text, one per line, read from the raw record: nothing of the app's code computes it here.
    const learnings = rawLearningsOf(site.store.getProperty(issueId, 'learning-loop')!.valueText);
    const texts = JSON.parse(site.store.getProperty(issueId, 'learning-loop-text')?.valueText ?? 'null') as unknown;
    expect(texts).toEqual({ text: learnings.map((l) => l.text).join('\n') });
    expect(await found(PHRASE)).toContain('FLEX-112');
  });
});
