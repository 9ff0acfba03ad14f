import type { Handlers } from '@forge/resolver';
import * as z from '../domain/schema/zod';
import { countLibrary, listLibrary, listProjects } from '../app/library/library';
import { AppError } from '../contract/errors';
import type { LibraryCountPayload, LibraryDefs, LibraryListPayload } from '../contract/library';
import { libraryFiltersSchema } from '../domain/library/library-filters-schema';
import { JiraProjectDirectory } from '../forge/library/jira-project-directory';
import { searchDeps } from './forge-deps';
import { pageTokenSchema } from './macro-resolvers';
import { noPayload, runResolver } from './run-resolver';

const libraryListPayload = z.strictObject({
  filters: libraryFiltersSchema,
  pageToken: pageTokenSchema,
}) satisfies z.ZodMiniType<LibraryListPayload>;
const libraryCountPayload = z.strictObject({ filters: libraryFiltersSchema }) satisfies z.ZodMiniType<LibraryCountPayload>;

const globalPageContext = z.object({
  accountId: z.string().check(z.minLength(1)),
  extension: z.object({ type: z.literal('jira:globalPage') }),
});

/** The person, from the Forge context of the Jira global page; the library answers nowhere else. */
function libraryAccountOf(context: unknown): string {
  const parsed = globalPageContext.safeParse(context);
  if (!parsed.success)
    throw new AppError('INVALID_INPUT', 'This action only works from the Learning Loop page in Jira, with a signed-in user.');
  return parsed.data.accountId;
}

/**
 * The projects list also serves the "Learning insights" macro's config view, in Confluence: a
 * list of what the person may browse, asked as them, is true from any page they are on.
 */
const projectsContext = z.object({
  accountId: z.string().check(z.minLength(1)),
  extension: z.object({ type: z.enum(['jira:globalPage', 'macro']) }),
});

function projectsAccountOf(context: unknown): string {
  const parsed = projectsContext.safeParse(context);
  if (!parsed.success)
    throw new AppError(
      'INVALID_INPUT',
      'This action only works from the Learning Loop page in Jira or a Confluence macro, with a signed-in user.',
    );
  return parsed.data.accountId;
}

/** The Jira global page "Learning Loop": every learning the person may browse, filtered. */
export const libraryHandlers: Handlers<LibraryDefs> = {
  'library/list': ({ payload, context }) =>
    runResolver(libraryListPayload, payload, (input) =>
      listLibrary(searchDeps(), { accountId: libraryAccountOf(context), filters: input.filters, pageToken: input.pageToken }),
    ),
  'library/count': ({ payload, context }) =>
    runResolver(libraryCountPayload, payload, (input) => {
      libraryAccountOf(context);
      return countLibrary(searchDeps(), input.filters);
    }),
  'library/projects': ({ payload, context }) =>
    runResolver(noPayload, payload, () => {
      projectsAccountOf(context);
      return listProjects({ projects: new JiraProjectDirectory() });
    }),
};
