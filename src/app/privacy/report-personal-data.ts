import { DEFAULT_CYCLE_MS, isReportableAccountId, REPORT_BATCH_SIZE } from '../../domain/privacy/personal-data';
import type { HeldAccount, PersonalDataPort, PersonalDataReportingPort } from '../../ports/privacy/personal-data.port';

export interface ReportDeps {
  personalData: PersonalDataPort;
  reporting: PersonalDataReportingPort;
  now: () => Date;
  pause: (ms: number) => Promise<void>;
  /** How long this run may take; what is left is reported by the next run (nothing is marked reported before it is). */
  budgetMs: number;
}

export interface ReportSummary {
  held: number;
  reported: number;
  requests: number;
  closed: number;
  updated: number;
  /** Accounts left for the next run (a rate limit or the time budget). */
  left: number;
}

/**
 * One run of the reporting cycle (Atlassian's user privacy guide): every person the app holds
 * data of whose last report is a cycle old (7 days, or the API's Cycle-Period), in requests of
 * at most 90, one after another; a 429 waits its Retry-After when the budget allows, else the
 * rest waits for the next run. Closed accounts are erased; `updated` restarts the data's age
 * (the account id is all the app holds: there is nothing else to fetch again).
 */
export async function reportPersonalData(deps: ReportDeps): Promise<ReportSummary> {
  const started = deps.now().getTime();
  const cycleMs = (await deps.personalData.cyclePeriodMs()) ?? DEFAULT_CYCLE_MS;
  const held = await deps.personalData.held();
  const due = held.filter(
    (a) => isReportableAccountId(a.accountId) && (a.reportedAt === null || started - Date.parse(a.reportedAt) >= cycleMs),
  );
  const summary: ReportSummary = { held: held.length, reported: 0, requests: 0, closed: 0, updated: 0, left: due.length };
  for (let i = 0; i < due.length;) {
    const batch = due.slice(i, i + REPORT_BATCH_SIZE);
    const answer = await deps.reporting.report(batch.map((a) => ({ accountId: a.accountId, updatedAt: a.since })));
    summary.requests += 1;
    if (answer.kind === 'retry-after') {
      const waitMs = answer.seconds * 1000;
      if (deps.now().getTime() - started + waitMs > deps.budgetMs) break;
      await deps.pause(waitMs);
      continue;
    }
    if (answer.cyclePeriodMs !== undefined) await deps.personalData.setCyclePeriodMs(answer.cyclePeriodMs);
    await applyAnswer(deps, batch, answer.updates, summary);
    i += batch.length;
    summary.left = due.length - i;
  }
  return summary;
}

async function applyAnswer(
  deps: ReportDeps,
  batch: readonly HeldAccount[],
  updates: ReadonlyArray<{ accountId: string; status: 'closed' | 'updated' }>,
  summary: ReportSummary,
): Promise<void> {
  const at = deps.now().toISOString();
  const statusOf = new Map(updates.map((u) => [u.accountId, u.status]));
  for (const account of batch) {
    const status = statusOf.get(account.accountId);
    if (status === 'closed') {
      await deps.personalData.erase(account.accountId);
      summary.closed += 1;
    } else if (status === 'updated') {
      await deps.personalData.refreshed(account, at);
      summary.updated += 1;
    }
  }
  await deps.personalData.markReported(
    batch.filter((a) => !statusOf.has(a.accountId)),
    at,
  );
  summary.reported += batch.length;
}
