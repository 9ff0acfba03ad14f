/**
 * JQL's fields about people, time and planning: assignee, reporter, the
 * dates (absolute, relative, date functions), sprint and parent.
 */
import { isResolvedStatus } from '../workflow';
import type { IssueRow, SprintRow } from '../../store/rows';
import { dateFunction, invalidDateMessage, parseAbsoluteDate, parsePeriod } from './jql-dates';
import { keyOrder, type FieldDef, type FieldScope, type IssueView, type Value } from './jql-fields';

/** A field holding an account id: matched by id, email or display name, or currentUser(). */
function userField(scope: FieldScope, pick: (issue: IssueRow) => string | null): FieldDef {
  const { name, env, errors, notFound } = scope;
  return {
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
  };
}

/** A date as JQL reads it: a period ("-14d"), an absolute date in the searcher's zone, or epoch ms. */
function dateValue(scope: FieldScope, text: string): number | undefined {
  const { env } = scope;
  const period = parsePeriod(text, env.nowMs, env.timeZone);
  if (period !== undefined) return period;
  const absolute = parseAbsoluteDate(text, env.timeZone);
  if (absolute !== undefined) return absolute;
  if (/^\d{9,}$/.test(text)) return Number(text);
  scope.errors.push(invalidDateMessage(text, scope.name));
  return undefined;
}

function dateFunctions(scope: FieldScope, fn: string, args: string[]): Value[] | undefined {
  if (!/^(now|currentlogin|lastlogin|(start|end)of(day|week|month|year))$/i.test(fn)) return undefined;
  const at = dateFunction(fn, args, scope.env.nowMs, scope.env.timeZone);
  if (typeof at === 'number') return [at];
  scope.errors.push(at.error);
  return [];
}

/** A date field over the instants `pick` gives (ms). */
export function dateField(scope: FieldScope, pick: (issue: IssueView) => number[]): FieldDef {
  return {
    name: scope.name,
    kind: 'date',
    values: pick,
    resolveValue: (text) => {
      const at = dateValue(scope, text);
      return at === undefined ? [] : [at];
    },
    resolveFunction: (fn, args) => dateFunctions(scope, fn, args),
    sortKey: (issue) => pick(issue)[0] ?? null,
  };
}

const sprintsOf = (scope: FieldScope, state?: SprintRow['state'][]) =>
  scope.env.sprints.filter((s) => !state || state.includes(s.state)).map((s) => s.id);

/** A value naming an issue the searcher may browse. */
function issueRef(scope: FieldScope, fieldName: string) {
  return (text: string): Value[] => {
    const issue = scope.env.visibleIssue(text);
    if (!issue) {
      scope.notFound(text, fieldName);
      return [];
    }
    return [issue.key.toLowerCase()];
  };
}

/** `assignee` */
function assigneeField(scope: FieldScope): FieldDef {
  return userField(scope, (i) => i.assigneeAccountId);
}

/** `reporter`, `creator` */
function reporterField(scope: FieldScope): FieldDef {
  return userField(scope, (i) => i.reporterAccountId);
}

/** `created`, `createddate` */
function createdField(scope: FieldScope): FieldDef {
  return dateField(scope, (issue) => [Date.parse(issue.row.created)]);
}

/** `updated`, `updateddate` */
function updatedField(scope: FieldScope): FieldDef {
  return dateField(scope, (issue) => [Date.parse(issue.row.updated)]);
}

/** `resolved`, `resolutiondate` */
function resolvedField(scope: FieldScope): FieldDef {
  return dateField(scope, (issue) => (isResolvedStatus(issue.row.status) ? [Date.parse(issue.row.updated)] : []));
}

/** `sprint` */
function sprintField(scope: FieldScope): FieldDef {
  const { name, env, notFound } = scope;
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
          return sprintsOf(scope, ['active', 'future']);
        case 'closedsprints':
          return sprintsOf(scope, ['closed']);
        case 'futuresprints':
          return sprintsOf(scope, ['future']);
        default:
          return undefined;
      }
    },
    sortKey: (issue) => {
      const sprint = env.sprints.find((s) => s.id === issue.row.sprintId);
      return sprint ? Date.parse(sprint.startDate) : null;
    },
  };
}

/** `parent`, `epic link`, `parentepic` */
function parentField(scope: FieldScope): FieldDef {
  const { name } = scope;
  return {
    name,
    kind: 'keyword',
    values: (issue) => (issue.row.parentKey ? [issue.row.parentKey.toLowerCase()] : []),
    resolveValue: issueRef(scope, name),
    sortKey: (issue) => (issue.row.parentKey ? keyOrder(issue.row.parentKey) : null),
  };
}

export const PEOPLE_AND_TIME_FIELDS: Record<string, (scope: FieldScope) => FieldDef> = {
  assignee: assigneeField,
  reporter: reporterField,
  creator: reporterField,
  created: createdField,
  createddate: createdField,
  updated: updatedField,
  updateddate: updatedField,
  resolved: resolvedField,
  resolutiondate: resolvedField,
  sprint: sprintField,
  parent: parentField,
  'epic link': parentField,
  parentepic: parentField,
};
