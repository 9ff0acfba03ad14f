/**
 * JQL over the local store: parsed by Atlassian's own grammar
 * (@atlaskit/jql-parser through @atlaskit/jql-ast's JastBuilder), then
 * compiled by a JAST visitor into a predicate and a sort order, with Jira's
 * messages for what it would refuse.
 *
 * NOT is pushed down to the clauses, as Jira does: `NOT assignee = bob`
 * means `assignee != bob`, which (like every `!=` and `NOT IN`) leaves out
 * issues where the field is empty.
 */
import {
  AbstractJastVisitor,
  JastBuilder,
  type CompoundClause,
  type Field,
  type Jast,
  type NotClause,
  type Operand,
  type OrderBy,
  type Query,
  type TerminalClause,
} from '@atlaskit/jql-ast';
import type { IssueRow, ProjectRow, SprintRow, UserRow } from '../../store/local-store';
import { PRIORITIES } from '../../store/local-store';
import { dateFunction, invalidDateMessage, parseAbsoluteDate, parsePeriod } from './jql-dates';
import { parseTextQuery, textMatches, type TextQuery } from './jql-text';
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

export type Validation = 'strict' | 'warn' | 'none';

export interface CompiledJql {
  /** Messages Jira would answer with 400 (strict validation). */
  errors: string[];
  matches(issue: IssueView): boolean;
  compare(a: IssueView, b: IssueView): number;
  /** False when the query has no restriction (Jira's enhanced search refuses those). */
  bounded: boolean;
}

export const STATUS_ORDER = ['To Do', 'In Progress', 'In Review', 'Done'] as const;
const STATUS_IDS: Record<string, string> = { 'To Do': '10000', 'In Progress': '3', 'In Review': '10002', Done: '10001' };
const STATUS_CATEGORIES = [
  { names: ['to do', 'new', '2'], of: ['To Do'] },
  { names: ['in progress', 'indeterminate', '4'], of: ['In Progress', 'In Review'] },
  { names: ['done', '3'], of: ['Done'] },
];
const TYPE_ORDER = ['Epic', 'Story', 'Task', 'Bug'] as const;
const TYPE_IDS: Record<string, string> = { Epic: '10000', Story: '10001', Task: '10002', Bug: '10003' };
const RESOLUTIONS = ['Done', "Won't Do", 'Duplicate', 'Cannot Reproduce'];

/** Functions Jira has that the local site does not evaluate. */
const KNOWN_UNSUPPORTED_FUNCTIONS = new Set(
  [
    'approved', 'approver', 'breached', 'cascadeOption', 'choiceOption', 'completed', 'componentsLeadByUser', 'earliestUnreleasedVersion',
    'elapsed', 'everbreached', 'issueHistory', 'issuesWithRemoteLinksByGlobalId', 'latestReleasedVersion', 'linkedIssues', 'membersOf',
    'myApproval', 'myPending', 'outdated', 'paused', 'pending', 'pendingBy', 'projectsLeadByUser', 'projectsWhereUserHasPermission',
    'projectsWhereUserHasRole', 'releasedVersions', 'remaining', 'running', 'unreleasedVersions', 'updatedBy', 'votedIssues',
    'watchedIssues', 'lastIssuesViewed', 'recentProjects', 'attachedIssues', 'versionsInReleases', 'earliestUnreleasedVersionByReleaseDate',
    'latestReleasedVersionByReleaseDate', 'childIssuesOf', 'issuesWithinPlan', 'portfolioChildIssuesOf', 'portfolioParentIssuesOf',
  ].map((f) => f.toLowerCase()),
);

export class JqlError extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join(' '));
  }
}

// --- parsing -------------------------------------------------------------------

const OPERATOR_LIST = "'=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'";

