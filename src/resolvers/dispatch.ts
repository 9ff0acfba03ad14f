import { makeResolver, type Handlers } from '@forge/resolver';
import type { Result } from '../contract/errors';

type ForgeFunction = ReturnType<typeof makeResolver>;
type Invocation = Parameters<ForgeFunction>[0];
type Backend = Parameters<ForgeFunction>[1];
/** What `makeResolver` accepts: a map of resolver keys to `(payload) => result`. */
type Defs = Parameters<typeof makeResolver>[0] extends Handlers<infer D> ? D : never;

/**
 * A Forge function serving these handlers. `@forge/resolver` finds a handler with
 * `key in functions`, which also reaches inherited members (`constructor`, `__proto__`,
 * `hasOwnProperty`): only the map's own keys are dispatched, anything else is a typed error.
 */
export function forgeFunctionOf<D extends Defs>(handlers: Handlers<D>): (invocation: Invocation, backend: Backend) => Promise<unknown> {
  const definitions = makeResolver<D>(handlers);
  return async (invocation, backend) => {
    const key = (invocation as { call?: { functionKey?: unknown } } | undefined)?.call?.functionKey;
    if (typeof key !== 'string' || !Object.prototype.hasOwnProperty.call(handlers, key)) {
      const refused: Result<never> = {
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'Learning Loop does not know this action. Reload the page.' },
      };
      return refused;
    }
    return definitions(invocation, backend);
  };
}
