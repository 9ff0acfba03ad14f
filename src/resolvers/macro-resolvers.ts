import type { Handlers } from '@forge/resolver';
import * as z from '../domain/schema/zod';
import { checkJql } from '../app/macro/check-jql';
import { collectLearnings } from '../app/macro/collect-learnings';
import { countLearnings } from '../app/macro/count-learnings';
import { findBoards } from '../app/macro/find-boards';
import { findEpics } from '../app/macro/find-epics';
import { listSprints } from '../app/macro/list-sprints';
import { BOARD_SEARCH_LIMITS, EPIC_SEARCH_LIMITS } from '../contract/limits';
import type {
  BoardSearchPayload,
  EpicSearchPayload,
  JqlCheckPayload,
  MacroCountPayload,
  MacroDefs,
  MacroLearningsPayload,
  SprintListPayload,
} from '../contract/macro';
import { MACRO_LIMITS, macroConfigOf, queryOf, type MacroConfig } from '../domain/macro/macro-config';
import { macroConfigSchema } from '../domain/macro/macro-config-schema';
import { searchDeps, sprintPickerDeps } from './forge-deps';
import { accountOf, macroContextOf } from './resolver-context';
import { runResolver } from './run-resolver';

export const pageTokenSchema = z.optional(z.nullable(z.string().check(z.maxLength(2000))));
const macroLearningsPayload = z.strictObject({
  pageToken: pageTokenSchema,
  config: z.optional(macroConfigSchema),
}) satisfies z.ZodMiniType<MacroLearningsPayload>;
const macroCountPayload = z.strictObject({ config: z.optional(macroConfigSchema) }) satisfies z.ZodMiniType<MacroCountPayload>;
const epicSearchPayload = z.strictObject({
  text: z
    .string()
    .check(z.maxLength(EPIC_SEARCH_LIMITS.textChars, `Type at most ${EPIC_SEARCH_LIMITS.textChars} characters to find an epic.`)),
}) satisfies z.ZodMiniType<EpicSearchPayload>;
const boardSearchPayload = z.strictObject({
  text: z
    .string()
    .check(z.maxLength(BOARD_SEARCH_LIMITS.textChars, `Type at most ${BOARD_SEARCH_LIMITS.textChars} characters to find a board.`)),
}) satisfies z.ZodMiniType<BoardSearchPayload>;
const agileId = z.optional(z.nullable(z.int().check(z.positive(), z.maximum(Number.MAX_SAFE_INTEGER))));
const sprintListPayload = z.strictObject({ boardId: agileId, sprintId: agileId }) satisfies z.ZodMiniType<SprintListPayload>;
const jqlCheckPayload = z.strictObject({
  jql: z.string().check(z.maxLength(MACRO_LIMITS.jqlChars, `The JQL may be at most ${MACRO_LIMITS.jqlChars} characters.`)),
}) satisfies z.ZodMiniType<JqlCheckPayload>;

/** The page's stored config rules; a payload config is only a preview inside the config view. */
function configFor(context: unknown, preview: MacroConfig | undefined): { accountId: string; config: MacroConfig } {
  const { accountId, storedConfig, isConfiguring } = macroContextOf(context);
  return { accountId, config: isConfiguring && preview ? preview : macroConfigOf(storedConfig) };
}

/** The Confluence macro and its config view. */
export const macroHandlers: Handlers<MacroDefs> = {
  'macro/list': ({ payload, context }) =>
    runResolver(macroLearningsPayload, payload, async (input) => {
      const { accountId, config } = configFor(context, input.config);
      const page = await collectLearnings(searchDeps(), {
        accountId,
        query: queryOf(config),
        pageToken: input.pageToken,
        groupBy: config.groupBy,
      });
      return { ...page, config };
    }),
  'macro/count': ({ payload, context }) =>
    runResolver(macroCountPayload, payload, (input) => countLearnings(searchDeps(), queryOf(configFor(context, input.config).config))),
  'macro/findEpics': ({ payload, context }) =>
    runResolver(epicSearchPayload, payload, (input) => {
      macroContextOf(context);
      return findEpics(searchDeps(), input);
    }),
  'macro/findBoards': ({ payload, context }) =>
    runResolver(boardSearchPayload, payload, (input) => {
      macroContextOf(context);
      return findBoards(sprintPickerDeps(), input);
    }),
  'macro/listSprints': ({ payload, context }) =>
    runResolver(sprintListPayload, payload, (input) => {
      macroContextOf(context);
      return listSprints(sprintPickerDeps(), input);
    }),
  'jql/check': ({ payload, context }) =>
    runResolver(jqlCheckPayload, payload, (input) => {
      accountOf(context);
      return checkJql(searchDeps(), input);
    }),
};
