import type { Handlers } from '@forge/resolver';
import type { LearningLoopDefs } from '../contract/resolvers';
import { forgeFunctionOf } from './dispatch';
import { learnedBeforeHandlers } from './learned-before-resolvers';
import { libraryHandlers } from './library-resolvers';
import { macroHandlers } from './macro-resolvers';
import { panelHandlers } from './panel-resolvers';
import { retroHandlers } from './retro-resolvers';
import { sprintGoalsHandlers } from './sprint-goals-resolvers';

/** Every surface's handlers; add a surface's map here (its Defs join LearningLoopDefs in src/contract/resolvers.ts). */
const handlers: Handlers<LearningLoopDefs> = {
  ...panelHandlers,
  ...macroHandlers,
  ...retroHandlers,
  ...learnedBeforeHandlers,
  ...sprintGoalsHandlers,
  ...libraryHandlers,
};

/** The resolver keys served, for tests that must cover every one (the fuzzer, the permission matrix). */
export const resolverKeys = Object.keys(handlers) as Array<keyof LearningLoopDefs>;

/** The function behind the macro, its config view, the project page and the global page (it serves every key). */
export const handler = forgeFunctionOf<LearningLoopDefs>(handlers);
