/**
 * The "Learning insights" Confluence macro in a DOM (jsdom): one `insights/open` call with the
 * projects and periods stored in the macro's config, the Insights tab's figures (a table checked
 * against numbers written here by hand), loading, an error with "Try again", the message a viewer
 * without Jira access gets, no "Rebuild now", and keyboard reach. Then its config view: the
 * person's projects as checkboxes, the periods, Save, Cancel and Escape. The bridge is the fake
 * in support/fake-bridge.ts.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { InsightsView, PeriodInsights } from '../../src/contract/insights';
import { App } from '../../static/insights-macro/src/app';
import { App as ConfigApp } from '../../static/insights-config/src/app';
import { answer, callsTo, resetBridge, setContext, submittedConfigs, unanswered, viewClosed } from './support/fake-bridge';
import { NO_FIGURES } from '../support/no-figures';

jest.mock('../../static/shared/bridge-client', () => jest.requireActual<object>('./support/fake-bridge'));

function period(label: string, coverage: number | null): PeriodInsights {
  return {
    kind: 'sprint',
    label,
    issues: 4,
    figures: { ...NO_FIGURES, hypothesisCoverage: coverage },
    helpedFrom: {},
    helpedFromOthers: 0,
    jql: `project = "FLEX" AND learningCount >= 0 AND sprint = ${label.replace(/\D/g, '')}`,
  };
}
const TRENDS = {
  hypothesisCoverage: 'up',
  learningYield: null,
  surpriseRate: null,
  decidedRate: null,
  invalidatedShare: null,
  medianDaysToLearning: null,
  helpedFromOtherTeams: null,
  reusedShare: null,
} as const;
const VIEW: InsightsView = {
  projects: [
    { projectKey: 'FLEX', periods: [period('Sprint 21', 0.5), period('Sprint 22', null), period('Sprint 23', 0.75)], trends: TRENDS },
  ],
  withheld: [],
  note: 'Figures from the aggregates.',
};
const NOTHING: InsightsView = { projects: [], withheld: [], note: '' };

function onPage(config: unknown) {
  setContext({
    siteUrl: 'https://example.atlassian.net',
    extension: { type: 'macro', ...(config === undefined ? {} : { config }), macro: { isConfiguring: false } },
  });
}

beforeEach(resetBridge);
afterEach(() => {
  expect(unanswered).toEqual([]);
});

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent));

describe('the Learning insights macro', () => {
  it('asks insights/open once with the configured projects and periods, and shows the figures', async () => {
    onPage({ projects: ['FLEX', 'CHK'], periods: 3 });
    answer('insights/open', () => ({ ok: true, value: VIEW }));
    render(<App />);
    const coverage = await screen.findByRole('table', { name: 'Hypothesis coverage, FLEX, per period' });
    expect(rowsOf(coverage)).toEqual([
      ['Sprint 21', '50%'],
      ['Sprint 22', 'no data'],
      ['Sprint 23', '75%'],
    ]);
    expect(callsTo('insights/open')).toEqual([{ projects: ['FLEX', 'CHK'], periods: 3 }]);
    expect(screen.getByText(/^The last 3 periods of the projects chosen for this page\./)).toBeTruthy();
    expect(screen.getByText(/Figures count only issues you may browse/)).toBeTruthy();
    // Rebuilding is a Jira admin's action, not on the wiki page.
    expect(screen.queryByRole('button', { name: 'Rebuild now' })).toBeNull();
    // Keyboard: Tab reaches the copy buttons, then the figures' links into Jira.
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Copy as CSV' }));
    await userEvent.tab();
    await userEvent.tab();
    expect(document.activeElement?.textContent).toMatch(/^Open in issue navigator \(Sprint 23\)/);
    expect(document.activeElement?.getAttribute('href')).toBe(
      'https://example.atlassian.net/issues/?jql=project%20%3D%20%22FLEX%22%20AND%20learningCount%20%3E%3D%200%20AND%20sprint%20%3D%2023',
    );
  });

  it('asks for every browsable project and six periods when the macro is not configured, or its config is unreadable', async () => {
    onPage(undefined);
    answer('insights/open', () => ({ ok: true, value: VIEW }));
    const first = render(<App />);
    await screen.findByRole('table', { name: 'Hypothesis coverage, FLEX, per period' });
    first.unmount();
    onPage({ projects: ['flex', 42, 'CHK'], periods: 9 });
    render(<App />);
    await screen.findByRole('table', { name: 'Hypothesis coverage, FLEX, per period' });
    expect(callsTo('insights/open')).toEqual([{ periods: 6 }, { projects: ['CHK'], periods: 6 }]);
  });

  it('shows a spinner while counting, then an error with "Try again" that asks once more', async () => {
    onPage({ projects: ['FLEX'], periods: 6 });
    let release: (() => void) | null = null;
    let failing = true;
    answer('insights/open', () =>
      failing
        ? new Promise((resolve) => {
            release = () => {
              resolve({ ok: false, error: { code: 'JIRA_UNAVAILABLE', message: 'Jira did not answer. Try again.' } });
            };
          })
        : { ok: true, value: VIEW },
    );
    render(<App />);
    expect((await screen.findByRole('status')).textContent).toContain('Counting the figures you may see…');
    release!();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load the insights');
    expect(alert.textContent).toContain('Jira did not answer. Try again.');
    failing = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: 'Hypothesis coverage, FLEX, per period' })).toBeTruthy();
    expect(callsTo('insights/open')).toEqual([
      { projects: ['FLEX'], periods: 6 },
      { projects: ['FLEX'], periods: 6 },
    ]);
  });

  it('tells a viewer whom Jira shows nothing (no Jira access) why there are no figures', async () => {
    onPage({ projects: ['FLEX', 'GROW'], periods: 6 });
    answer('insights/open', () => ({ ok: true, value: NOTHING }));
    render(<App />);
    const message = await screen.findByRole('region', { name: 'No figures you may see here' });
    expect(message.textContent).toContain(
      'These figures count the Jira issues of the projects chosen for this page, as Jira lets you browse them',
    );
    // The page's chosen keys are not repeated to a viewer who may not browse them.
    expect(message.textContent).not.toMatch(/FLEX|GROW/);
    expect(message.textContent).toContain('If you have no access to these Jira projects (or to Jira), ask a Jira administrator for it');
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Copy as CSV' })).toBeNull();
  });
});

describe("the Learning insights macro's config view", () => {
  const PROJECTS = [
    { key: 'FLEX', name: 'Flex team' },
    { key: 'CHK', name: 'Checkout' },
    { key: 'SRCH', name: 'Search' },
  ];

  function configuring(config: unknown) {
    setContext({ extension: { type: 'macro', config, macro: { isConfiguring: true, isInserting: false } } });
    answer('library/projects', () => ({ ok: true, value: { projects: PROJECTS } }));
  }

  it('lists the projects the person may browse, keeps a stored one they cannot, and saves the choice with the periods', async () => {
    configuring({ projects: ['SRCH', 'GROW'], periods: 4 });
    render(<ConfigApp />);
    const boxes = within(await screen.findByRole('group', { name: 'Projects' })).getAllByRole('checkbox');
    expect(boxes.map((b) => [b.parentElement?.textContent, (b as HTMLInputElement).checked])).toEqual([
      ['Flex team (FLEX)', false],
      ['Checkout (CHK)', false],
      ['Search (SRCH)', true],
      ['not a project you may browse (GROW)', true],
    ]);
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Periods shown (sprints, or months)' }).value).toBe('4');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Flex team (FLEX)' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Search (SRCH)' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Periods shown (sprints, or months)' }), 'The last 2');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(submittedConfigs).toEqual([{ projects: ['FLEX', 'GROW'], periods: 2 }]);
    expect(callsTo('library/projects')).toHaveLength(1);
  });

  it('closes without saving on Cancel and on Escape', async () => {
    configuring(undefined);
    render(<ConfigApp />);
    await screen.findByRole('group', { name: 'Projects' });
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await userEvent.keyboard('{Escape}');
    expect(viewClosed.count).toBe(2);
    expect(submittedConfigs).toEqual([]);
  });

  it('says when Jira could not list the projects, and "Try again" asks again', async () => {
    setContext({ extension: { type: 'macro', config: { projects: ['FLEX'], periods: 6 } } });
    let failing = true;
    answer('library/projects', () =>
      failing
        ? { ok: false, error: { code: 'JIRA_UNAVAILABLE', message: 'Jira did not answer.' } }
        : { ok: true, value: { projects: PROJECTS } },
    );
    render(<ConfigApp />);
    expect((await screen.findByText(/Jira did not answer\./)).textContent).toContain('Saving now keeps the projects already chosen.');
    failing = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('checkbox', { name: 'Flex team (FLEX)' })).toBeTruthy();
    expect(callsTo('library/projects')).toHaveLength(2);
  });
});
