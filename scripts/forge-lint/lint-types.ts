// What a run of Atlassian's linter gives back (lint-app.ts), and the product calls it saw.
import type { LintResult, LintResultRule } from '@forge/lint';

export interface LintProblem extends LintResultRule {
  /** Absolute path of the file (the manifest's problems are reported against manifest.yml). */
  file: string;
}

/** A product call the permission linter found in the source (what it checks scopes for). */
export interface SeenProductCall {
  /** Path relative to the app directory. */
  file: string;
  line: number;
  column: number;
  product: 'jira' | 'confluence' | 'bitbucket';
  method: string;
  /** The path as the linter reads it (`${…}` becomes `\S*`). */
  path: string;
  /**
   * The spec operation the linter matched the call to (`/rest/api/3/user/bulk`), or null when it
   * matched none: then the call is seen but not checked (no scope can be missing).
   */
  specPath: string | null;
}

export interface ForgeLintRun {
  appDir: string;
  results: LintResult[];
  errors: LintProblem[];
  warnings: LintProblem[];
  approvals: LintProblem[];
  /** Files that `lint()` parsed (after tsconfig.json's include/exclude), relative to the app. */
  filesLinted: string[];
  /** Files handed to `lint()` (what `forge lint` lists), relative to the app. */
  filesListed: string[];
  seenCalls: SeenProductCall[];
  /** A linter that threw is only logged by `@forge/lint` (and lints nothing): listed here. */
  linterFailures: string[];
  /** Attempts to reach the network (all refused). */
  networkAttempts: string[];
  /** The report as `forge lint` prints it (no colours when not on a terminal). */
  report: string;
  durationMs: number;
}
