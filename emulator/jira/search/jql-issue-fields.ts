/**
 * JQL's system fields about the issue itself: project, type, status and its
 * category, priority, resolution, labels, key, rank and the text fields.
 */
import { EMPTY_VALUE, keyOrder, lower, type FieldDef, type FieldScope, type Value } from './jql-fields';
import { PRIORITIES } from '../../store/rows';
import { isResolvedStatus, STATUS_ORDER, WORKFLOW } from '../workflow';
import { defined } from '../../shared/defined';

export { STATUS_ORDER } from '../workflow';
const STATUS_CATEGORIES = (['new', 'indeterminate', 'done'] as const).map((key) => {
  const of = STATUS_ORDER.filter((s) => WORKFLOW[s].category.key === key);
  const category = WORKFLOW[defined(of[0], `a status in category ${key}`)].category;
  return { names: [category.name.toLowerCase(), key, String(category.id)], of: of };
});
const TYPE_ORDER = ['Epic', 'Story', 'Task', 'Bug'] as const;
const TYPE_IDS: Record<string, string> = { Epic: '10000', Story: '10001', Task: '10002', Bug: '10003' };
const RESOLUTIONS = ['Done', "Won't Do", 'Duplicate', 'Cannot Reproduce'];

/** A field whose values are a fixed set of names (or ids), matched case-insensitively. */
function keywordOf(scope: FieldScope, choices: Array<{ match: string[]; value: string }>) {
  return (text: string, _q: boolean, _e: string[]): Value[] => {
    const hits = choices.filter((c) => c.match.includes(text.toLowerCase())).map((c) => c.value.toLowerCase());
    if (hits.length === 0) scope.notFound(text);
    return hits;
  };
}

/** `project` */
function projectField(scope: FieldScope): FieldDef {
  const { name, env, notFound } = scope;
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
}

/** `issuetype`, `type` */
function issuetypeField(scope: FieldScope): FieldDef {
  const { name } = scope;
  return {
    name,
    kind: 'keyword',
    values: (issue) => [issue.row.issueType.toLowerCase()],
    resolveValue: keywordOf(
      scope,
      TYPE_ORDER.map((t) => ({ match: [t.toLowerCase(), TYPE_IDS[t] ?? t], value: t })),
    ),
    resolveFunction: (fn) => {
      if (fn.toLowerCase() === 'standardissuetypes') return TYPE_ORDER.map(lower);
      if (fn.toLowerCase() === 'subtaskissuetypes') return [];
      return undefined;
    },
    sortKey: (issue) => TYPE_ORDER.indexOf(issue.row.issueType),
  };
}

/** `status` */
function statusField(scope: FieldScope): FieldDef {
  const { name } = scope;
  return {
    name,
    kind: 'keyword',
    values: (issue) => [issue.row.status.toLowerCase()],
    resolveValue: keywordOf(
      scope,
      STATUS_ORDER.map((s) => ({ match: [s.toLowerCase(), WORKFLOW[s].id], value: s })),
    ),
    sortKey: (issue) => STATUS_ORDER.indexOf(issue.row.status),
  };
}

/** `statuscategory` */
function statuscategoryField(scope: FieldScope): FieldDef {
  const { name, notFound } = scope;
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
}

/** `priority` */
function priorityField(scope: FieldScope): FieldDef {
  const { name, notFound } = scope;
  const rank = (p: string) => PRIORITIES.length - PRIORITIES.indexOf(p as (typeof PRIORITIES)[number]);
  return {
    name,
    kind: 'priority',
    values: (issue) => [rank(issue.row.priority ?? 'Medium')],
    resolveValue: (text) => {
      const priority = PRIORITIES.find((p, i) => p.toLowerCase() === text.toLowerCase() || String(i + 1) === text);
      if (!priority) notFound(text);
      return priority ? [rank(priority)] : [];
    },
    sortKey: (issue) => rank(issue.row.priority ?? 'Medium'),
  };
}

/** `resolution` */
function resolutionField(scope: FieldScope): FieldDef {
  const { name, notFound } = scope;
  return {
    name,
    kind: 'keyword',
    values: (issue) => (isResolvedStatus(issue.row.status) ? ['done'] : []),
    resolveValue: (text) => {
      if (text.toLowerCase() === 'unresolved') return [EMPTY_VALUE];
      const hit = RESOLUTIONS.find((r) => r.toLowerCase() === text.toLowerCase());
      if (!hit) notFound(text);
      return hit ? [hit.toLowerCase()] : [];
    },
    sortKey: (issue) => (isResolvedStatus(issue.row.status) ? 'done' : null),
  };
}

/** `labels` */
function labelsField(scope: FieldScope): FieldDef {
  const { name } = scope;
  return {
    name,
    kind: 'keyword',
    values: (issue) => issue.row.labels.map(lower),
    resolveValue: (text) => [text.toLowerCase()],
  };
}

/** `key`, `issuekey`, `id`, `issue` */
function keyField(scope: FieldScope): FieldDef {
  const { name, env, errors } = scope;
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
        errors.push(
          /^\d+$/.test(text)
            ? `An issue with id '${text}' does not exist for field '${name}'.`
            : `An issue with key '${text}' does not exist for field '${name}'.`,
        );
        return [];
      }
      return [keyOrder(issue.key)];
    },
    sortKey: (issue) => keyOrder(issue.row.key),
  };
}

/** `rank` */
function rankField(scope: FieldScope): FieldDef {
  const { name } = scope;
  return { name, kind: 'number', values: (issue) => [Number(issue.row.id)], sortKey: (issue) => Number(issue.row.id) };
}

/** `summary` */
function summaryField(scope: FieldScope): FieldDef {
  const { name } = scope;
  return { name, kind: 'text', values: (i) => [i.row.summary], texts: (i) => [i.row.summary], sortKey: (i) => i.row.summary.toLowerCase() };
}

/** `description` */
function descriptionField(scope: FieldScope): FieldDef {
  const { name } = scope;
  return { name, kind: 'text', values: (i) => (i.row.description ? [i.row.description] : []), texts: (i) => [i.row.description] };
}

/** `text` */
function textField(scope: FieldScope): FieldDef {
  const { name } = scope;
  return { name, kind: 'text', values: () => ['x'], texts: (i) => [i.row.summary, i.row.description] };
}

export const ISSUE_FIELDS: Record<string, (scope: FieldScope) => FieldDef> = {
  project: projectField,
  issuetype: issuetypeField,
  type: issuetypeField,
  status: statusField,
  statuscategory: statuscategoryField,
  priority: priorityField,
  resolution: resolutionField,
  labels: labelsField,
  key: keyField,
  issuekey: keyField,
  id: keyField,
  issue: keyField,
  rank: rankField,
  summary: summaryField,
  description: descriptionField,
  text: textField,
};
