import { makeResolver, type Handlers } from '@forge/resolver';
import type { Result } from '../contract/errors';
import type { LearningLoopDefs } from '../contract/resolvers';
import { learnedBeforeHandlers } from './learned-before-resolvers';
import { macroHandlers } from './macro-resolvers';
import { panelHandlers } from './panel-resolvers';
import { retroHandlers } from './retro-resolvers';

/** Every surface's handlers; add a surface's map here (its Defs join LearningLoopDefs in src/contract/resolvers.ts). */
const handlers: Handlers<LearningLoopDefs> = { ...panelHandlers, ...macroHandlers, ...retroHandlers, ...learnedBeforeHandlers };

/** The resolver keys served, for tests that must cover every one (the fuzzer, the permission matrix). */
export const resolverKeys = Object.keys(handlers) as Array<keyof LearningLoopDefs>;

const definitions = makeResolver<LearningLoopDefs>(handlers);

type Invocation = Parameters<typeof definitions>[0];

/**
 * The one Forge function behind every module. `@forge/resolver` finds a handler with
 * `key in functions`, which also reaches inherited members (`constructor`, `__proto__`,
 * `hasOwnProperty`): only the app's own keys are dispatched, anything else is a typed error.
 */
export const handler = async (invocation: Invocation, backend: Parameters<typeof definitions>[1]): Promise<unknown> => {
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
