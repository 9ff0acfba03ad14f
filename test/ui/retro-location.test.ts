import { pathOfView, payloadOfPath } from '../../static/retro/src/state/retro-location';

describe("the retro view's URL", () => {
  it('names the board and sprint shown, and reads them back', () => {
    expect(pathOfView({ board: { id: 12, name: 'B', type: 'scrum' }, sprint: { id: 345 } as never })).toBe('/board/12/sprint/345');
    expect(payloadOfPath('/board/12/sprint/345')).toEqual({ boardId: 12, sprintId: 345 });
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
      '/sprint/3',
      `/board/${'9'.repeat(16)}`,
    ])
      expect(payloadOfPath(path)).toEqual({});
    expect(payloadOfPath('/board/4/sprint/0')).toEqual({ boardId: 4 });
  });
});
