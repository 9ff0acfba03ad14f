/**
 * Schemas for what comes in from a person (a draft) and what is read back
 * from Jira (a stored property, possibly old, foreign or broken).
 */
import type { $ZodIssue } from 'zod/v4/core';
import * as z from '../schema/zod';
import { textLength } from './text';
import {
  CONFIDENCES,
  LIMITS,
  OUTCOMES,
  SCHEMA_VERSION,
  isHttpUrl,
  tagProblem,
  withoutCredentials,
  type LearningRecord,
} from './learning-record';
import { learningsFromStored } from './stored-format';

const id = z
  .string()
  .check(
    z.minLength(1, 'An id is missing.'),
    z.maxLength(64, 'An id is longer than 64 characters.'),
    z.regex(/^[A-Za-z0-9_-]+$/, 'An id may hold only letters, digits, "-" and "_".'),
  );

/** A string of at most `max` code points (what a person counts), with the message they read when it is longer. */
const textUpTo = (max: number, message: string) => z.string().check(z.refine((value) => textLength(value) <= max, message));

export const entryDraftSchema = z.strictObject({
  id,
  text: textUpTo(LIMITS.entryChars, `A learning may be at most ${LIMITS.entryChars} characters: split it into two.`),
  surprise: z.boolean(),
});

