/**
 * The global page's Insights tab in a DOM (jsdom): reached with the arrow keys as the WAI-ARIA tabs
 * pattern says, loaded with one `insights/open` call when first opened, its loading, error ("Try
 * again") and empty states, a figure's table against numbers written here by hand, the projects
 * left out with their reason, and "Rebuild now" answered in words. The bridge is the fake in
 * support/fake-bridge.ts.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { InsightsView, PeriodInsights } from '../../src/contract/insights';
import { App } from '../../static/library/src/app';
import { answer, callsTo, resetBridge, setContext, unanswered } from './support/fake-bridge';
import { NO_FIGURES } from '../support/no-figures';

jest.mock('../../static/shared/bridge-client', () => jest.requireActual<object>('./support/fake-bridge'));

function period(label: string, coverage: number | null, days: number | null, helped: number): PeriodInsights {
  return {
    kind: 'sprint',
    label,
    issues: 5,
    figures: { ...NO_FIGURES, hypothesisCoverage: coverage, medianDaysToLearning: days, helpedFromOtherTeams: helped },
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
  medianDaysToLearning: 'down',
  helpedFromOtherTeams: 'flat',
  reusedShare: 'up',
} as const;
const VIEW: InsightsView = {
  projects: [
    {
      projectKey: 'FLEX',
      periods: [
        period('Sprint 18', 0.2, 12, 0),
        period('Sprint 19', 0.25, 10.5, 1),
        period('Sprint 20', null, null, 0),
        period('Sprint 21', 0.5, 7, 2),
        period('Sprint 22', 0.6, 6, 3),
        period('Sprint 23', 0.875, 4.5, 3),
      ],
      trends: TRENDS,
    },
  ],
  withheld: [{ projectKey: 'SRCH', reason: 'Some issues in this project are hidden from you, so its figures are not shown.' }],
  note: 'Figures from the aggregates.',
};

beforeEach(() => {
  resetBridge();
  setContext({ siteUrl: 'https://example.atlassian.net', extension: { type: 'jira:globalPage' } });
  answer('library/projects', () => ({ ok: true, value: { projects: [] } }));
  answer('library/list', () => ({ ok: true, value: { cards: [], nextPageToken: null, jql: 'x', asOf: '2026-11-21T09:00:00.000Z' } }));
});

afterEach(() => {
  expect(unanswered).toEqual([]);
});

async function openInsightsByKeyboard() {
  render(<App />);
  const library = screen.getByRole('tab', { name: 'Library' });
  await userEvent.click(library);
  await userEvent.keyboard('{ArrowRight}');
  const insights = screen.getByRole('tab', { name: 'Insights' });
  expect(insights.getAttribute('aria-selected')).toBe('true');
  expect(document.activeElement).toBe(insights);
  return { library, insights };
}

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent));

describe('the Insights tab', () => {
  it('opens with the arrow keys, loads once, and shows each figure as a table with the same numbers as its bars', async () => {
    answer('insights/open', () => ({ ok: true, value: VIEW }));
    const { library, insights } = await openInsightsByKeyboard();
    expect(library.getAttribute('tabindex')).toBe('-1');
    expect(insights.getAttribute('tabindex')).toBe('0');
    const coverage = await screen.findByRole('table', { name: 'Hypothesis coverage, FLEX, per period' });
    expect(rowsOf(coverage)).toEqual([
      ['Sprint 18', '20%'],
      ['Sprint 19', '25%'],
      ['Sprint 20', 'no data'],
      ['Sprint 21', '50%'],
      ['Sprint 22', '60%'],
      ['Sprint 23', '88%'],
    ]);
    expect(rowsOf(screen.getByRole('table', { name: 'Median days to learning, FLEX, per period' }))).toEqual([
      ['Sprint 18', '12 days'],
      ['Sprint 19', '10.5 days'],
      ['Sprint 20', 'no data'],
      ['Sprint 21', '7 days'],
      ['Sprint 22', '6 days'],
      ['Sprint 23', '4.5 days'],
    ]);
    const coverageSection = screen.getByRole('region', { name: 'Hypothesis coverage' });
    // Shares against 100% of a 64 px chart; the period with no data has no bar.
    const heights = within(coverageSection)
      .getAllByTestId('insight-bar')
      .map((bar) => Number(bar.getAttribute('height')));
    expect(heights).toEqual([13, 16, 0, 32, 38, 56]);
    expect(
      within(coverageSection).getByText(
        /of all resolved issues, with a record or without \(denominator refreshed daily\)\. Newest period: up on the period before\./,
      ),
    ).toBeTruthy();
    expect(
      within(coverageSection)
        .getByRole('link', { name: /Open in issue navigator \(Sprint 23\)/ })
        .getAttribute('href'),
    ).toBe(
      'https://example.atlassian.net/issues/?jql=project%20%3D%20%22FLEX%22%20AND%20learningCount%20%3E%3D%200%20AND%20sprint%20%3D%2023',
    );
    expect(
      screen.getByText(/Figures count only issues you may browse; a project where some issues are hidden from you is left out\./),
    ).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Projects left out' })).getByRole('listitem').textContent).toBe(
      'SRCH: Some issues in this project are hidden from you, so its figures are not shown.',
    );
    // Back to the library and again: the figures are kept, not asked for again.
    await userEvent.keyboard('{ArrowLeft}');
    expect(library.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(library);
    await userEvent.keyboard('{End}');
    expect(insights.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('table', { name: 'Hypothesis coverage, FLEX, per period' })).toBeTruthy();
    expect(callsTo('insights/open')).toEqual([{}]);
  });

  it('does not ask for insights until the tab is opened', async () => {
    render(<App />);
    await screen.findByText('No learnings yet');
    expect(callsTo('insights/open')).toEqual([]);
    expect(screen.getByRole('tab', { name: 'Insights' }).getAttribute('aria-selected')).toBe('false');
  });

  it('says when loading failed, and "Try again" asks once more', async () => {
    let failing = true;
    answer('insights/open', () =>
      failing ? { ok: false, error: { code: 'JIRA_UNAVAILABLE', message: 'Jira did not answer. Try again.' } } : { ok: true, value: VIEW },
    );
    await openInsightsByKeyboard();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load the insights');
    expect(alert.textContent).toContain('Jira did not answer. Try again.');
    failing = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: 'Hypothesis coverage, FLEX, per period' })).toBeTruthy();
    expect(callsTo('insights/open')).toHaveLength(2);
  });

  it('says there is nothing yet when no project the person may browse has a record', async () => {
    answer('insights/open', () => ({ ok: true, value: { projects: [], withheld: [], note: '' } }));
    await openInsightsByKeyboard();
    expect(await screen.findByText('No learning records yet in the projects you can browse')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Copy as CSV' })).toBeNull();
  });

  it('answers "Rebuild now" in words: the refusal for others, the counts for admins, then fresh figures', async () => {
    answer('insights/open', () => ({ ok: true, value: VIEW }));
    let admin = false;
    answer('insights/rebuild', () =>
      admin
        ? { ok: true, value: { state: 'done', issues: 212, periods: 31, projects: 5 } }
        : { ok: false, error: { code: 'FORBIDDEN', message: 'Only Jira administrators may rebuild the insights.' } },
    );
    await openInsightsByKeyboard();
    await screen.findByRole('table', { name: 'Hypothesis coverage, FLEX, per period' });
    await userEvent.click(screen.getByRole('button', { name: 'Rebuild now' }));
    expect(await screen.findByText('Only Jira administrators may rebuild the insights.')).toBeTruthy();
    admin = true;
    await userEvent.click(screen.getByRole('button', { name: 'Rebuild now' }));
    expect(await screen.findByText('Rebuilt from 212 issues: 31 periods in 5 projects.')).toBeTruthy();
    await waitFor(() => {
      expect(callsTo('insights/open')).toHaveLength(2);
    });
    expect(await screen.findByRole('table', { name: 'Hypothesis coverage, FLEX, per period' })).toBeTruthy();
  });

  it('says a rebuild too large for "Rebuild now" runs in the background, with the time asked, and does not reload', async () => {
    answer('insights/open', () => ({ ok: true, value: VIEW }));
    // 12:31 in the test's own time zone, whatever it is.
    const requestedAt = new Date(2026, 10, 30, 12, 31, 5).toISOString();
    answer('insights/rebuild', () => ({ ok: true, value: { state: 'requested', requestedAt } }));
    await openInsightsByKeyboard();
    await screen.findByRole('table', { name: 'Hypothesis coverage, FLEX, per period' });
    await userEvent.click(screen.getByRole('button', { name: 'Rebuild now' }));
    expect(
      await screen.findByText(
        'This site has many records: the rebuild runs in the background and the figures update within five minutes (requested at 12:31).',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Rebuild now' })).toBeTruthy();
    expect(callsTo('insights/open')).toHaveLength(1);
  });

  it('copies the figures as CSV and as Markdown, and says so', async () => {
    answer('insights/open', () => ({ ok: true, value: VIEW }));
    const writeText = jest.fn((_text: string) => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await openInsightsByKeyboard();
    await userEvent.click(await screen.findByRole('button', { name: 'Copy as CSV' }));
    expect(await screen.findByText('Copied the figures as CSV.')).toBeTruthy();
    const csv = writeText.mock.calls[0]![0];
    expect(csv.split('\r\n')[6]).toBe('FLEX,Sprint 23,5,88%,,,,,4.5 days,3,');
    await userEvent.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    expect(await screen.findByText('Copied the figures as Markdown.')).toBeTruthy();
    expect(writeText.mock.calls[1]![0]).toContain('| Sprint 23 | 5 | 88% | | | | | 4.5 days | 3 | |');
  });

  it('shows the cross-team flow as a table with headers and heat, and the share of learnings reused with its JQL', async () => {
    const flow = (label: string, helpedFrom: Record<string, number>, helpedFromOthers: number, reusedShare: number | null) => ({
      ...period(label, null, null, 0),
      figures: { ...NO_FIGURES, reusedShare },
      helpedFrom,
      helpedFromOthers,
    });
    const view: InsightsView = {
      projects: [
        { projectKey: 'CHK', periods: [flow('C 1', { FLEX: 3 }, 0, 0), flow('C 2', { FLEX: 1, CHK: 2 }, 0, 0.5)], trends: TRENDS },
        { projectKey: 'FLEX', periods: [flow('F 1', { CHK: 2 }, 1, null), flow('F 2', { CHK: 6, FLEX: 1 }, 0, 0.25)], trends: TRENDS },
      ],
      withheld: [],
      note: '',
    };
    answer('insights/open', () => ({ ok: true, value: view }));
    await openInsightsByKeyboard();
    const matrix = await screen.findByRole('table', {
      name: 'Cross-team flow: 16 "This helped" links; rows: learning from, columns: ticket in',
    });
    const headers = within(matrix)
      .getAllByRole('columnheader')
      .map((h) => [h.textContent, h.getAttribute('scope')]);
    expect(headers).toEqual([
      ['Learning from / ticket in', 'col'],
      ['CHK', 'col'],
      ['FLEX', 'col'],
    ]);
    expect(rowsOf(matrix)).toEqual([
      ['CHK', '2', '8'],
      ['FLEX', '4', '1'],
      ['Projects not shown to you', '0', '1'],
    ]);
    expect(
      within(matrix)
        .getAllByRole('rowheader')
        .map((h) => h.getAttribute('scope')),
    ).toEqual(['row', 'row', 'row']);
    // Heat by the share of the largest cell (8): 2 → 1, 8 → 4, 4 → 2, 1 → 1, none → 0.
    expect([...matrix.querySelectorAll('td')].map((td) => td.getAttribute('data-heat'))).toEqual(['1', '4', '2', '1', '0', '1']);
    expect(screen.getByText(/each row is the project whose learning helped, each column the project whose ticket it helped/)).toBeTruthy();
    expect(rowsOf(screen.getByRole('table', { name: 'Learnings reused, CHK, per period' }))).toEqual([
      ['C 1', '0%'],
      ['C 2', '50%'],
    ]);
    const reused = screen.getAllByRole('region', { name: 'Learnings reused' })[1]!;
    expect(within(reused).getByText(/marked "This helped" at least once, of every learning captured/)).toBeTruthy();
    expect(
      within(reused)
        .getByRole('link', { name: /Open in issue navigator \(F 2\)/ })
        .getAttribute('href'),
    ).toBe(
      'https://example.atlassian.net/issues/?jql=' +
        encodeURIComponent('project = "FLEX" AND learningCount >= 0 AND sprint = 2 AND learningCount > 0'),
    );
  });
});
