/**
 * Where a goals resolver is invoked from decides its project and sprint: the retro view (a
 * jira:projectPage: the project from the context, the sprint from the payload) or a sprint's own
 * menu (a jira:sprintAction: project and sprint both from the context the platform fills in).
 */
import * as z from '../domain/schema/zod';
import { AppError } from '../contract/errors';
import { NUMERIC_ID_PATTERN, PROJECT_KEY_PATTERN } from '../domain/record/identifiers';
import { projectContextOf } from './resolver-context';

/** Forge's typings give ids as strings; the docs snapshot shows none, so a number is accepted too. */
const contextId = z.union([z.string().check(z.regex(NUMERIC_ID_PATTERN)), z.int().check(z.positive())]);

const sprintActionContext = z.object({
  accountId: z.string().check(z.minLength(1)),
  extension: z.object({
    type: z.literal('jira:sprintAction'),
    project: z.object({ id: contextId, key: z.string().check(z.regex(PROJECT_KEY_PATTERN)) }),
    sprint: z.object({ id: contextId }),
  }),
});

export interface GoalsProjectScope {
  project: { id: string; key: string };
  accountId: string;
}

const isSprintAction = (context: unknown): boolean =>
  (context as { extension?: { type?: unknown } } | null)?.extension?.type === 'jira:sprintAction';

function sprintActionScopeOf(context: unknown): GoalsProjectScope & { sprintId: number } {
  const parsed = sprintActionContext.safeParse(context);
  const sprintId = parsed.success ? Number(parsed.data.extension.sprint.id) : NaN;
  if (!parsed.success || !Number.isSafeInteger(sprintId) || sprintId <= 0) {
    throw new AppError(
      'INVALID_INPUT',
      "This action only works from a sprint's menu that names its sprint and project, with a signed-in user.",
    );
  }
  const { project } = parsed.data.extension;
  return { project: { id: String(project.id), key: project.key }, accountId: parsed.data.accountId, sprintId };
}

/** The project and the person, from either module's context (carry-over names both sprints itself). */
export function goalsProjectOf(context: unknown): GoalsProjectScope {
  if (!isSprintAction(context)) return projectContextOf(context);
  const { project, accountId } = sprintActionScopeOf(context);
  return { project, accountId };
}

/**
 * The project, the person and the sprint. From a sprint's menu the sprint is the menu's own: a
 * payload naming another sprint is refused rather than followed.
 */
export function goalsScopeOf(context: unknown, payloadSprintId: number | undefined): GoalsProjectScope & { sprintId: number } {
  if (isSprintAction(context)) {
    const scope = sprintActionScopeOf(context);
    if (payloadSprintId !== undefined && payloadSprintId !== scope.sprintId) {
      throw new AppError('INVALID_INPUT', "This window shows one sprint's goals; it cannot open or save another sprint's.");
    }
    return scope;
  }
  const scope = projectContextOf(context);
  if (payloadSprintId === undefined) throw new AppError('INVALID_INPUT', 'Choose a sprint first.');
  return { ...scope, sprintId: payloadSprintId };
}
