import * as z from '../domain/schema/zod';
import { AppError } from '../contract/errors';
import { ISSUE_KEY_PATTERN, NUMERIC_ID_PATTERN, PROJECT_KEY_PATTERN } from '../domain/record/identifiers';
import type { IssueRef } from '../domain/record/learning-record';

const issuePanelContext = z.object({
  accountId: z.string().check(z.minLength(1)),
  extension: z.object({
    issue: z.object({ key: z.string().check(z.regex(ISSUE_KEY_PATTERN)), id: z.string().check(z.regex(NUMERIC_ID_PATTERN)) }),
  }),
});

/**
 * The issue and the person come from the Forge context, which the platform
 * fills in; a payload is never trusted for either.
 */
export function issueContextOf(context: unknown): { issue: IssueRef; accountId: string } {
  const parsed = issuePanelContext.safeParse(context);
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', 'This action only works from a Jira issue, with a signed-in user.');
  }
  const { key, id } = parsed.data.extension.issue;
  return { issue: { key, id }, accountId: parsed.data.accountId };
}

const macroContext = z.object({
  accountId: z.string().check(z.minLength(1)),
  extension: z.object({
    config: z.optional(z.unknown()),
    macro: z.optional(z.object({ isConfiguring: z.optional(z.boolean()) })),
  }),
});

/** The person and the macro's stored config (and whether the config view is open), from the Forge context. */
export function macroContextOf(context: unknown): { accountId: string; storedConfig: unknown; isConfiguring: boolean } {
  const parsed = macroContext.safeParse(context);
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'This action only works from a Confluence macro, with a signed-in user.');
  return {
    accountId: parsed.data.accountId,
    storedConfig: parsed.data.extension.config,
    isConfiguring: parsed.data.extension.macro?.isConfiguring === true,
  };
}

/** Any module with a signed-in person (issue panel, macro, project page). */
export function accountOf(context: unknown): string {
  const accountId = (context as { accountId?: unknown } | null)?.accountId;
  if (typeof accountId !== 'string' || !accountId) throw new AppError('FORBIDDEN', 'Sign in to Atlassian to use Learning Loop.');
  return accountId;
}

const projectPageContext = z.object({
  accountId: z.string().check(z.minLength(1)),
  extension: z.object({
    type: z.literal('jira:projectPage'),
    project: z.object({ id: z.string().check(z.regex(NUMERIC_ID_PATTERN)), key: z.string().check(z.regex(PROJECT_KEY_PATTERN)) }),
  }),
});

/**
 * The project and the person come from the Forge context of the project page; never from a
 * payload. Not the site URL: the documented resolver context has none (see JiraSiteFacts).
 */
export function projectContextOf(context: unknown): { project: { id: string; key: string }; accountId: string } {
  const parsed = projectPageContext.safeParse(context);
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'This action only works from a Jira project page, with a signed-in user.');
  return { project: parsed.data.extension.project, accountId: parsed.data.accountId };
}
