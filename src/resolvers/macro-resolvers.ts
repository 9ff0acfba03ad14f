import type { Handlers } from '@forge/resolver';
import * as z from '../domain/schema/zod';
import { checkJql } from '../app/macro/check-jql';
import { collectLearnings } from '../app/macro/collect-learnings';
import type { JqlCheckPayload, MacroDefs, MacroLearningsPayload } from '../contract/macro';
import { MACRO_LIMITS, macroConfigOf, queryOf } from '../domain/macro/macro-config';
import { macroConfigSchema } from '../domain/macro/macro-config-schema';
import { searchDeps } from './forge-deps';
import { accountOf, macroContextOf } from './resolver-context';
import { runResolver } from './run-resolver';

export const pageTokenSchema = z.optional(z.nullable(z.string().check(z.maxLength(2000))));
const macroLearningsPayload = z.strictObject({
  pageToken: pageTokenSchema,
  config: z.optional(macroConfigSchema),
}) satisfies z.ZodMiniType<MacroLearningsPayload>;
const jqlCheckPayload = z.strictObject({
  jql: z.string().check(z.maxLength(MACRO_LIMITS.jqlChars, `The JQL may be at most ${MACRO_LIMITS.jqlChars} characters.`)),
}) satisfies z.ZodMiniType<JqlCheckPayload>;

/** The Confluence macro and its config view. */
export const macroHandlers: Handlers<MacroDefs> = {
  'macro/list': ({ payload, context }) =>
    runResolver(macroLearningsPayload, payload, async (input) => {
      const { accountId, storedConfig, isConfiguring } = macroContextOf(context);
      // The page's stored config rules; a payload config is only a preview inside the config view.
      const config = isConfiguring && input.config ? input.config : macroConfigOf(storedConfig);
      const page = await collectLearnings(searchDeps(), {
        accountId,
        query: queryOf(config),
        pageToken: input.pageToken,
        groupBy: config.groupBy,
      });
      return { ...page, config };
    }),
  'jql/check': ({ payload, context }) =>
    runResolver(jqlCheckPayload, payload, (input) => {
      accountOf(context);
      return checkJql(searchDeps(), input);
    }),
};
