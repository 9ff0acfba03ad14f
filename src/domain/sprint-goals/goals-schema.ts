/** The shapes of goals as they travel (payloads) and as Jira stores them (the property), checked with zod. */
import * as z from '../schema/zod';
import {
  GOAL_ANSWERS,
  GOAL_ID_PATTERN,
  GOALS_SCHEMA_VERSION,
  SPRINT_GOAL_LIMITS,
  type SprintGoal,
  type SprintGoalsDocument,
} from './goals-document';

const link = z.nullable(z.strictObject({ sprintId: z.int().check(z.positive()), goalId: z.string().check(z.regex(GOAL_ID_PATTERN)) }));

/** Lengths are bounded loosely here (code units, a safety net); `goalsProblem` counts characters as the UI does. */
export const goalSchema = z.strictObject({
  id: z.string().check(z.regex(GOAL_ID_PATTERN, 'A goal id holds only letters, digits, "-" and "_".')),
  question: z.string().check(z.maxLength(SPRINT_GOAL_LIMITS.questionChars * 2)),
  ownerAccountId: z.nullable(z.string().check(z.maxLength(128))),
  issueKeys: z.array(z.string().check(z.maxLength(64))).check(z.maxLength(SPRINT_GOAL_LIMITS.issueKeysPerGoal)),
  answer: z.enum(GOAL_ANSWERS),
  answerNote: z.string().check(z.maxLength(SPRINT_GOAL_LIMITS.answerNoteChars * 2)),
  carriedFrom: link,
  carriedTo: link,
}) satisfies z.ZodMiniType<SprintGoal>;

export const goalListSchema = z
  .array(goalSchema)
  .check(z.maxLength(SPRINT_GOAL_LIMITS.goals, `A sprint may have at most ${SPRINT_GOAL_LIMITS.goals} learning goals.`));

const storedSchema = z.object({
  schemaVersion: z.int(),
  revision: z.int().check(z.nonnegative()),
  updatedAt: z.nullable(z.string()),
  updatedBy: z.nullable(z.string()),
  goals: z.array(goalSchema),
});

export type StoredGoals =
  | { kind: 'absent' }
  | { kind: 'readable'; document: SprintGoalsDocument }
  /** Written by a newer version of the app: shown, never overwritten. */
  | { kind: 'newer'; schemaVersion: number }
  | { kind: 'unreadable' };

/** What a stored property value holds. */
export function readStoredGoals(value: unknown): StoredGoals {
  if (value === undefined || value === null) return { kind: 'absent' };
  const version = (value as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > GOALS_SCHEMA_VERSION) return { kind: 'newer', schemaVersion: version };
  const parsed = storedSchema.safeParse(value);
  return parsed.success ? { kind: 'readable', document: parsed.data } : { kind: 'unreadable' };
}
