import { z } from 'zod';
import { AppError } from '../contract/errors';
import type { IssueRef } from '../app/write-revision';

const issuePanelContext = z.object({
  accountId: z.string().min(1),
  extension: z.object({
    issue: z.object({ key: z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/), id: z.string().regex(/^\d+$/) }),
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