const evidenceUrl = textUpTo(LIMITS.evidenceUrlChars, `A link may be at most ${LIMITS.evidenceUrlChars} characters.`).check(
  z.refine((value) => isHttpUrl(value.trim()), {
    error: (issue) =>
      /^https?:\/\/[^/?#]*@/i.test(String(issue.input))
        ? 'Links with a user name or password in them are not allowed: every reader would see it.'
        : 'Evidence links must start with http:// or https://.',
  }),
);

export const evidenceSchema = z.strictObject({
  id,
  url: evidenceUrl,
  title: textUpTo(LIMITS.evidenceTitleChars, `A link title may be at most ${LIMITS.evidenceTitleChars} characters.`),
});

const tagSchema = z.string().check(
  z.maxLength(LIMITS.tagChars * 8),
  z.superRefine((value, ctx) => {
    // Measured as it will be stored (normalised), so the panel and the backend agree.
    const problem = tagProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
  }),
);

export const draftSchema = z.strictObject({
  hypothesis: textUpTo(LIMITS.hypothesisChars, `The hypothesis may be at most ${LIMITS.hypothesisChars} characters: shorten it.`),
  learnings: z.array(entryDraftSchema).check(
    z.maxLength(LIMITS.entries, `An issue may hold at most ${LIMITS.entries} learnings: summarise some into one.`),
    z.refine((entries) => new Set(entries.map((e) => e.id)).size === entries.length, 'Two learnings share an id.'),
  ),
  outcome: z.enum(OUTCOMES, { error: `Outcome must be one of: ${OUTCOMES.join(', ')}.` }),
  confidence: z.nullable(z.enum(CONFIDENCES, { error: `Confidence must be one of: ${CONFIDENCES.join(', ')}, or empty.` })),
  tags: z.array(tagSchema).check(z.maxLength(LIMITS.tags, `At most ${LIMITS.tags} tags: remove one before adding another.`)),
  evidence: z.array(evidenceSchema).check(
    z.maxLength(LIMITS.evidence, `At most ${LIMITS.evidence} evidence links: remove one before adding another.`),
    z.refine((links) => new Set(links.map((l) => l.id)).size === links.length, 'Two evidence links share an id.'),
  ),
});

const isoTime = z.string().check(z.minLength(1), z.maxLength(40));
/** An ISO 8601 instant as `Date.toISOString()` writes it (or with an offset); checked by hand: zod's ISO parser and `catch` add 8 KB to the panel's function. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const accountId = z.string().check(z.maxLength(128));

const storedEntrySchema = z.extend(entryDraftSchema, {
  authorAccountId: accountId,
  createdAt: isoTime,
  updatedAt: isoTime,
});

/** What versions 1 and 2 share, under the same names (Jira's JQL index reads them). */
const storedFields = {
  hypothesis: z.string(),
  // Checked after parsing: a time not in ISO form (written outside the app) is dropped, the record kept.
  hypothesisAt: z.optional(z.unknown()),
  outcome: z.enum(OUTCOMES),
  confidence: z.nullable(z.enum(CONFIDENCES)),
  tags: z.array(z.string()),
  // Credentials in a link stored before they were refused are taken out, never shown.
  evidence: z.array(z.extend(evidenceSchema, { url: z.pipe(z.pipe(z.string(), z.transform(withoutCredentials)), evidenceUrl) })),
  revision: z.int().check(z.nonnegative()),
  updatedAt: isoTime,
  updatedBy: accountId,
};

/** Version 1 as stored; `index` is derived and re-computed, so it is not checked. */
const storedV1Schema = z.object({
  ...storedFields,
  schemaVersion: z.literal(1),
  learnings: z.array(storedEntrySchema),
  index: z.optional(z.unknown()),
});

/** Version 2 (stored-format.ts): each learning's `a` is a place in `index.authors`, so that list is checked too. */
const storedV2Schema = z.object({
  ...storedFields,
  schemaVersion: z.literal(2),
  learnings: z.array(
    z.object({
      id,
      t: entryDraftSchema.shape.text,
      s: z.optional(z.boolean()),
      a: z.int().check(z.nonnegative()),
      c: isoTime,
      u: z.optional(isoTime),
    }),
  ),
  index: z.object({ authors: z.array(accountId) }),
});

export type StoredReading =
  | { kind: 'absent' }
  | { kind: 'record'; record: LearningRecord }
  /** Written by a newer version of the app: shown read-only and never overwritten. */
  | { kind: 'newer'; schemaVersion: number; reason: string }
  | { kind: 'unreadable'; reason: string };

/** What a person reads when the record is not in a shape this app can read (written outside it). */
export const UNREADABLE_REASON = 'This ticket’s learning record was changed outside Learning Loop and can’t be read.';

/**
 * Reads whatever is in the property. A newer schema version is its own kind: an older app
 * must neither show it as broken nor overwrite what it cannot read. Unknown shapes are
 * reported, never thrown.
 */
export function readStoredProperty(value: unknown): StoredReading {
  if (value === undefined || value === null) return { kind: 'absent' };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { kind: 'unreadable', reason: UNREADABLE_REASON };
  }
  const version = (value as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    return {
      kind: 'newer',
      schemaVersion: version,
      reason:
        'These learnings were saved by a newer version of Learning Loop, so this version shows nothing and changes nothing. They will appear once the app is updated on this site.',
    };
  }
  const parsed = version === 2 ? readV2(value) : readV1(value);
  if (!parsed) return { kind: 'unreadable', reason: UNREADABLE_REASON };
  const { hypothesisAt, ...rest } = parsed;
  // Insights then count from the issue's creation.
  const record: LearningRecord = typeof hypothesisAt === 'string' && ISO_INSTANT.test(hypothesisAt) ? { ...rest, hypothesisAt } : rest;
  return { kind: 'record', record };
}

/** A record as read, before its hypothesis time is checked. */
type ParsedRecord = Omit<LearningRecord, 'hypothesisAt'> & { hypothesisAt?: unknown };

function readV1(value: unknown): ParsedRecord | null {
  const parsed = storedV1Schema.safeParse(value);
  if (!parsed.success) return null;
  const { index: _derived, ...rest } = parsed.data;
  return { ...rest, schemaVersion: SCHEMA_VERSION };
}

function readV2(value: unknown): ParsedRecord | null {
  const parsed = storedV2Schema.safeParse(value);
  if (!parsed.success) return null;
  const { index, learnings: stored, ...rest } = parsed.data;
  const learnings = learningsFromStored(stored, index.authors);
  return learnings && { ...rest, learnings };
}

/** The first problem with a draft, as a sentence a person can act on; null when it is fine. */
export function problemWith(draft: unknown): string | null {
  const parsed = draftSchema.safeParse(draft);
  if (parsed.success) return null;
  return describeIssue(parsed.error.issues[0]);
}

export function describeIssue(issue: $ZodIssue | undefined): string {
  if (!issue) return 'The input is not valid.';
  const where = issue.path.length ? ` (at "${issue.path.join('.')}")` : '';
  return `${issue.message}${where}`;
}
