/** What Jira's identifiers look like, checked wherever one arrives from a payload, a context, a link or a record. */

/** An issue key's pattern source, for patterns that hold one. */
export const ISSUE_KEY = '[A-Z][A-Z0-9_]*-\\d+';

/** An issue key: "ABC-12" (project key, dash, number). */
export const ISSUE_KEY_PATTERN = new RegExp(`^${ISSUE_KEY}$`);

/** An issue's address on a site ends in `/browse/<key>`; the key is the first group. */
export const BROWSE_URL_KEY_PATTERN = new RegExp(`/browse/(${ISSUE_KEY})$`);

/** A project key: a capital letter, then capitals, digits or "_" (at most 255 characters). */
export const PROJECT_KEY_PATTERN = /^[A-Z][A-Z0-9_]{0,254}$/;

/** An Atlassian account id as records store it: letters, digits, ":", "-" and "_", at most 128 characters. */
export const ACCOUNT_ID_PATTERN = /^[A-Za-z0-9:_-]{1,128}$/;

/** A Jira numeric id (an issue's, a project's): digits, at most 18 (a 64-bit number). */
export const NUMERIC_ID_PATTERN = /^\d{1,18}$/;
