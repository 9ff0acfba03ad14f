/**
 * The Learning Loop page's filters and the JQL they stand for. Every value a person picked or typed
 * is quoted (`jql-text.ts`), then the whole query is parsed and narrowed to issues with a record by
 * the macro's builder (`learning-query.ts`), so the filters cannot change the query's shape.
 * No zod here: the page bundles this module; the strict schema is in library-filters-schema.ts.
 */
import { OUTCOMES, type Outcome } from '../record/learning-record';
import { normaliseTag } from '../record/text';
import { containsClause, inClause, quoteJqlValue } from '../search/jql-text';
import type { LearningQuery } from '../search/learning-query';

/**
 * What the filters may hold, shared by the page (which stops there) and the resolvers (which refuse
 * more): the words searched for, projects and tags picked (a tag is at most 40 characters, as the panel stores it).
 */
export const LIBRARY_LIMITS = { textChars: 200, projects: 50, tags: 10, tagChars: 40 } as const;

/** How far back `learningUpdated` reaches; `any` adds no clause. */
export const PERIODS = ['any', '30d', '90d', '365d'] as const;
export type Period = (typeof PERIODS)[number];

/** The library's orders: newest first, or the learnings that helped the most tickets first (only those that helped one). */
export const LIBRARY_SORTS = ['newest', 'reused'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];

export interface LibraryFilters {
  /** Words to find in the learnings or the hypothesis; empty for every learning. */
  text: string;
  /** Project keys; empty for every project the viewer may browse. */
  projects: string[];
  /** Tags as stored (normalised); an issue with any of them matches. */
  tags: string[];
  /** Empty for every outcome. */
  outcomes: Outcome[];
  surprisesOnly: boolean;
  period: Period;
  /** An author's account id: learnings that person wrote; '' for anyone. */
  author: string;
  sort: LibrarySort;
}

export const NO_FILTERS: LibraryFilters = {
  text: '',
  projects: [],
  tags: [],
  outcomes: [],
  surprisesOnly: false,
  period: 'any',
  author: '',
  sort: 'newest',
};

/**
 * The words of a search, without the characters Jira's text search reads as operators
 * (`+ - & | ! ( ) { } [ ] ^ ~ * ? \ : "`): what a person types is searched as words, never as syntax.
 */
export function searchWords(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

const distinct = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** The filters as JQL, each value quoted; '' when nothing narrows the library. No ORDER BY: the builder adds it. */
export function libraryFilterJql(filters: LibraryFilters): string {
  const clauses: string[] = [];
  const words = searchWords(filters.text);
  if (words) clauses.push(`(${containsClause('learningText', words)} OR ${containsClause('learningHypothesis', words)})`);
  const projects = distinct(filters.projects.map((key) => key.trim().toUpperCase()).filter(Boolean));
  if (projects.length > 0) clauses.push(inClause('project', projects));
  const tags = distinct(filters.tags.map(normaliseTag).filter(Boolean));
  if (tags.length > 0) clauses.push(inClause('learningTags', tags));
  const outcomes = distinct(filters.outcomes.filter((o) => OUTCOMES.includes(o)));
  if (outcomes.length > 0 && outcomes.length < OUTCOMES.length) clauses.push(inClause('learningOutcome', outcomes));
  if (filters.surprisesOnly) clauses.push('learningSurprise = "true"');
  if (filters.period !== 'any') clauses.push(`learningUpdated >= -${filters.period}`);
  if (filters.author) clauses.push(`learningAuthor = ${quoteJqlValue(filters.author)}`);
  return clauses.join(' AND ');
}

/** The macro's query for these filters, newest first or most reused first; outcomes already in the JQL. */
export function libraryQuery(filters: LibraryFilters): LearningQuery {
  return { jql: libraryFilterJql(filters), surprisesOnly: false, outcomes: [], sort: filters.sort === 'reused' ? 'reused' : 'updated' };
}
