import type { Handlers } from '@forge/resolver';
import { z } from 'zod';
import { exportRetro } from '../app/retro/export-retro';
import { openRetro } from '../app/retro/open-retro';
import { saveRetroNote } from '../app/retro/save-retro-note';
import { AppError } from '../contract/errors';
import type { RetroDefs } from '../contract/retro';
import { RETRO_LIMITS } from '../domain/retro/retro-query';
import { ENTRY_ID_PATTERN, ISSUE_ID_PATTERN, RETRO_NOTE_LIMITS } from '../domain/retro/retro-notes';
import { JiraIssueLearnings } from '../forge/record/jira-issue-learnings';
import { retroDeps, siteFacts } from './forge-deps';
import { runResolver } from './run-resolver';

const projectPageContext = z.object({
  accountId: z.string().min(1),
  extension: z.object({
    type: z.literal('jira:projectPage'),
    project: z.object({ id: z.string().regex(/^\d{1,18}$/), key: z.string().regex(/^[A-Z][A-Z0-9_]{0,254}$/) }),
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

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const jql = z.string().max(RETRO_LIMITS.jqlChars, `The JQL may be at most ${RETRO_LIMITS.jqlChars} characters.`).nullable().optional();

const openPayload = z.strictObject({ boardId: id.nullable().optional(), sprintId: id.nullable().optional(), jql });
const notePayload = z.strictObject({
  boardId: id,
  sprintId: id,
  issueId: z.string().regex(ISSUE_ID_PATTERN, 'An issue id is a number.'),
  entryId: z.string().regex(ENTRY_ID_PATTERN, 'A learning id holds only letters, digits, "-" and "_".'),
  discussed: z.boolean(),
  note: z
    .string()
    .max(RETRO_NOTE_LIMITS.noteChars, `A note may be at most ${RETRO_NOTE_LIMITS.noteChars} characters: keep the take-away short.`),
});
const exportPayload = z.strictObject({ boardId: id, sprintId: id, jql });

/** The Jira project page "Learnings": surprises of a sprint, notes, export. */
export const retroHandlers: Handlers<RetroDefs> = {
  'retro/open': ({ payload, context }) =>
    runResolver(openPayload, payload ?? {}, (input) => {
      const { project, accountId } = projectContextOf(context);
      return openRetro(retroDeps(), { project, accountId, ...input });
    }),
  'retro/note': ({ payload, context }) =>
    runResolver(notePayload, payload, (input) => {
      const { project, accountId } = projectContextOf(context);
      return saveRetroNote({ ...retroDeps(), issueLearnings: new JiraIssueLearnings('user') }, { project, accountId, ...input });
    }),
  'retro/export': ({ payload, context }) =>
    runResolver(exportPayload, payload, (input) => {
      const { project, accountId } = projectContextOf(context);
      return exportRetro({ ...retroDeps(), site: siteFacts() }, { project, accountId, ...input });
    }),
};
