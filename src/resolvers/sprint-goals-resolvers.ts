import type { Handlers } from '@forge/resolver';
import * as z from '../domain/schema/zod';
import { carryOverGoals } from '../app/sprint-goals/carry-over-goals';
import { openGoals } from '../app/sprint-goals/open-goals';
import { saveGoals } from '../app/sprint-goals/save-goals';
import type { GoalsCarryOverPayload, GoalsOpenPayload, GoalsSavePayload, SprintGoalsDefs } from '../contract/sprint-goals';
import { GOAL_ID_PATTERN, SPRINT_GOAL_LIMITS } from '../domain/sprint-goals/goals-document';
import { goalListSchema } from '../domain/sprint-goals/goals-schema';
import { goalsDeps } from './forge-deps';
import { goalsProjectOf, goalsScopeOf } from './goals-scope';
import { runResolver } from './run-resolver';

/** A sprint id: a positive whole number (Jira's ids), never text. */
const sprintId = z.int().check(z.positive(), z.maximum(Number.MAX_SAFE_INTEGER));

/** From a sprint's menu the sprint comes from the context, so the payload may leave it out. */
const openPayload = z.strictObject({ sprintId: z.optional(sprintId) }) satisfies z.ZodMiniType<GoalsOpenPayload>;
const savePayload = z.strictObject({
  sprintId: z.optional(sprintId),
  base: z.strictObject({ revision: z.int().check(z.nonnegative(), z.maximum(Number.MAX_SAFE_INTEGER)), goals: goalListSchema }),
  goals: goalListSchema,
}) satisfies z.ZodMiniType<GoalsSavePayload>;
const carryOverPayload = z.strictObject({
  fromSprintId: sprintId,
  toSprintId: sprintId,
  goalIds: z
    .array(z.string().check(z.regex(GOAL_ID_PATTERN, 'A goal id holds only letters, digits, "-" and "_".')))
    .check(z.minLength(1, 'Choose at least one goal to carry over.'), z.maxLength(SPRINT_GOAL_LIMITS.goals)),
}) satisfies z.ZodMiniType<GoalsCarryOverPayload>;

/** "What we hoped to learn": a sprint's learning goals, stored on the sprint; from the retro view or the sprint's menu. */
export const sprintGoalsHandlers: Handlers<SprintGoalsDefs> = {
  'goals/open': ({ payload, context }) =>
    runResolver(openPayload, payload, (input) => openGoals(goalsDeps(), goalsScopeOf(context, input.sprintId))),
  'goals/save': ({ payload, context }) =>
    runResolver(savePayload, payload, (input) => saveGoals(goalsDeps(), { ...input, ...goalsScopeOf(context, input.sprintId) })),
  'goals/carryOver': ({ payload, context }) =>
    runResolver(carryOverPayload, payload, (input) => carryOverGoals(goalsDeps(), { ...goalsProjectOf(context), ...input })),
};
