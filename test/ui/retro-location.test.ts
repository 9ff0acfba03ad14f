import { pathOfView, payloadOfPath } from '../../static/retro/src/state/retro-location';

describe("the retro view's URL", () => {
  it('names the board and sprint shown, and reads them back', () => {
    const board = { id: 12, name: 'B', type: 'scrum' } as const;
    expect(pathOfView({ board, sprint: { id: 345, state: 'closed' } as never })).toBe('/board/12/sprint/345');
    expect(payloadOfPath('/board/12/sprint/345')).toEqual({ boardId: 12, sprintId: 345 });
    expect(pathOfView({ board, sprint: { id: 345, state: 'future' } as never })).toBe('/board/12/sprint/345');
    // The active sprint is kept as "the active one, last seen": once it closes, the link opens the next.
    expect(pathOfView({ board, sprint: { id: 346, state: 'active' } as never })).toBe('/board/12/active-sprint/346');
    expect(payloadOfPath('/board/12/active-sprint/346')).toEqual({ boardId: 12, activeSprintId: 346 });
    expect(pathOfView({ board: { id: 12, name: 'B', type: 'scrum' }, sprint: null })).toBe('/board/12');
    expect(payloadOfPath('/board/12/')).toEqual({ boardId: 12 });
    expect(pathOfView({ board: null, sprint: null })).toBeNull();
  });

  it('reads any other path as nothing named', () => {
    for (const path of [
      '',
      '/',
      '/board/0/sprint/3',
      '/board/x',
      '/board/1/sprint/-2',
      '/board/1/sprint/2/extra',
      '/board/1/active/2',
      '/board/1/active-sprint/x',
      '/sprint/3',
      `/board/${'9'.repeat(16)}`,
    ])
      expect(payloadOfPath(path)).toEqual({});
    expect(payloadOfPath('/board/4/sprint/0')).toEqual({ boardId: 4 });
    expect(payloadOfPath('/board/4/active-sprint/0')).toEqual({ boardId: 4 });
  });
});
