import { chooseBoard, chooseSprint, pickerSprints, previousSprintOf, type Board, type Sprint } from '../../src/domain/retro/sprint-choice';

const sprint = (id: number, state: Sprint['state'], start: string, end: string, complete: string | null = null): Sprint => ({
  id,
  name: `Sprint ${id}`,
  state,
  startDate: start,
  endDate: end,
  completeDate: complete,
  goal: '',
});

const closed19 = sprint(19, 'closed', '2026-09-07', '2026-09-21', '2026-09-21');
const closed20 = sprint(20, 'closed', '2026-09-21', '2026-10-05', '2026-10-05');
const closed21 = sprint(21, 'closed', '2026-10-05', '2026-10-19', '2026-10-20');
const closed22 = sprint(22, 'closed', '2026-10-19', '2026-11-02', '2026-11-02');
const active23 = sprint(23, 'active', '2026-11-09', '2026-11-23');
const future24 = sprint(24, 'future', '2026-11-23', '2026-12-07');
// Jira lists sprints oldest first; the view must not depend on that order.
const board = [closed21, future24, closed19, active23, closed22, closed20];

describe('choosing the sprint of a retro', () => {
  it('opens on the active sprint', () => {
    expect(chooseSprint(board, undefined)?.id).toBe(23);
  });

  it('opens on the most recently closed sprint when none is active', () => {
    expect(chooseSprint([closed21, closed22, closed20, future24], null)?.id).toBe(22);
  });

  it('takes the latest started of parallel active sprints', () => {
    const parallel = sprint(30, 'active', '2026-11-12', '2026-11-26');
    expect(chooseSprint([...board, parallel], undefined)?.id).toBe(30);
  });

  it('has no sprint for a board with only future sprints, or none', () => {
    expect(chooseSprint([future24], undefined)).toBeNull();
    expect(chooseSprint([], undefined)).toBeNull();
  });

  it("takes the requested sprint only when it is the board's", () => {
    expect(chooseSprint(board, 20)?.id).toBe(20);
    expect(chooseSprint(board, 99)).toBeNull();
  });

  it('compares with the sprint closed just before', () => {
    expect(previousSprintOf(board, active23)?.id).toBe(22);
    expect(previousSprintOf(board, closed22)?.id).toBe(21);
    expect(previousSprintOf(board, closed21)?.id).toBe(20);
    expect(previousSprintOf(board, closed19)).toBeNull();
    expect(previousSprintOf([active23], active23)).toBeNull();
  });

  it('compares with the sprint that ended the day this one started', () => {
    const ended = sprint(22, 'closed', '2026-10-26T08:00:00Z', '2026-11-09T17:00:00Z', '2026-11-09T17:00:00Z');
    const earlier = sprint(21, 'closed', '2026-10-12T08:00:00Z', '2026-10-26T17:00:00Z', '2026-10-26T17:00:00Z');
    const now = sprint(23, 'active', '2026-11-09T08:00:00Z', '2026-11-23T17:00:00Z');
    expect(previousSprintOf([earlier, ended, now], now)?.id).toBe(22);
    expect(previousSprintOf([earlier, ended, now], ended)?.id).toBe(21);
  });

  it('orders by end when sprints have no start date', () => {
    const a = { ...closed20, startDate: null };
    const b = { ...closed21, startDate: null };
    expect(previousSprintOf([a, b], b)?.id).toBe(20);
    expect(previousSprintOf([a, b, { ...active23, startDate: null }], { ...active23, startDate: null })?.id).toBe(21);
  });

  it('offers active, then recent closed newest first, then future sprints', () => {
    expect(pickerSprints(board, active23).map((s) => s.id)).toEqual([23, 22, 21, 20, 19, 24]);
    expect(pickerSprints(board, active23, 2).map((s) => s.id)).toEqual([23, 22, 21, 24]);
  });

  it('keeps an older chosen sprint in the picker', () => {
    expect(pickerSprints(board, closed19, 2).map((s) => s.id)).toEqual([23, 22, 21, 19, 24]);
  });
});

describe('choosing the board', () => {
  const boards: Board[] = [
    { id: 7, name: 'FLEX kanban', type: 'kanban' },
    { id: 8, name: 'FLEX scrum', type: 'scrum' },
    { id: 9, name: 'FLEX ops', type: 'scrum' },
  ];

  it('opens on the first board with sprints', () => {
    expect(chooseBoard(boards, undefined)?.id).toBe(8);
  });

  it('takes a requested board of the project, and only those', () => {
    expect(chooseBoard(boards, 9)?.id).toBe(9);
    expect(chooseBoard(boards, 1)).toBeNull();
  });

  it('has no board when the project has none with sprints', () => {
    expect(chooseBoard([boards[0]!], undefined)).toBeNull();
    expect(chooseBoard([], undefined)).toBeNull();
  });
});
