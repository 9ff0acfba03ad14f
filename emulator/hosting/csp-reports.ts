/**
 * The Content-Security-Policy violations the browser reported from resource
 * frames (the policy's `report-uri` points here): what Forge's CSP would have
 * blocked in production, listed at `GET /__local/csp-reports` and on
 * `site.cspReports`, so a test can say "nothing was blocked".
 */
import express, { type Express } from 'express';
import { CSP_REPORT_PATH } from './frame-policy';

export interface CspViolation {
  /** e.g. "script-src-elem", "style-src-attr" */
  directive: string;
  /** What was blocked: a URL, "inline", "eval"... */
  blocked: string;
  /** The frame's document (its token stripped). */
  documentUri: string;
  sample?: string;
  at: string;
}

export class CspReports {
  private readonly violations: CspViolation[] = [];
  private static readonly KEEP = 500;

  add(violation: CspViolation): void {
    this.violations.push(violation);
    if (this.violations.length > CspReports.KEEP) this.violations.shift();
  }

  list(): CspViolation[] {
    return this.violations.map((v) => ({ ...v }));
  }

  clear(): void {
    this.violations.length = 0;
  }
}

/** A frame's address without its token (`?frame=…`): a report must not leak it. */
const withoutToken = (uri: string): string => uri.replace(/([?&]frame=)[^&#]+/, '$1…');

function violationOf(body: unknown): CspViolation | undefined {
  const report = (body as { 'csp-report'?: Record<string, unknown> } | null)?.['csp-report'];
  if (!report || typeof report !== 'object') return undefined;
  const text = (key: string) => (typeof report[key] === 'string' ? report[key] : '');
  return {
    directive: text('effective-directive') || text('violated-directive'),
    blocked: text('blocked-uri'),
    documentUri: withoutToken(text('document-uri')),
    ...(text('script-sample') ? { sample: text('script-sample') } : {}),
    at: new Date().toISOString(),
  };
}

export function mountCspReports(app: Express, reports: CspReports): void {
  const body = express.json({ type: ['application/csp-report', 'application/json', 'application/reports+json'], limit: '64kb' });
  app.post(CSP_REPORT_PATH, body, (req, res) => {
    const violation = violationOf(req.body);
    if (violation) reports.add(violation);
    res.status(204).end();
  });
  app.get(CSP_REPORT_PATH, (_req, res) => res.set('cache-control', 'no-store').json({ violations: reports.list() }));
  app.delete(CSP_REPORT_PATH, (_req, res) => {
    reports.clear();
    res.status(204).end();
  });
}
