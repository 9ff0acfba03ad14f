/**
 * The handler dispatches only the app's own resolver keys. `@forge/resolver` looks a key up
 * with `in`, which reaches inherited members: without the guard, `constructor` or
 * `hasOwnProperty` would run an object's built-in instead of failing.
 */
import { useLocalSite } from '../support/local-site';

const site = useLocalSite();

describe('resolver keys', () => {
  it.each(['constructor', '__proto__', 'hasOwnProperty', 'toString', 'valueOf', 'learning/nope', ''])(
    'answers %j with a typed INVALID_INPUT and makes no call',
    async (functionKey) => {
      const { result, calls } = await site.invoke({
        functionKey: functionKey as never,
        as: 'alice',
        issueKey: 'FLEX-112',
        payload: { probe: 'x' },
      });
      expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/does not know this action/) } });
      expect(calls).toEqual([]);
    },
  );
});
