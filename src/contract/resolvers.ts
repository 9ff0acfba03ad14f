/**
 * The one definition of what the UI may call. The backend implements it with
 * `makeResolver<LearningLoopDefs>`, the UI calls it with `makeInvoke<LearningLoopDefs>`,
 * so a renamed resolver or a changed payload fails to compile on both sides.
 * Each surface declares its own part; this file joins them.
 */
import type { LearnedBeforeDefs } from './learned-before';
import type { LibraryDefs } from './library';
import type { MacroDefs } from './macro';
import type { PanelDefs } from './panel';
import type { RetroDefs } from './retro';
import type { SprintGoalsDefs } from './sprint-goals';

export type * from './learned-before';
export type * from './library';
export type * from './macro';
export type * from './panel';
export type * from './retro';
export type * from './sprint-goals';

export type LearningLoopDefs = PanelDefs & MacroDefs & RetroDefs & LearnedBeforeDefs & SprintGoalsDefs & LibraryDefs;

export type ResolverKey = keyof LearningLoopDefs;
