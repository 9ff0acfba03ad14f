/**
 * The app's demo site: what `npm start` serves and what the app's tests run
 * against. It seeds the emulator through its public API and may use the app's
 * own code (record builders, storage keys) to make valid data.
 */
import { startSite, type LocalSite, type SiteSeed, type StartSiteOptions } from '../emulator';
import { demoConfluence } from './demo-confluence';
import { buildDemoDataset, type DemoOptions } from './demo-data';
import { DEMO_PRESENTATION } from './demo-presentation';

export {
  DEMO_NOW,
  demoNowFor,
  DEMO_SEED,
  DEMO_USERS,
  FLEX_112,
  buildDemoDataset,
  demoRecords,
  demoSprintId,
  generateLearnings,
  seedDemoData,
  type DemoOptions,
  type DemoUserHandle,
} from './demo-data';
export { demoConfluence, SEED_MACRO_KEY } from './demo-confluence';
export { DEMO_PRESENTATION, learningSummaryOf } from './demo-presentation';
export { prng } from './demo-generator';
export { RELEVANCE_QUERIES, type RelevanceQuery } from './demo-relevance-set';

/** The demo as a seed: 5 teams (PLAT with 214 sprints), 410 issues, 206 learning records, the Product Learnings space (README's figures: test/demo/readme-figures.test.ts). */
export function demoSeed(options: DemoOptions = {}): SiteSeed {
  // FLEX-112 has the issue panel added (from its "Apps" button); elsewhere, add it the same way.
  return { jira: () => buildDemoDataset(options), confluence: demoConfluence, issuePanels: () => ({ added: [{ issueKey: 'FLEX-112' }] }) };
}

/** startSite() with the demo's seed and presentation (options may override them). */
export function startDemoSite(options: StartSiteOptions = {}): Promise<LocalSite> {
  return startSite({ seed: demoSeed(), presentation: DEMO_PRESENTATION, ...options });
}
