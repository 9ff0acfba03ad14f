/**
 * The setup shared by browser tests of the issue panel: one local site and
 * one Chromium for the file, fresh demo data before each test, and every
 * issue page a test opened closed after it. An uncaught error in the host
 * page or the panel fails the test that caused it.
 */
import type { Browser } from 'playwright-core';
import type { LearningRecord } from '../../../src/domain/record/learning-record';
import { startAppSite, type AppSite, type AppSiteOptions } from '../../support/app-site';
import { startedLater } from '../../support/local-site';
import { launchChromium } from './browser';
import { openIssue, type IssueSession } from './issue-page';

export interface IssuePageSuite {
  /** The file's site and browser; usable from the first test on. */
  site: AppSite;
  browser: Browser;
  /** The sessions closed (and checked for errors) after each test; `open` adds to it. */
  sessions: IssueSession[];
  /** Opens an issue page as `user` in its own browser context. */
  open: (issueKey: string, user: string, colorMode?: 'light' | 'dark') => Promise<IssueSession>;
}

/** `options`: how the site starts (e.g. its `consistency`), beside the free port. */
export function useIssuePages(options: Omit<AppSiteOptions, 'port'> = {}): IssuePageSuite {
  let started: { site: AppSite; browser: Browser } | undefined;
  const current = () => {
    if (!started) throw new Error('The site and the browser are not started yet: use them inside a test or a hook.');
    return started;
  };
  const site = startedLater(() => current().site);
  const browser = startedLater(() => current().browser);
  const sessions: IssueSession[] = [];

  beforeAll(async () => {
    const [startedSite, launched] = await Promise.all([startAppSite({ ...options, port: 0 }), launchChromium()]);
    started = { site: startedSite, browser: launched };
  });

  afterAll(async () => {
    await started?.browser.close();
    await started?.site.close();
  });

  beforeEach(() => {
    site.reset();
  });

  afterEach(async () => {
    const closing = sessions.splice(0);
    const errors = closing.flatMap((s) => s.errors);
    await Promise.all(closing.map((s) => s.close()));
    expect(errors).toEqual([]);
  });

  const open = async (issueKey: string, user: string, colorMode?: 'light' | 'dark') => {
    const session = await openIssue(browser, site, issueKey, { user, colorMode });
    sessions.push(session);
    return session;
  };

  return { site, browser, sessions, open };
}

/** What is stored now, read through the real resolver as alice (who may browse everything). */
export async function storedRecordOf(site: AppSite, issueKey: string): Promise<LearningRecord> {
  const { result } = await site.invoke({ functionKey: 'learning/get', as: 'alice', issueKey });
  if (!result.ok) throw new Error(`learning/get failed: ${result.error.code} ${result.error.message}`);
  if (!result.value.record) throw new Error(`${issueKey} has no record.`);
  return result.value.record;
}

/** FLEX-112 as the demo data writes it (demo/demo-hand-written-records.ts flags the labeling learning as the surprise). */
export const FLEX_112 = {
  key: 'FLEX-112',
  hypothesis: 'Presenting Flex as a refund option will reduce drop-off in low-price journeys.',
  spain: "Customers in Spain engaged more, even if they didn't buy.",
  labeling: 'Labeling matters more than refund amount.',
};
