import {
  browserStorage,
  firstPayload,
  forgetPath,
  projectKeyOf,
  rememberedPayload,
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
};

const never = new Promise<string | null>(() => undefined);

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

  it('works without storage, and with a storage that throws on every use', async () => {
    for (const storage of [null, blocked]) {
      expect(() => {
        rememberPath('FLEX', '/board/12/sprint/34', storage);
      }).not.toThrow();
      expect(rememberedPayload('FLEX', storage)).toEqual({});
      expect(() => {
        forgetPath('FLEX', storage);
      }).not.toThrow();
      await expect(firstPayload({}, Promise.resolve('FLEX'), storage)).resolves.toEqual({ payload: {}, rememberedFor: null });
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

  it("opens the URL's board and sprint whatever is remembered, without waiting for the project", async () => {
    const storage = new MemoryStorage();
    rememberPath('FLEX', '/board/12/sprint/34', storage);
    await expect(firstPayload({ boardId: 3, sprintId: 5 }, never, storage)).resolves.toEqual({
      payload: { boardId: 3, sprintId: 5 },
      rememberedFor: null,
    });
    await expect(firstPayload({ boardId: 3 }, never, storage)).resolves.toEqual({ payload: { boardId: 3 }, rememberedFor: null });
  });

  it('opens the remembered board and sprint when the URL names nothing, and nothing when the project is unknown', async () => {
    const storage = new MemoryStorage();
    rememberPath('FLEX', '/board/12/sprint/34', storage);
    await expect(firstPayload({}, Promise.resolve('FLEX'), storage)).resolves.toEqual({
      payload: { boardId: 12, sprintId: 34 },
      rememberedFor: 'FLEX',
    });
    await expect(firstPayload({}, Promise.resolve('OPS'), storage)).resolves.toEqual({ payload: {}, rememberedFor: null });
    await expect(firstPayload({}, Promise.resolve(null), storage)).resolves.toEqual({ payload: {}, rememberedFor: null });
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
