/**
 * The fields the app's manifest adds to JQL: its `jira:entityProperty`
 * search aliases (learningOutcome...), and `issue.property[key].path` for
 * every indexed path, typed as declared (string, text, number, date, user).
 */
import type { Field } from '@atlaskit/jql-ast';
import { indexedDateOf } from './jql-dates';
import { dateField } from './jql-people-and-time-fields';
import { scopeOf, type FieldDef, type IssueView, type JqlEnvironment } from './jql-fields';
import type { EntityPropertyAlias } from './manifest-aliases';

/** A field of an indexed property path, by search alias or as issue.property[key].path; undefined when none. */
export function propertyField(env: JqlEnvironment, errors: string[], name: string, field?: Field): FieldDef | undefined {
  const n = name.toLowerCase();
  // issue.property[key].path
  const prop = field?.properties?.[0];
  if (n === 'issue.property' && prop) {
    const propertyKey = prop.key?.value ?? '';
    const path = (prop.path ?? []).map((p) => p.value.replace(/^\./, '')).join('.');
    const entry = env.indexed.find((a) => a.propertyKey === propertyKey && a.path === path);
    const shown = `issue.property[${propertyKey}]${path ? `.${path}` : ''}`;
    if (!entry) return undefined;
    return aliasField(env, errors, { ...entry, alias: shown }, shown);
  }

  const alias = env.aliases.find((a) => a.alias.toLowerCase() === n);
  return alias ? aliasField(env, errors, alias, name) : undefined;
}

/** A field over one indexed path of a property, typed as the manifest declares it. */
export function aliasField(env: JqlEnvironment, errors: string[], alias: EntityPropertyAlias, name: string): FieldDef {
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
      const numbers = (issue: IssueView) =>
        raw(issue)
          .map(Number)
          .filter((v) => Number.isFinite(v));
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
      // Only the documented date formats are indexed (jql-dates.ts, indexedDateOf).
      const dates = (issue: IssueView) =>
        raw(issue)
          .map(indexedDateOf)
          .filter((v): v is number => v !== undefined);
      return dateField(scopeOf(name, env, errors), dates);
    }
  }
}
