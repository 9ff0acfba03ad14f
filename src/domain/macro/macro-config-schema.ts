/**
 * The strict schema of the macro's configuration: what the config view
 * submits and what a preview asks for. Backend only (the UI reads configs
 * with `macroConfigOf`, which keeps zod out of its bundles).
 */
import * as z from '../schema/zod';
import { GROUPINGS } from '../search/learning-cards';
import { SORTS } from '../search/learning-query';
import { OUTCOMES } from '../record/learning-record';
import { LAYOUTS, MACRO_LIMITS, SHOWABLE_PARTS, type MacroConfig, type ShowablePart } from './macro-config';

export const macroConfigSchema = z.strictObject({
  title: z.string().check(z.maxLength(MACRO_LIMITS.titleChars, `The title may be at most ${MACRO_LIMITS.titleChars} characters.`)),
  jql: z.string().check(z.maxLength(MACRO_LIMITS.jqlChars, `The JQL may be at most ${MACRO_LIMITS.jqlChars} characters.`)),
  groupBy: z.enum(GROUPINGS),
  surprisesOnly: z.boolean(),
  outcomes: z.array(z.enum(OUTCOMES)).check(z.maxLength(OUTCOMES.length)),
  sort: z.enum(SORTS),
  layout: z.enum(LAYOUTS),
  show: z.strictObject(Object.fromEntries(SHOWABLE_PARTS.map((part) => [part, z.boolean()])) as Record<ShowablePart, z.ZodMiniBoolean>),
}) satisfies z.ZodMiniType<MacroConfig>;
