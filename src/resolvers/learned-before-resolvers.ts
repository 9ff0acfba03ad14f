import type { Handlers } from '@forge/resolver';
import { z } from 'zod';
import { findLearnedBefore } from '../app/learned-before/find-learned-before';
import { listReuses, helpedLink } from '../app/learned-before/learning-reuse';
import { AppError } from '../contract/errors';
import type { LearnedBeforeDefs } from '../contract/learned-before';
import { LIMITS } from '../domain/record/learning-record';
import { textLength } from '../domain/record/text';
import { helpedDeps, learnedBeforeDeps, reusesDeps } from './forge-deps';
import { noPayload } from './panel-resolvers';
import { issueContextOf } from './resolver-context';
import { runResolver } from './run-resolver';

const findPayload = z.strictObject({
  text: z
    .string()
    .refine((value) => textLength(value) <= LIMITS.hypothesisChars, `Search with at most ${LIMITS.hypothesisChars} characters.`),
  tags: z
    .array(z.string().max(LIMITS.tagChars * 8, `A tag may be at most ${LIMITS.tagChars} characters.`))
    .max(LIMITS.tags, `Search with at most ${LIMITS.tags} tags.`),
});
const helpedPayload = z.strictObject({
  sourceIssueKey: z
    .string()
    .max(64)
    .regex(/^[A-Z][A-Z0-9_]*-\d+$/, 'Name the earlier issue by its key, like FLEX-112.'),
});

/** "Learned before" in the issue panel: the current issue and the person always come from the context. */
export const learnedBeforeHandlers: Handlers<LearnedBeforeDefs> = {
  'learnedBefore/find': ({ payload, context }) =>
    runResolver(findPayload, payload, (input) =>
      findLearnedBefore(learnedBeforeDeps(), { issue: issueContextOf(context).issue, ...input }),
    ),
  'learnedBefore/helped': ({ payload, context }) =>
    runResolver(helpedPayload, payload, (input) =>
      helpedLink(helpedDeps(), { ...issueContextOf(context), sourceIssueKey: input.sourceIssueKey }),
    ),
  'learnedBefore/reuses': ({ payload, context }) =>
    runResolver(noPayload, payload, () => listReuses(reusesDeps(), issueContextOf(context))),
};
