/**
 * What a JQL field is to the compiler: its kind (which operators it takes),
 * the values of an issue, how a right-hand side resolves, how it sorts.
 */
import type { IssueRow, ProjectRow, SprintRow, UserRow } from '../../store/rows';
import type { EntityPropertyAlias } from './manifest-aliases';

/** One issue as the search sees it: its row, and its property values as the index holds them. */
export interface IssueView {
  row: IssueRow;
  /** Indexed values of a property path (arrays already flattened). */
  indexed(propertyKey: string, path: string): unknown[];
}

/** What the compiler needs to know about the site and the searcher. */
export interface JqlEnvironment {
  projects: ProjectRow[];
  sprints: SprintRow[];
  users: UserRow[];
  /** An issue by key or id, if it exists and the searcher may browse it. */
  visibleIssue(idOrKey: string): IssueRow | undefined;
  canBrowseProject(projectKey: string): boolean;
  /** The searcher; null for the app (currentUser() then matches nobody). */
  accountId: string | null;
  nowMs: number;
  timeZone: string;
  aliases: EntityPropertyAlias[];
  /** Every indexed path, aliased or not, for `issue.property[key].path`. */
  indexed: EntityPropertyAlias[];
}

export type Value = string | number;
/** A resolved right-hand side: concrete values, plus whether EMPTY was among them. */
export interface Resolved {
  values: Value[];
  empty: boolean;
}

export type Kind = 'keyword' | 'text' | 'date' | 'number' | 'key' | 'priority';

export interface FieldDef {
  /** Name used in messages, as the user wrote it. */
  name: string;
  kind: Kind;
  /** Normalised values of one issue (keywords lowercased, dates in ms). */
  values: (issue: IssueView) => Value[];
  /** For text fields: the texts searched. */
  texts?: (issue: IssueView) => string[];
  resolveValue?: (text: string, quoted: boolean, errors: string[]) => Value[];
  resolveFunction?: (name: string, args: string[], errors: string[]) => Value[] | undefined;
  sortKey?: (issue: IssueView) => Value | null;
  /** Extra operators (comparisons for keys and priorities). */
  ordered?: boolean;
}

export const lower = (s: string) => s.toLowerCase();
export const keyOrder = (key: string): string => {
  const [project, number] = key.split('-');
  return `${project}\u0000${String(Number(number)).padStart(12, '0')}`;
};

export const EQUALITY_OPERATORS = ['=', '!=', 'in', 'not in', 'is', 'is not'];
export const COMPARISONS = ['>', '>=', '<', '<='];
export const OPERATORS_BY_KIND: Record<Kind, string[]> = {
  keyword: EQUALITY_OPERATORS,
  key: [...EQUALITY_OPERATORS, ...COMPARISONS],
  priority: [...EQUALITY_OPERATORS, ...COMPARISONS],
  date: [...EQUALITY_OPERATORS, ...COMPARISONS],
  number: [...EQUALITY_OPERATORS, ...COMPARISONS],
  text: ['~', '!~', 'is', 'is not'],
};

export const INVERSE: Record<string, string> = {
  '=': '!=',
  '!=': '=',
  in: 'not in',
  'not in': 'in',
  is: 'is not',
  'is not': 'is',
  '~': '!~',
  '!~': '~',
  '>': '<=',
  '<=': '>',
  '<': '>=',
  '>=': '<',
};

export type Predicate = (issue: IssueView) => boolean;
/** A value that means EMPTY (e.g. `resolution = Unresolved`). */
export const EMPTY_VALUE = '\u0000empty';
export const ALL: Predicate = () => true;

/** What a field factory is given: the name as written, the searcher's site, and where messages go. */
export interface FieldScope {
  name: string;
  env: JqlEnvironment;
  errors: string[];
  /** Jira's message for a value the field does not know. */
  notFound: (value: string, fieldName?: string) => void;
}

export const scopeOf = (name: string, env: JqlEnvironment, errors: string[]): FieldScope => ({
  name,
  env,
  errors,
  notFound: (value, fieldName = name) => errors.push(`The value '${value}' does not exist for the field '${fieldName}'.`),
});
