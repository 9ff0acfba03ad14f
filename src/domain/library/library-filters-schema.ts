/** The strict form of the library's filters, for the resolvers (the page bundles library-filters.ts without zod). */
import * as z from '../schema/zod';
import { OUTCOMES } from '../record/learning-record';
import { ACCOUNT_ID_PATTERN, PROJECT_KEY_PATTERN } from '../record/identifiers';
import { LIBRARY_LIMITS, LIBRARY_SORTS, PERIODS, type LibraryFilters } from './library-filters';

const L = LIBRARY_LIMITS;

export const libraryFiltersSchema = z.strictObject({
  text: z.string().check(z.maxLength(L.textChars, `Search for at most ${L.textChars} characters.`)),
  projects: z
    .array(z.string().check(z.regex(PROJECT_KEY_PATTERN, 'A project is named by its key (capital letters, digits and underscores).')))
    .check(z.maxLength(L.projects, `Pick at most ${L.projects} projects.`)),
  tags: z
    .array(z.string().check(z.minLength(1), z.maxLength(L.tagChars, `A tag has at most ${L.tagChars} characters.`)))
    .check(z.maxLength(L.tags, `Pick at most ${L.tags} tags.`)),
  outcomes: z.array(z.enum(OUTCOMES)).check(z.maxLength(OUTCOMES.length)),
  surprisesOnly: z.boolean(),
  period: z.enum(PERIODS),
  author: z.union([z.literal(''), z.string().check(z.regex(ACCOUNT_ID_PATTERN, 'An author is named by their Atlassian account id.'))]),
  // A page saved before the order existed sends none: newest first, as it was then.
  sort: z._default(z.enum(LIBRARY_SORTS), 'newest'),
}) satisfies z.ZodMiniType<LibraryFilters>;
