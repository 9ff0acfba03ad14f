import api, { route } from '@forge/api';
import { AppError } from '../../contract/errors';
import { cyclePeriodMsOf, REPORT_BATCH_SIZE } from '../../domain/privacy/personal-data';
import type { PersonalDataReportingPort, ReportAnswer } from '../../ports/privacy/personal-data.port';

/**
 * Atlassian's Personal data reporting API (`POST https://api.atlassian.com/app/report-accounts/`,
 * user privacy guide), reached as the app through `requestAtlassian` (what @forge/api's own
 * `privacy.reportPersonalData` uses, which hides the `Cycle-Period` and `Retry-After` headers this
 * needs). One request per call, at most 90 accounts; 429 answers its Retry-After to the caller.
 */
export class AtlassianPersonalDataReporting implements PersonalDataReportingPort {
  async report(accounts: ReadonlyArray<{ accountId: string; updatedAt: string }>): Promise<ReportAnswer> {
    if (accounts.length === 0 || accounts.length > REPORT_BATCH_SIZE) throw new Error(`A report takes 1 to ${REPORT_BATCH_SIZE} accounts.`);
    const res = await api.asApp().requestAtlassian(route`/app/report-accounts/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ accounts }),
    });
    const cyclePeriodMs = cyclePeriodMsOf(res.headers.get('cycle-period'));
    const cycle = cyclePeriodMs === undefined ? {} : { cyclePeriodMs };
    if (res.status === 204) return { kind: 'answered', updates: [], ...cycle };
    if (res.status === 200) {
      const body = (await res.json()) as { accounts?: Array<{ accountId?: unknown; status?: unknown }> };
      const updates = (body.accounts ?? []).flatMap((a): Array<{ accountId: string; status: 'closed' | 'updated' }> =>
        typeof a.accountId === 'string' && (a.status === 'closed' || a.status === 'updated')
          ? [{ accountId: a.accountId, status: a.status }]
          : [],
      );
      return { kind: 'answered', updates, ...cycle };
    }
    if (res.status === 429) {
      const seconds = Number(res.headers.get('retry-after'));
      return { kind: 'retry-after', seconds: Number.isFinite(seconds) && seconds >= 0 ? seconds : 60 };
    }
    throw new AppError('JIRA_UNAVAILABLE', `The Personal data reporting API answered ${res.status}.`, { status: res.status });
  }
}
