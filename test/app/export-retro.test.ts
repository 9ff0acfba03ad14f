import { exportRetro } from '../../src/app/retro/export-retro';
import { saveRetroNote } from '../../src/app/retro/save-retro-note';
import { FixedSiteFacts } from '../support/in-memory-ports';
import { deps, flex, project, quiet } from './retro-support';

describe('exporting the sprint', () => {
  it('exports the surprises with notes as ADF and Markdown, reading what the view reads', async () => {
    const d = deps();
    d.search.bySprint.set(23, [flex, quiet]);
    await saveRetroNote(d, {
      project,
      accountId: 'a',
      boardId: 1,
      sprintId: 23,
      issueId: flex.issue.id,
      entryId: flex.record.learnings.find((e) => e.surprise)!.id,
      discussed: true,
      note: 'Spain first.',
    });
    d.site = new FixedSiteFacts('https://acme.atlassian.net');
    // A sprint without learning goals: the export has no goals section (test/resolvers/retro-export-goals.test.ts has them).
    const goals = {
      read: () => Promise.resolve(undefined),
      write: () => Promise.reject(new Error('not written here')),
      canManageSprints: () => Promise.resolve(false),
    };
    const history = { keep: () => Promise.resolve(), prune: () => Promise.resolve(), list: () => Promise.resolve([]) };
    const out = await exportRetro({ ...d, goalsDeps: { ...d, goals, history } }, { project, accountId: 'a', boardId: 1, sprintId: 23 });
    expect(out.markdown).not.toContain('What we hoped to learn');
    expect(out.surprises).toBe(2);
    // Issue links use the site URL from Jira's server info, not from the resolver context.
    expect(out.markdown).toContain('https://acme.atlassian.net/browse/FLEX-112');
    expect(out.markdown).toContain('> **Take-away:** Spain first.');
    expect(JSON.stringify(out.adf)).toContain('"type":"doc"');
  });
});
