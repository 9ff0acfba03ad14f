import type { Handlers } from '@forge/resolver';
import * as z from '../domain/schema/zod';
import { exportRetro } from '../app/retro/export-retro';
import { openRetroOrRemembered } from '../app/retro/open-remembered';
import { saveRetroNote } from '../app/retro/save-retro-note';
import type { RememberedSprint, RetroDefs, RetroExportPayload, RetroNotePayload, RetroOpenPayload } from '../contract/retro';
import { RETRO_LIMITS } from '../domain/retro/retro-query';
import { ENTRY_ID_PATTERN, RETRO_NOTE_LIMITS } from '../domain/retro/retro-notes';
import { NUMERIC_ID_PATTERN, PROJECT_KEY_PATTERN } from '../domain/record/identifiers';
import { JiraIssueLearnings } from '../forge/record/jira-issue-learnings';
import { goalsDeps, retroDeps, siteFacts } from './forge-deps';
import { projectContextOf } from './resolver-context';
import { runResolver } from './run-resolver';

const id = z.int().check(z.positive(), z.maximum(Number.MAX_SAFE_INTEGER));
const jql = z.optional(
  z.nullable(z.string().check(z.maxLength(RETRO_LIMITS.jqlChars, `The JQL may be at most ${RETRO_LIMITS.jqlChars} characters.`))),
);

const rememberedSprint = z.strictObject({
  boardId: id,
  sprintId: z.optional(z.nullable(id)),
  activeSprintId: z.optional(z.nullable(id)),
}) satisfies z.ZodMiniType<RememberedSprint>;
const remembered = z.optional(
  z
    .record(z.string().check(z.regex(PROJECT_KEY_PATTERN, 'A remembered sprint is kept under a Jira project key.')), rememberedSprint)
    .check(
      z.refine(
        (entries) => Object.keys(entries).length <= RETRO_LIMITS.rememberedProjects,
        `Send the remembered sprints of at most ${RETRO_LIMITS.rememberedProjects} projects.`,
      ),
    ),
);

// The page opens with no payload at all: that is the project's first board and its current sprint.
const openPayload = z._default(
  z.strictObject({
    boardId: z.optional(z.nullable(id)),
    sprintId: z.optional(z.nullable(id)),
    activeSprintId: z.optional(z.nullable(id)),
    jql,
    remembered,
  }),
  {},
) satisfies z.ZodMiniType<RetroOpenPayload>;
const notePayload = z.strictObject({
  boardId: id,
  sprintId: id,
  issueId: z.string().check(z.regex(NUMERIC_ID_PATTERN, 'An issue id is a number.')),
  entryId: z.string().check(z.regex(ENTRY_ID_PATTERN, 'A learning id holds only letters, digits, "-" and "_".')),
  discussed: z.boolean(),
  note: z
    .string()
    .check(
      z.maxLength(
        RETRO_NOTE_LIMITS.noteChars,
        `A note may be at most ${RETRO_NOTE_LIMITS.noteChars} characters: keep the take-away short.`,
      ),
    ),
}) satisfies z.ZodMiniType<RetroNotePayload>;
const exportPayload = z.strictObject({ boardId: id, sprintId: id, jql }) satisfies z.ZodMiniType<RetroExportPayload>;

/** The Jira project page "Learnings": surprises of a sprint, notes, export. */
export const retroHandlers: Handlers<RetroDefs> = {
  'retro/open': ({ payload, context }) =>
    runResolver(openPayload, payload, (input) => {
      const { project, accountId } = projectContextOf(context);
      return openRetroOrRemembered(retroDeps(), { project, accountId, ...input });
    }),
  'retro/saveNote': ({ payload, context }) =>
    runResolver(notePayload, payload, (input) => {
      const { project, accountId } = projectContextOf(context);
      return saveRetroNote({ ...retroDeps(), issueLearnings: new JiraIssueLearnings('user') }, { project, accountId, ...input });
    }),
  'retro/export': ({ payload, context }) =>
    runResolver(exportPayload, payload, (input) => {
      const { project, accountId } = projectContextOf(context);
      return exportRetro({ ...retroDeps(), site: siteFacts(), goalsDeps: goalsDeps() }, { project, accountId, ...input });
    }),
};
