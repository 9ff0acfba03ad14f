/**
 * The epic preset: find the site's epics by text (as the person, so only
 * epics they may browse), then collect the picked epic and its children.
 * No zod here: the config view bundles this module.
 */
import { ISSUE_KEY, ISSUE_KEY_PATTERN } from '../record/identifiers';
import { quoteJqlValue } from '../search/jql-text';

const MAX_WORDS = 8;

/** `parent = KEY OR key = KEY`, as `epicJql` writes it (case and spacing as a person may retype them). */
const EPIC_JQL = new RegExp(`^parent\\s*=\\s*(${ISSUE_KEY})\\s+OR\\s+key\\s*=\\s*(${ISSUE_KEY})$`, 'i');

/**
 * The search for the picker: recent epics for no text, one epic for its key, else
 * epics whose summary has every word (the last one as a prefix, as it is being typed).
 * Only letters and digits of the text reach Jira's text search, so no typing can make it refuse the query.
 */
export function epicSearchJql(text: string): string {
  const trimmed = text.trim();
  if (ISSUE_KEY_PATTERN.test(trimmed.toUpperCase())) return `issuetype = Epic AND key = ${quoteJqlValue(trimmed.toUpperCase())}`;
  const words = trimmed
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_WORDS);
  if (words.length === 0) return 'issuetype = Epic ORDER BY updated DESC';
  const terms = [...words.slice(0, -1), `${words[words.length - 1]}*`].join(' ');
  return `issuetype = Epic AND summary ~ ${quoteJqlValue(terms)} ORDER BY updated DESC`;
}

/** What the macro collects for a picked epic: its children and the epic itself. */
export function epicJql(epicKey: string): string {
  return `parent = ${epicKey} OR key = ${epicKey}`;
}

/** The epic a query collects, when it is exactly what `epicJql` writes; null otherwise. */
export function epicKeyOf(jql: string): string | null {
  const [, parent, key] = EPIC_JQL.exec(jql.trim()) ?? [];
  return parent && key && parent.toUpperCase() === key.toUpperCase() ? parent.toUpperCase() : null;
}
