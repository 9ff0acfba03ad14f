import { sprintIdOf, sprintJql, sprintPickerOrder } from '../../src/domain/macro/sprint-query';
import { JQL_PRESETS } from '../../src/domain/macro/macro-config';
import type { Sprint } from '../../src/domain/retro/sprint-choice';

const sprint = (id: number, state: Sprint['state'], startDate: string | null, endDate: string | null = null): Sprint => ({
  id,
  name: `Sprint ${id}`,
  state,
  startDate,
  endDate,
  completeDate: state === 'closed' ? endDate : null,
  goal: '',
});

describe('the retro preset pins its sprint', () => {
  it('writes the sprint by its id and reads it back as a person may retype it', () => {
    expect(sprintJql(4211)).toBe('sprint = 4211 AND learningSurprise = "true"');
    expect(sprintIdOf('sprint = 4211 AND learningSurprise = "true"')).toBe(4211);
    expect(sprintIdOf('  SPRINT=7  and  learningSurprise  =  "true" ')).toBe(7);
    for (const other of [
      'sprint in openSprints() AND learningSurprise = "true"',
      'sprint = 7 AND learningSurprise = "true" AND project = FLEX',
      'sprint = 0 AND learningSurprise = "true"',
      'sprint = "Sprint 7" AND learningSurprise = "true"',
      'sprint = 7',
      `sprint = ${'9'.repeat(20)} AND learningSurprise = "true"`,
    ])
      expect(sprintIdOf(other)).toBeNull();
  });

  it('offers no preset whose meaning changes when the next sprint starts', () => {
    expect(JQL_PRESETS.map((p) => p.jql).join(' ')).not.toMatch(/openSprints|closedSprints|futureSprints/);
  });
});

describe("the picker's order", () => {
  const sprints = [
    sprint(1, 'closed', '2025-01-01', '2025-01-14'),
    sprint(2, 'closed', '2025-01-15', '2025-01-28'),
    sprint(3, 'closed', '2025-01-29', '2025-02-11'),
    sprint(6, 'future', '2025-03-12'),
    sprint(5, 'future', '2025-02-26'),
    sprint(4, 'active', '2025-02-12', '2025-02-25'),
    sprint(7, 'future', null),
  ];

  it('is active, then future (the next first, undated last), then recent closed (newest first)', () => {
    expect(sprintPickerOrder(sprints, null).map((s) => s.id)).toEqual([4, 5, 6, 7, 3, 2, 1]);
  });

  it('keeps only the recent closed sprints, and a picked older one at the end', () => {
    expect(sprintPickerOrder(sprints, null, 2).map((s) => s.id)).toEqual([4, 5, 6, 7, 3, 2]);
    expect(sprintPickerOrder(sprints, sprints[0]!, 2).map((s) => s.id)).toEqual([4, 5, 6, 7, 3, 2, 1]);
  });
});
