import { makeResolver } from '@forge/resolver';
import type { LearningLoopDefs } from '../contract/resolvers';
import { macroHandlers } from './macro-resolvers';
import { panelHandlers } from './panel-resolvers';

/** The one Forge function behind every module: each surface brings its own handlers. */
export const handler = makeResolver<LearningLoopDefs>({ ...panelHandlers, ...macroHandlers });
