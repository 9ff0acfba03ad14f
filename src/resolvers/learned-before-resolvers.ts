import type { Handlers } from '@forge/resolver';
import * as z from '../domain/schema/zod';
import { findLearnedBefore } from '../app/learned-before/find-learned-before';
import { listReuses, helpedLink } from '../app/learned-before/learning-reuse';
import type { HelpedPayload, LearnedBeforeDefs, LearnedBeforePayload } from '../contract/learned-before';
import { LIMITS } from '../domain/record/learning-record';
import { ISSUE_KEY_PATTERN } from '../domain/record/identifiers';
import { textLength } from '../domain/record/text';
import { helpedDeps, learnedBeforeDeps, reusesDeps } from './forge-deps';
import { issueContextOf } from './resolver-context';
import { noPayload, runResolver } from './run-resolver';

const findPayload = z.strictObject({
  text: z
    .string()
    .check(z.refine((value) => textLength(value) <= LIMITS.hypothesisChars, `Search with at most ${LIMITS.hypothesisChars} characters.`)),
  tags: z
    .array(z.string().check(z.maxLength(LIMITS.tagChars * 8, `A tag may be at most ${LIMITS.tagChars} characters.`)))
    .check(z.maxLength(LIMITS.tags, `Search with at most ${LIMITS.tags} tags.`)),
}) satisfies z.ZodMiniType<LearnedBeforePayload>;
const helpedPayload = z.strictObject({
  sourceIssueKey: z.string().check(z.maxLength(64), z.regex(ISSUE_KEY_PATTERN, 'Name the earlier issue by its key, like ABC-12.')),
}) satisfies z.ZodMiniType<HelpedPayload>;

/** "Learned before" in the issue panel: the current issue and the person always come from the context. */
export const learnedBeforeHandlers: Handlers<LearnedBeforeDefs> = {
  'learnedBefore/find': ({ payload, context }) =>
    runResolver(findPayload, payload, (input) =>
      findLearnedBefore(learnedBeforeDeps(), { issue: issueContextOf(context).issue, ...input }),
    ),
  'learnedBefore/markHelped': ({ payload, context }) =>
    runResolver(helpedPayload, payload, (input) =>
      helpedLink(helpedDeps(), { ...issueContextOf(context), sourceIssueKey: input.sourceIssueKey }),
    ),
  'learnedBefore/listReuses': ({ payload, context }) =>
    runResolver(noPayload, payload, () => listReuses(reusesDeps(), issueContextOf(context))),
};
