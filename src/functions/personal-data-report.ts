/**
 * The scheduled trigger (daily) that reports the people the app holds data of to Atlassian's
 * Personal data reporting API and erases the data of closed accounts. It runs without a user:
 * the API is called as the app. Answers 204 when the run went through, 503 when the API
 * could not be reached (the next run takes it up again).
 */
import { reportPersonalData } from '../app/privacy/report-personal-data';
import { AtlassianPersonalDataReporting } from '../forge/privacy/atlassian-personal-data-reporting';
import { KvsPersonalData } from '../forge/privacy/kvs-personal-data';

/** Within the function's timeoutSeconds (900 in the manifest), with room to finish a batch. */
const BUDGET_MS = 600_000;

export async function reportPersonalDataTrigger(): Promise<{ statusCode: number; body?: string }> {
  try {
    const summary = await reportPersonalData({
      personalData: new KvsPersonalData(),
      reporting: new AtlassianPersonalDataReporting(),
      now: () => new Date(),
      pause: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      budgetMs: BUDGET_MS,
    });
    return { statusCode: 204, body: JSON.stringify(summary) };
  } catch (error) {
    console.error('Personal data report failed', error instanceof Error ? error.name : typeof error);
    return { statusCode: 503 };
  }
}
