/**
 * JQL over the store: the query, parsed by Atlassian's grammar (jql-parse.ts),
 * compiled by a JAST visitor into a predicate and a sort order, with Jira's
 * messages for what it would refuse. The fields: jql-issue-fields.ts,
 * jql-people-and-time-fields.ts, jql-property-fields.ts.
 *
 * NOT is pushed down to the clauses, as Jira does: `NOT assignee = bob`
 * means `assignee != bob`, which (like every `!=` and `NOT IN`) leaves out
 * issues where the field is empty.
 */
import {
  AbstractJastVisitor,
  type CompoundClause,
  type Field,
  type NotClause,
  type Operand,
  type OrderBy,
  type Query,
  type TerminalClause,
} from '@atlaskit/jql-ast';
import {
  ALL,
  COMPARISONS,
  EMPTY_VALUE,
  INVERSE,
  OPERATORS_BY_KIND,
  scopeOf,
  type FieldDef,
  type IssueView,
  type JqlEnvironment,
  type Predicate,
  type Resolved,
  type Value,
} from './jql-fields';
import { ISSUE_FIELDS } from './jql-issue-fields';
import { parseJql, type ParsedJql } from './jql-parse';
import { PEOPLE_AND_TIME_FIELDS } from './jql-people-and-time-fields';
import { propertyField } from './jql-property-fields';
import { parseTextQuery, textMatches, type TextQuery } from './jql-text';

export type { IssueView, JqlEnvironment } from './jql-fields';
export { parseJql, type ParsedJql } from './jql-parse';
export { STATUS_ORDER } from './jql-issue-fields';

export type Validation = 'strict' | 'warn' | 'none';

export interface CompiledJql {
  /** Messages Jira would answer with 400 (strict validation). */
  errors: string[];
  matches(issue: IssueView): boolean;
  compare(a: IssueView, b: IssueView): number;
  /** False when the query has no restriction (Jira's enhanced search refuses those). */
  bounded: boolean;
}

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
    const n = name.toLowerCase();
    const system = Object.hasOwn(ISSUE_FIELDS, n) ? ISSUE_FIELDS[n] : Object.hasOwn(PEOPLE_AND_TIME_FIELDS, n) ? PEOPLE_AND_TIME_FIELDS[n] : undefined;
    if (system) return system(scopeOf(name, this.env, this.errors));
    return propertyField(this.env, this.errors, name, field);
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
