import {
  browserStorage,
  checkFirstOpening,
  forgetPath,
  projectKeyOf,
  rememberedPayload,
  rememberedSprints,
  rememberPath,
  type PathStorage,
} from '../../static/retro/src/state/remembered-location';

/** localStorage as a browser that keeps it would. */
class MemoryStorage implements PathStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
}

/** localStorage as a browser that blocks it in a third-party frame: every use throws. */
const blocked: PathStorage = {
  getItem: () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  },
  removeItem: () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
  get length(): number {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
  key: () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
};

describe("the retro view's board and sprint remembered in the browser", () => {
  it('remembers the path shown per project, as ids only, and forgets it', () => {
    const storage = new MemoryStorage();
    rememberPath('FLEX', '/board/12/sprint/34', storage);
    rememberPath('OPS', '/board/7/active-sprint/8', storage);
    expect(storage.items).toEqual(
      new Map([
        ['learning-loop.retro.FLEX', '/board/12/sprint/34'],
        ['learning-loop.retro.OPS', '/board/7/active-sprint/8'],
      ]),
    );
    expect(rememberedPayload('FLEX', storage)).toEqual({ boardId: 12, sprintId: 34 });
    expect(rememberedPayload('OPS', storage)).toEqual({ boardId: 7, activeSprintId: 8 });
    expect(rememberedPayload('DATA', storage)).toEqual({});

    rememberPath('FLEX', '/board/12', storage);
    expect(rememberedPayload('FLEX', storage)).toEqual({ boardId: 12 });
    // A path that names nothing does not replace the one kept.
    rememberPath('FLEX', '/', storage);
    expect(rememberedPayload('FLEX', storage)).toEqual({ boardId: 12 });

    forgetPath('FLEX', storage);
    expect(rememberedPayload('FLEX', storage)).toEqual({});
    expect(rememberedPayload('OPS', storage)).toEqual({ boardId: 7, activeSprintId: 8 });
  });

  it('reads anything but a path the view writes as nothing remembered', () => {
    const storage = new MemoryStorage();
    for (const kept of ['', 'FLEX', '{"boardId":12}', '/board/x', '/board/1/sprint/2/extra', 'javascript:alert(1)', '/board/0']) {
      storage.setItem('learning-loop.retro.FLEX', kept);
      expect(rememberedPayload('FLEX', storage)).toEqual({});
    }
  });

  it('works without storage, and with a storage that throws on every use', () => {
    for (const storage of [null, blocked]) {
      expect(() => {
        rememberPath('FLEX', '/board/12/sprint/34', storage);
      }).not.toThrow();
      expect(rememberedPayload('FLEX', storage)).toEqual({});
      expect(() => {
        forgetPath('FLEX', storage);
      }).not.toThrow();
      expect(rememberedSprints(storage)).toEqual({});
      expect(checkFirstOpening({}, 'FLEX', {}, storage)).toEqual({ payload: {}, sentServes: true });
    }
  });

  it("finds no storage where the page's localStorage is missing or throws when read", () => {
    const scope = globalThis as { localStorage?: unknown };
    const own = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
    try {
      Object.defineProperty(globalThis, 'localStorage', { configurable: true, value: undefined });
      expect(browserStorage()).toBeNull();
      Object.defineProperty(globalThis, 'localStorage', {
        configurable: true,
        get: () => {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      });
      expect(browserStorage()).toBeNull();
      const storage = new MemoryStorage();
      Object.defineProperty(globalThis, 'localStorage', { configurable: true, value: storage });
      expect(browserStorage()).toBe(storage);
      rememberPath('FLEX', '/board/12/sprint/34');
      expect(scope.localStorage).toBe(storage);
      expect(storage.getItem('learning-loop.retro.FLEX')).toBe('/board/12/sprint/34');
    } finally {
      if (own) Object.defineProperty(globalThis, 'localStorage', own);
      else delete scope.localStorage;
    }
  });

  it("sends every project's remembered sprint, up to the backend's limit, and nothing else kept in the frame's storage", () => {
    const storage = new MemoryStorage();
    rememberPath('FLEX', '/board/12/sprint/34', storage);
    rememberPath('OPS', '/board/7/active-sprint/8', storage);
    rememberPath('DATA', '/board/3', storage);
    storage.setItem('learning-loop.retro.flex', '/board/1/sprint/2');
    storage.setItem('learning-loop.retro.WEB', 'not a path');
    storage.setItem('someone-else', '/board/1/sprint/2');
    expect(rememberedSprints(storage)).toEqual({
      FLEX: { boardId: 12, sprintId: 34 },
      OPS: { boardId: 7, activeSprintId: 8 },
      DATA: { boardId: 3 },
    });

    const many = new MemoryStorage();
    for (let i = 0; i < 25; i++) rememberPath(`P${i}`, `/board/${i + 1}/sprint/${i + 100}`, many);
    const sent = rememberedSprints(many);
    expect(Object.keys(sent)).toHaveLength(20);
    expect(sent.P0).toEqual({ boardId: 1, sprintId: 100 });
    expect(sent.P21).toBeUndefined();
  });

  it("keeps the call sent at load when it opened what the page names, whatever the URL's form", () => {
    const storage = new MemoryStorage();
    rememberPath('FLEX', '/board/12/sprint/34', storage);
    const sent = rememberedSprints(storage);
    // The sidebar's link (nothing in the URL): the project's remembered sprint, which the call carried.
    expect(checkFirstOpening({}, 'FLEX', sent, storage)).toEqual({ payload: { boardId: 12, sprintId: 34 }, sentServes: true });
    // Reloaded on the sprint shown last: the URL names what is remembered.
    expect(checkFirstOpening({ boardId: 12, sprintId: 34 }, 'FLEX', sent, storage)).toEqual({
      payload: { boardId: 12, sprintId: 34 },
      sentServes: true,
    });
    // Nothing remembered for this project: the call opened the default, as the page asks.
    expect(checkFirstOpening({}, 'OPS', sent, storage)).toEqual({ payload: {}, sentServes: true });
    // The project is unknown (no context in time): the backend knew it, and opened its remembered sprint.
    expect(checkFirstOpening({}, null, sent, storage)).toEqual({ payload: {}, sentServes: true });
  });

  it('asks again for a URL that names another sprint, or a remembered sprint the call could not carry', () => {
    const storage = new MemoryStorage();
    rememberPath('FLEX', '/board/12/sprint/34', storage);
    const sent = rememberedSprints(storage);
    expect(checkFirstOpening({ boardId: 3, sprintId: 5 }, 'FLEX', sent, storage)).toEqual({
      payload: { boardId: 3, sprintId: 5 },
      sentServes: false,
    });
    expect(checkFirstOpening({ boardId: 12, activeSprintId: 34 }, 'FLEX', sent, storage).sentServes).toBe(false);
    expect(checkFirstOpening({ boardId: 12 }, 'OPS', sent, storage)).toEqual({ payload: { boardId: 12 }, sentServes: false });
    expect(checkFirstOpening({ boardId: 3 }, null, sent, storage)).toEqual({ payload: { boardId: 3 }, sentServes: false });
    // Remembered after the call left (or beyond the limit): not in what was sent.
    rememberPath('OPS', '/board/7/active-sprint/8', storage);
    expect(checkFirstOpening({}, 'OPS', sent, storage)).toEqual({ payload: { boardId: 7, activeSprintId: 8 }, sentServes: false });
  });

  it("reads the project's key from a project page's context, and nothing else", () => {
    expect(projectKeyOf({ extension: { type: 'jira:projectPage', project: { id: '10000', key: 'FLEX', type: 'software' } } })).toBe('FLEX');
    for (const context of [
      null,
      undefined,
      {},
      { extension: {} },
      { extension: { project: { key: 12 } } },
      { extension: { project: { key: 'flex' } } },
    ])
      expect(projectKeyOf(context)).toBeNull();
    expect(projectKeyOf({ extension: { project: { key: '../FLEX' } } })).toBeNull();
  });
});
