/**
 * Every figure the README states about the demo is the demo's (issue #15, item 22): each is parsed from
 * README.md and compared with what the built dataset holds, so the two cannot drift apart again.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildDemoDataset, RELEVANCE_QUERIES } from '../../demo';
import { rawLearningsOf } from '../support/stored-json';
import { recordRows } from './record-rows';

const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
/** The README as one line: its sentences wrap anywhere. */
const prose = readme.replace(/\s+/g, ' ');
const data = buildDemoDataset();
const recordProperties = recordRows(data);
const recordCount = recordProperties.length;

function numbersAfter(pattern: RegExp): number[] {
  const match = pattern.exec(prose);
  if (!match) throw new Error(`README.md no longer says ${String(pattern)}: update this test with it.`);
  return match.slice(1).map(Number);
}

describe("the README's figures about the demo", () => {
  it('counts the teams, issues, learning records and PLAT sprints the demo has (Quick start and "Where things are")', () => {
    const platSprints = data.sprints.filter((s) => s.projectKey === 'PLAT').length;
    expect(numbersAfter(/puts the demo data back: (\d+) teams, ([\d,]+) issues, ([\d,]+) learning records/)).toEqual([
      data.projects.length,
      data.issues.length,
      recordCount,
    ]);
    expect(numbersAfter(/Booking Platform \(PLAT\) has run (\d+) one-week sprints/)).toEqual([platSprints]);
    expect(
      numbersAfter(/\| `demo\/` \| the app's demo site: (\d+) teams \(PLAT with (\d+) sprints\), (\d+) issues, (\d+) learning records/),
    ).toEqual([data.projects.length, platSprints, data.issues.length, recordCount]);
  });

  it('names the Closed issues the demo has', () => {
    const match = /((?:FLEX|CHK|GROW|SRCH)-\d+(?:\/\d+)*) are Closed/.exec(prose);
    const [project, ...numbers] = (match?.[1] ?? '').split(/[-/]/);
    expect(numbers.map((n) => `${project}-${n}`)).toEqual(data.issues.filter((i) => i.status === 'Closed').map((i) => i.key));
  });

  it("states the macro's total over the demo as the number of issues with learnings", () => {
    expect(numbersAfter(/"100 of about (\d+) loaded"/)).toEqual([recordCount]);
    expect(numbersAfter(/"about (\d+) issues with learnings"/)).toEqual([recordCount]);
  });

  it('sizes the labelled relevance set as the demo holds it', () => {
    const relevant = RELEVANCE_QUERIES.reduce((sum, q) => sum + q.relevant.length, 0);
    const decoys = RELEVANCE_QUERIES.reduce((sum, q) => sum + q.decoys.length, 0);
    expect(numbersAfter(/labelled set in the demo data \((\d+) hypotheses, (\d+) relevant learnings, (\d+) decoys\)/)).toEqual([
      RELEVANCE_QUERIES.length,
      relevant,
      decoys,
    ]);
  });

  it('tells the Insights story with figures the demo holds: GROW resolved issues with a hypothesis per sprint, CHK marks from FLEX', () => {
    const story = /of the issues GROW resolved in sprints (\d+) to (\d+), ((?:\d+ of \d+, )*\d+ of \d+ and \d+ of \d+) carried one/.exec(
      prose,
    );
    if (!story) throw new Error("README.md no longer tells GROW's coverage story: update this test with it.");
    const [first, last] = [Number(story[1]), Number(story[2])];
    const stated = (story[3] ?? '').split(/, | and /).map((pair) => pair.split(' of ').map(Number));
    const counted = Array.from({ length: last - first + 1 }, (_, index) => {
      const sprint = data.sprints.find((s) => s.name === `GROW Sprint ${first + index}`);
      const resolved = data.issues.filter((i) => i.sprintId === sprint?.id && ['Done', 'Closed'].includes(i.status));
      const withHypothesis = resolved.filter((i) => {
        const property = recordProperties.find((p) => p.issueKey === i.key);
        return property !== undefined && (JSON.parse(property.valueText) as { hypothesis: string }).hypothesis.trim() !== '';
      });
      return [withHypothesis.length, resolved.length];
    });
    expect(stated).toEqual(counted);

    const [marks, from, to] = numbersAfter(/pressed "This helped" on FLEX learnings (\d+) times on CHK tickets of sprints (\d+) to (\d+)/);
    const sprintOf = new Map(data.issues.map((i) => [i.id, data.sprints.find((s) => s.id === i.sprintId)?.name]));
    const reuses = data.kvs
      .filter((row) => row.key.startsWith('reuse:'))
      .map((row) => JSON.parse(row.valueText) as { sourceIssueKey: string; targetIssueKey: string; targetIssueId: string })
      .filter((r) => r.sourceIssueKey.startsWith('FLEX-') && r.targetIssueKey.startsWith('CHK-'));
    const sprintNumbers = reuses.map((r) => Number(/Sprint (\d+)$/.exec(sprintOf.get(r.targetIssueId) ?? '')?.[1]));
    expect([marks, from, to]).toEqual([reuses.length, Math.min(...sprintNumbers), Math.max(...sprintNumbers)]);
  });

  it("quotes FLEX-112's hypothesis and learnings, with the surprise where the demo has it", () => {
    const quote = /> \*\*FLEX-112\*\* — Hypothesis: ((?:>.*\n|.*\n)*?)\n/.exec(readme)?.[1] ?? '';
    const lines = quote.split('\n').map((line) => line.replace(/^> ?/, ''));
    const hypothesis = lines.slice(0, lines.indexOf('What we learned:')).join(' ').trim();
    const learnings = lines.filter((line) => line.startsWith('- ')).map((line) => line.slice(2));
    const property = recordProperties.find((p) => p.issueKey === 'FLEX-112');
    const record = JSON.parse(property?.valueText ?? '{}') as { hypothesis: string };
    expect(hypothesis).toBe(record.hypothesis);
    expect(learnings).toEqual(rawLearningsOf(record).map((l) => (l.surprise ? `${l.text} *(surprise)*` : l.text)));
  });
});