/** Jira's wording for the grammar's syntax errors. */
function syntaxMessage(jql: string, raw: string, start: number): string {
  const where = `(line 1, character ${start + 1})`;
  const got = /input '([^']*)'/.exec(raw)?.[1] ?? /at '([^']*)'/.exec(raw)?.[1] ?? jql.slice(start, start + 1);
  const atEnd = got === '<EOF>' || start >= jql.length;
  const prefix = 'Error in the JQL Query:';
  const recognition = /token recognition error at: '(.)/.exec(raw);
  if (recognition) {
    const c = recognition[1]!;
    return `${prefix} The character '${c}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}' instead. ${where}`;
  }
  if (/expecting \{'<', '>'/.test(raw)) {
    return atEnd
      ? `${prefix} Expecting operator before the end of the query. The valid operators are ${OPERATOR_LIST}.`
      : `${prefix} Expecting operator but got '${got}'. The valid operators are ${OPERATOR_LIST}. ${where}`;
  }
  if (/expecting \{EMPTY/.test(raw)) {
    return atEnd
      ? `${prefix} Expecting either a value, list or function before the end of the query. The query is invalid.`
      : `${prefix} Expecting either a value, list or function but got '${got}'. You must surround '${got}' in quotation marks to use it as a value. ${where}`;
  }
  if (/missing '\)'/.test(raw) || /expecting \{'\)', ','\}/.test(raw)) {
    return `${prefix} Expecting ')' but got '${atEnd ? 'the end of the query' : got}'. ${where}`;
  }
  if (/^[+.,;?|*/%^$#@[\]]$/.test(got)) {
    return `${prefix} The character '${got}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${got.charCodeAt(0).toString(16).padStart(4, '0')}' instead. ${where}`;
  }
  if (atEnd) return `${prefix} Expecting a field name before the end of the query. ${where}`;
  return `${prefix} Expecting either 'OR' or 'AND' but got '${got}'. ${where}`;
}

export interface ParsedJql {
  jast: Jast;
  query: Query | undefined;
  syntaxErrors: string[];
}

/** Parsing with the ANTLR grammar takes milliseconds: the same query text is parsed once (the AST is only read). */
const parsedCache = new Map<string, ParsedJql>();
const PARSED_CACHE_SIZE = 500;

export function parseJql(jql: string): ParsedJql {
  const cached = parsedCache.get(jql);
  if (cached) return cached;
  const parsed = parseJqlUncached(jql);
  if (parsedCache.size >= PARSED_CACHE_SIZE) parsedCache.delete(parsedCache.keys().next().value!);
  parsedCache.set(jql, parsed);
  return parsed;
}

function parseJqlUncached(jql: string): ParsedJql {
  const jast = new JastBuilder().build(jql);
  const syntaxErrors = jast.errors.map((e) => syntaxMessage(jql, e.message, (e as { start?: number }).start ?? jql.length));
  return { jast, query: jast.query ? (jast.query as Query) : undefined, syntaxErrors: [...new Set(syntaxErrors)] };
}

// --- values ----------------------------------------------------------------------

type Value = string | number;
/** A resolved right-hand side: concrete values, plus whether EMPTY was among them. */
interface Resolved {
  values: Value[];
  empty: boolean;
}

type Kind = 'keyword' | 'text' | 'date' | 'number' | 'key' | 'priority';

interface FieldDef {
  /** Name used in messages, as the user wrote it. */
  name: string;
  kind: Kind;
  /** Normalised values of one issue (keywords lowercased, dates in ms). */
  values(issue: IssueView): Value[];
  /** For text fields: the texts searched. */
  texts?(issue: IssueView): string[];
  resolveValue?(text: string, quoted: boolean, errors: string[]): Value[];
  resolveFunction?(name: string, args: string[], errors: string[]): Value[] | undefined;
  sortKey?(issue: IssueView): Value | null;
  /** Extra operators (comparisons for keys and priorities). */
  ordered?: boolean;
}

const lower = (s: string) => s.toLowerCase();
const keyOrder = (key: string): string => {
  const [project, number] = key.split('-');
  return `${project}\u0000${String(Number(number)).padStart(12, '0')}`;
};

const EQUALITY_OPERATORS = ['=', '!=', 'in', 'not in', 'is', 'is not'];
const COMPARISONS = ['>', '>=', '<', '<='];
const OPERATORS_BY_KIND: Record<Kind, string[]> = {
  keyword: EQUALITY_OPERATORS,
  key: [...EQUALITY_OPERATORS, ...COMPARISONS],
  priority: [...EQUALITY_OPERATORS, ...COMPARISONS],
  date: [...EQUALITY_OPERATORS, ...COMPARISONS],
  number: [...EQUALITY_OPERATORS, ...COMPARISONS],
  text: ['~', '!~', 'is', 'is not'],
};

const INVERSE: Record<string, string> = {
  '=': '!=', '!=': '=', in: 'not in', 'not in': 'in', is: 'is not', 'is not': 'is', '~': '!~', '!~': '~',
  '>': '<=', '<=': '>', '<': '>=', '>=': '<',
};

type Predicate = (issue: IssueView) => boolean;
/** A value that means EMPTY (e.g. `resolution = Unresolved`). */
const EMPTY_VALUE = '\u0000empty';
const ALL: Predicate = () => true;

// --- the compiler ------------------------------------------------------------------

class JqlCompiler extends AbstractJastVisitor<Predicate> {
  readonly errors: string[] = [];
  private negated = false;

  constructor(private readonly env: JqlEnvironment) {
    super();
  }

  protected defaultResult(): Predicate {
    return ALL;
  }

  visitQuery = (query: Query): Predicate => (query.where ? query.where.accept(this) : ALL);

  visitCompoundClause = (clause: CompoundClause): Predicate => {
    const parts = clause.clauses.map((c) => c.accept(this));
    // De Morgan: under NOT, AND becomes OR and the other way round.
    const and = (clause.operator.value === 'and') !== this.negated;
    return and ? (issue) => parts.every((p) => p(issue)) : (issue) => parts.some((p) => p(issue));
  };

  visitNotClause = (clause: NotClause): Predicate => {
    this.negated = !this.negated;
    try {
      return clause.clause.accept(this);
    } finally {
      this.negated = !this.negated;
    }
  };

  visitTerminalClause = (clause: TerminalClause): Predicate => {
    const field = this.field(clause.field);
    if (!field) return () => false;
    const written = clause.operator ? clause.operator.value.toLowerCase().replace(/\s+/g, ' ') : '';
    if (['was', 'was not', 'was in', 'was not in', 'changed'].includes(written) || clause.predicates.length > 0) {
      this.errors.push(`History searches ('${written.toUpperCase()}') are not supported by the local Jira site.`);
      return () => false;
    }
    if (!OPERATORS_BY_KIND[field.kind].includes(written)) {
      this.errors.push(`The operator '${written}' is not supported by the '${field.name}' field.`);
      return () => false;
    }
    const operator = this.negated ? INVERSE[written]! : written;
    const operand = clause.operand as Operand | undefined;
    if (!operand) return () => false;

    if (written === 'is' || written === 'is not') {
      if (operand.operandType !== 'keyword') {
        this.errors.push(`The operator '${written.toUpperCase()}' only supports EMPTY or NULL as a value for the field '${field.name}'.`);
        return () => false;
      }
      const wantEmpty = operator === 'is';
      return (issue) => (field.kind === 'text' ? field.texts!(issue).every((t) => t.trim() === '') : field.values(issue).length === 0) === wantEmpty;
    }

    if (field.kind === 'text') return this.textClause(field, operator, operand);

    const isList = written === 'in' || written === 'not in';
    if (operand.operandType === 'list' && !isList) {
      this.errors.push(`The operator '${written}' does not support the list value for the field '${field.name}'.`);
      return () => false;
    }
    if (isList && operand.operandType === 'value') {
      this.errors.push(`The operator '${written.toUpperCase()}' requires a list of values for the field '${field.name}'. Use '(' and ')' around the values.`);
      return () => false;
    }
    const resolved = this.resolve(field, operand);
    const comparison = COMPARISONS.includes(operator);
    if (comparison && resolved.empty) {
      this.errors.push(`The operator '${written}' does not support the value EMPTY for the field '${field.name}'.`);
      return () => false;
    }
    const wanted = new Set(resolved.values);
    const compareValue = resolved.values[0];
    switch (operator) {
      case '=':
      case 'in':
        return (issue) => {
          const values = field.values(issue);
          return (resolved.empty && values.length === 0) || values.some((v) => wanted.has(v));
        };
      case '!=':
      case 'not in':
        return (issue) => {
          const values = field.values(issue);
          return values.length > 0 && !values.some((v) => wanted.has(v));
        };
      default: {
        if (compareValue === undefined) return () => false;
        const test = { '>': (a: Value) => a > compareValue, '>=': (a: Value) => a >= compareValue, '<': (a: Value) => a < compareValue, '<=': (a: Value) => a <= compareValue }[operator as '>']!;
        if (field.kind === 'key') {
          // Keys compare within their project only.
          const project = String(compareValue).split('\u0000')[0];
          return (issue) => field.values(issue).some((v) => String(v).split('\u0000')[0] === project && test(v));
        }
        return (issue) => field.values(issue).some(test);
      }
    }
  };

  private textClause(field: FieldDef, operator: string, operand: Operand): Predicate {
    if (operand.operandType !== 'value') {
      this.errors.push(`The operator '${operator}' does not support ${operand.operandType === 'keyword' ? 'EMPTY' : 'this value'} for the field '${field.name}'. Use a text value.`);
      return () => false;
    }
    const parsed = parseTextQuery(operand.value, field.name);
    if ('error' in parsed) {
      this.errors.push(parsed.error);
      return () => false;
    }
    const query: TextQuery = parsed;
    const positive = operator === '~';
    return (issue) => textMatches(query, field.texts!(issue)) === positive;
  }

  /** The values a right-hand side stands for, with messages for what does not resolve. */
  private resolve(field: FieldDef, operand: Operand): Resolved {
    const out: Resolved = { values: [], empty: false };
    const add = (o: Operand) => {
      switch (o.operandType) {
        case 'keyword':
          out.empty = true;
          return;
        case 'list':
          o.values.forEach(add);
          return;
        case 'value': {
          const quoted = /^["']/.test(o.text);
          for (const value of field.resolveValue?.(o.value, quoted, this.errors) ?? []) {
            if (value === EMPTY_VALUE) out.empty = true;
            else out.values.push(value);
          }
          return;
        }
        case 'function': {
          const name = o.function.value;
          const args = o.arguments.map((a) => a.value);
          const fromField = field.resolveFunction?.(name, args, this.errors);
          if (fromField) out.values.push(...fromField);
          else if (this.isKnownFunction(name)) this.errors.push(`The function '${name}' is not supported by the field '${field.name}'.`);
          else if (KNOWN_UNSUPPORTED_FUNCTIONS.has(name.toLowerCase())) this.errors.push(`Unsupported function '${name}()': the local Jira site does not evaluate it.`);
          else this.errors.push(`Unable to find JQL function '${name}()'.`);
          return;
        }
      }
    };
    add(operand);
    return out;
  }

  private isKnownFunction(name: string): boolean {
    const n = name.toLowerCase();
    return ['currentuser', 'opensprints', 'closedsprints', 'futuresprints', 'now', 'standardissuetypes', 'subtaskissuetypes'].includes(n) || /^(start|end)of(day|week|month|year)$/.test(n);
  }

  // --- fields ---------------------------------------------------------------------

  field(field: Field): FieldDef | undefined {
    const name = field.value;
    const def = this.fieldDef(name, field);
    if (!def) this.errors.push(`Field '${name}' does not exist or you do not have permission to view it.`);
    return def;
  }

  fieldDef(name: string, field?: Field): FieldDef | undefined {
    const env = this.env;
    const errors = this.errors;
    const n = name.toLowerCase();
    const notFound = (value: string, fieldName = name) => errors.push(`The value '${value}' does not exist for the field '${fieldName}'.`);

    const keywordOf = (choices: Array<{ match: string[]; value: string }>) => (text: string, _q: boolean, _e: string[]): Value[] => {
      const hits = choices.filter((c) => c.match.includes(text.toLowerCase())).map((c) => c.value.toLowerCase());
      if (hits.length === 0) notFound(text);
      return hits;
    };

    const userField = (pick: (issue: IssueRow) => string | null): FieldDef => ({
      name,
      kind: 'keyword',
      values: (issue) => {
        const id = pick(issue.row);
        return id ? [id] : [];
      },
      resolveValue: (text) => {
        const t = text.toLowerCase();
        const user = env.users.find((u) => u.accountId === text || u.email.toLowerCase() === t || u.displayName.toLowerCase() === t);
        if (!user) {
          notFound(text);
          return [];
        }
        return [user.accountId];
      },
      resolveFunction: (fn, args) => {
        if (fn.toLowerCase() !== 'currentuser') return undefined;
        if (args.length > 0) errors.push(`Function 'currentUser' expected '0' arguments but received '${args.length}'.`);
        return env.accountId ? [env.accountId] : [];
      },
      sortKey: (issue) => {
        const id = pick(issue.row);
        return id ? (env.users.find((u) => u.accountId === id)?.displayName.toLowerCase() ?? id) : null;
      },
    });

    const dateValue = (text: string, fieldName: string): number | undefined => {
      const period = parsePeriod(text, env.nowMs, env.timeZone);
      if (period !== undefined) return period;
      const absolute = parseAbsoluteDate(text, env.timeZone);
      if (absolute !== undefined) return absolute;
      if (/^\d{9,}$/.test(text)) return Number(text);
      errors.push(invalidDateMessage(text, fieldName));
      return undefined;
    };
    const dateFns = (fn: string, args: string[]): Value[] | undefined => {
      if (!/^(now|currentlogin|lastlogin|(start|end)of(day|week|month|year))$/i.test(fn)) return undefined;
      const at = dateFunction(fn, args, env.nowMs, env.timeZone);
      if (typeof at === 'number') return [at];
      errors.push(at.error);
      return [];
    };
    const dateField = (pick: (issue: IssueView) => number[]): FieldDef => ({
      name,
      kind: 'date',
      values: pick,
      resolveValue: (text) => {
        const at = dateValue(text, name);
        return at === undefined ? [] : [at];
      },
      resolveFunction: dateFns,
      sortKey: (issue) => pick(issue)[0] ?? null,
    });

    const sprintsOf = (state?: SprintRow['state'][]) => env.sprints.filter((s) => !state || state.includes(s.state)).map((s) => s.id);
    const issueRef = (fieldName: string) => (text: string): Value[] => {
      const issue = env.visibleIssue(text);
      if (!issue) {
        notFound(text, fieldName);
        return [];
      }
      return [issue.key.toLowerCase()];
    };

    switch (n) {
      case 'project':
        return {
          name,
          kind: 'keyword',
          values: (issue) => [issue.row.projectKey.toLowerCase()],
          resolveValue: (text) => {
            const t = text.toLowerCase();
            const project = env.projects.find((p) => p.key.toLowerCase() === t || p.id === text || p.name.toLowerCase() === t);
            // As Jira: a project you cannot browse does not exist for you.
            if (!project || !env.canBrowseProject(project.key)) {
              notFound(text);
              return [];
            }
            return [project.key.toLowerCase()];
          },
          sortKey: (issue) => env.projects.find((p) => p.key === issue.row.projectKey)?.name.toLowerCase() ?? issue.row.projectKey,
        };
      case 'issuetype':
      case 'type':
        return {
          name,
          kind: 'keyword',
          values: (issue) => [issue.row.issueType.toLowerCase()],
          resolveValue: keywordOf(TYPE_ORDER.map((t) => ({ match: [t.toLowerCase(), TYPE_IDS[t]!], value: t }))),
          resolveFunction: (fn) => {
            if (fn.toLowerCase() === 'standardissuetypes') return TYPE_ORDER.map(lower);
            if (fn.toLowerCase() === 'subtaskissuetypes') return [];
            return undefined;
          },
          sortKey: (issue) => TYPE_ORDER.indexOf(issue.row.issueType),
        };
      case 'status':
        return {
          name,
          kind: 'keyword',
          values: (issue) => [issue.row.status.toLowerCase()],
          resolveValue: keywordOf(STATUS_ORDER.map((s) => ({ match: [s.toLowerCase(), STATUS_IDS[s]!], value: s }))),
          sortKey: (issue) => STATUS_ORDER.indexOf(issue.row.status),
        };
      case 'statuscategory':
        return {
          name,
          kind: 'keyword',
          values: (issue) => [STATUS_CATEGORIES.findIndex((c) => c.of.includes(issue.row.status))],
          resolveValue: (text) => {
            const index = STATUS_CATEGORIES.findIndex((c) => c.names.includes(text.toLowerCase()));
            if (index < 0) notFound(text);
            return index < 0 ? [] : [index];
          },
          sortKey: (issue) => STATUS_CATEGORIES.findIndex((c) => c.of.includes(issue.row.status)),
        };
      case 'priority': {
        const rank = (p: string) => PRIORITIES.length - PRIORITIES.indexOf(p as (typeof PRIORITIES)[number]);
        return {
          name,
          kind: 'priority',
          values: (issue) => [rank(issue.row.priority ?? 'Medium')],
          resolveValue: (text) => {
            const index = PRIORITIES.findIndex((p, i) => p.toLowerCase() === text.toLowerCase() || String(i + 1) === text);
            if (index < 0) notFound(text);
            return index < 0 ? [] : [rank(PRIORITIES[index]!)];
          },
          sortKey: (issue) => rank(issue.row.priority ?? 'Medium'),
        };
      }
      case 'resolution':
        return {
          name,
          kind: 'keyword',
          values: (issue) => (issue.row.status === 'Done' ? ['done'] : []),
          resolveValue: (text) => {
            if (text.toLowerCase() === 'unresolved') return [EMPTY_VALUE];
            const hit = RESOLUTIONS.find((r) => r.toLowerCase() === text.toLowerCase());
            if (!hit) notFound(text);
            return hit ? [hit.toLowerCase()] : [];
          },
          sortKey: (issue) => (issue.row.status === 'Done' ? 'done' : null),
        };
      case 'labels':
        return {
          name,
          kind: 'keyword',
          values: (issue) => issue.row.labels.map(lower),
          resolveValue: (text) => [text.toLowerCase()],
        };
      case 'assignee':
        return userField((i) => i.assigneeAccountId);
      case 'reporter':
      case 'creator':
        return userField((i) => i.reporterAccountId);
      case 'created':
      case 'createddate':
        return dateField((issue) => [Date.parse(issue.row.created)]);
      case 'updated':
      case 'updateddate':
        return dateField((issue) => [Date.parse(issue.row.updated)]);
      case 'resolved':
      case 'resolutiondate':
        return dateField((issue) => (issue.row.status === 'Done' ? [Date.parse(issue.row.updated)] : []));
      case 'sprint':
        return {
          name,
          kind: 'keyword',
          values: (issue) => (issue.row.sprintId === null ? [] : [issue.row.sprintId]),
          resolveValue: (text, quoted) => {
            if (/^\d+$/.test(text)) {
              const byId = env.sprints.find((s) => s.id === Number(text));
              if (byId) return [byId.id];
              if (!quoted) {
                notFound(text);
                return [];
              }
            }
            const byName = env.sprints.filter((s) => s.name.toLowerCase() === text.toLowerCase()).map((s) => s.id);
            if (byName.length === 0) notFound(text);
            return byName;
          },
          resolveFunction: (fn) => {
            switch (fn.toLowerCase()) {
              case 'opensprints':
                // Jira: sprints not yet completed, so active and future ones.
                return sprintsOf(['active', 'future']);
              case 'closedsprints':
                return sprintsOf(['closed']);
              case 'futuresprints':
                return sprintsOf(['future']);
              default:
                return undefined;
            }
          },
          sortKey: (issue) => {
            const sprint = env.sprints.find((s) => s.id === issue.row.sprintId);
            return sprint ? Date.parse(sprint.startDate) : null;
          },
        };
      case 'parent':
      case 'epic link':
      case 'parentepic':
        return {
          name,
          kind: 'keyword',
          values: (issue) => (issue.row.parentKey ? [issue.row.parentKey.toLowerCase()] : []),
          resolveValue: issueRef(name),
          sortKey: (issue) => (issue.row.parentKey ? keyOrder(issue.row.parentKey) : null),
        };
      case 'key':
      case 'issuekey':
      case 'id':
      case 'issue': {
        return {
          name,
          kind: 'key',
          values: (issue) => [keyOrder(issue.row.key)],
          resolveValue: (text) => {
            if (!/^\d+$/.test(text) && !/^[A-Za-z][A-Za-z0-9_]*-\d+$/.test(text)) {
              errors.push(`The issue key '${text}' for field '${name}' is invalid.`);
              return [];
            }
            const issue = env.visibleIssue(text);
            if (!issue) {
              errors.push(/^\d+$/.test(text) ? `An issue with id '${text}' does not exist for field '${name}'.` : `An issue with key '${text}' does not exist for field '${name}'.`);
              return [];
            }
            return [keyOrder(issue.key)];
          },
          sortKey: (issue) => keyOrder(issue.row.key),
        };
      }
      case 'rank':
        return { name, kind: 'number', values: (issue) => [Number(issue.row.id)], sortKey: (issue) => Number(issue.row.id) };
      case 'summary':
        return { name, kind: 'text', values: (i) => [i.row.summary], texts: (i) => [i.row.summary], sortKey: (i) => i.row.summary.toLowerCase() };
      case 'description':
        return { name, kind: 'text', values: (i) => (i.row.description ? [i.row.description] : []), texts: (i) => [i.row.description] };
      case 'text':
        return { name, kind: 'text', values: () => ['x'], texts: (i) => [i.row.summary, i.row.description] };
    }

    // issue.property[key].path
    if (n === 'issue.property' && field?.properties && field.properties.length > 0) {
      const prop = field.properties[0]!;
      const propertyKey = prop.key?.value ?? '';
      const path = (prop.path ?? []).map((p) => p.value.replace(/^\./, '')).join('.');
      const entry = env.indexed.find((a) => a.propertyKey === propertyKey && a.path === path);
      const shown = `issue.property[${propertyKey}]${path ? `.${path}` : ''}`;
      if (!entry) return undefined;
      return this.aliasField({ ...entry, alias: shown }, shown);
    }

    const alias = env.aliases.find((a) => a.alias.toLowerCase() === n);
    return alias ? this.aliasField(alias, name) : undefined;
  }

  private aliasField(alias: EntityPropertyAlias, name: string): FieldDef {
    const env = this.env;
    const errors = this.errors;
    const raw = (issue: IssueView) => issue.indexed(alias.propertyKey, alias.path);
    switch (alias.type) {
      case 'string':
        return {
          name,
          kind: 'keyword',
          values: (issue) => raw(issue).map((v) => String(v).toLowerCase()),
          resolveValue: (text) => [text.toLowerCase()],
          sortKey: (issue) => (raw(issue)[0] === undefined ? null : String(raw(issue)[0]).toLowerCase()),
        };
      case 'user':
        return {
          name,
          kind: 'keyword',
          values: (issue) => raw(issue).map(String),
          resolveValue: (text) => [text],
          resolveFunction: (fn) => (fn.toLowerCase() === 'currentuser' ? (env.accountId ? [env.accountId] : []) : undefined),
          sortKey: (issue) => (raw(issue)[0] === undefined ? null : String(raw(issue)[0])),
        };
      case 'text':
        return { name, kind: 'text', values: (issue) => raw(issue).map(String), texts: (issue) => raw(issue).map(String) };
      case 'number': {
        const numbers = (issue: IssueView) => raw(issue).map(Number).filter((v) => Number.isFinite(v));
        return {
          name,
          kind: 'number',
          values: numbers,
          resolveValue: (text) => {
            const value = Number(text);
            if (text.trim() === '' || !Number.isFinite(value)) {
              errors.push(`The value '${text}' is not a valid number for the field '${name}'.`);
              return [];
            }
            return [value];
          },
          sortKey: (issue) => numbers(issue)[0] ?? null,
        };
      }
      case 'date': {
        const dates = (issue: IssueView) => raw(issue).map((v) => Date.parse(String(v))).filter((v) => Number.isFinite(v));
        const base = this.fieldDef('created')!;
        return { ...base, name, values: dates, sortKey: (issue) => dates(issue)[0] ?? null, resolveValue: (text, quoted, e) => {
          const before = errors.length;
          const out = base.resolveValue!(text, quoted, e);
          // Re-word the message with this field's name.
          for (let i = before; i < errors.length; i++) errors[i] = errors[i]!.replace(`for field 'created'`, `for field '${name}'`);
          return out;
        } };
      }
    }
  }

  /** The order: ORDER BY fields, then Jira's default (created, newest first); id breaks ties. */
  orderOf(orderBy: OrderBy | undefined): (a: IssueView, b: IssueView) => number {
    const keys: Array<{ key: (issue: IssueView) => Value | null; desc: boolean }> = [];
    for (const item of orderBy?.fields ?? []) {
      const name = item.field.value;
      const def = this.fieldDef(name, item.field);
      if (!def) {
        this.errors.push(`Field '${name}' does not exist or you do not have permission to view it.`);
        continue;
      }
      if (!def.sortKey) {
        this.errors.push(`Field '${name}' does not support sorting.`);
        continue;
      }
      keys.push({ key: def.sortKey, desc: item.direction?.value?.toLowerCase() === 'desc' });
    }
    if (keys.length === 0) {
      keys.push({ key: (issue) => Date.parse(issue.row.created), desc: true });
      keys.push({ key: (issue) => Number(issue.row.id), desc: true });
    }
    keys.push({ key: (issue) => Number(issue.row.id), desc: false });
    return (a, b) => {
      for (const { key, desc } of keys) {
        const x = key(a);
        const y = key(b);
        if (x === y) continue;
        // Empty values sort after every value in ascending order, first in descending order.
        const cmp = x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;
        return desc ? -cmp : cmp;
      }
      return 0;
    };
  }
}

/** Parses and compiles a JQL query for a searcher; syntax errors come back as errors, nothing is thrown. */
export function compileJql(jql: string, env: JqlEnvironment): CompiledJql & { syntaxErrors: string[]; parsed: ParsedJql } {
  const parsed = parseJql(jql);
  if (parsed.syntaxErrors.length > 0 || !parsed.query) {
    return { errors: parsed.syntaxErrors, syntaxErrors: parsed.syntaxErrors, parsed, matches: () => false, compare: () => 0, bounded: false };
  }
  const compiler = new JqlCompiler(env);
  const matches = parsed.query.accept(compiler);
  const compare = compiler.orderOf(parsed.query.orderBy ?? undefined);
  return { errors: [...new Set(compiler.errors)], syntaxErrors: [], parsed, matches, compare, bounded: Boolean(parsed.query.where) };
}
