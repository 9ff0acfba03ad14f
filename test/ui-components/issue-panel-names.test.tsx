/**
 * Names on opening the issue panel: when the open answer brings them, the panel asks nothing more;
 * without them it paints the record at once, with a neutral word (never an account id), and asks
 * `people/lookup` exactly once. Names are written out by hand; the bridge is support/fake-bridge.ts.
 */
import { screen } from '@testing-library/react';
import { answer, callsTo, resetBridge, unanswered } from './support/fake-bridge';
import { aRecord, panelOn } from './support/panel-fixture';

jest.mock('../../static/shared/bridge-client', (): unknown => jest.requireActual('./support/fake-bridge'));
jest.setTimeout(30_000);

beforeEach(() => {
  resetBridge();
});
afterEach(() => {
  expect(unanswered).toEqual([]);
});

const byGrace = aRecord({ updatedBy: 'acc-grace' });
const settled = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('issue panel names on opening', () => {
  it('shows the name the open answer brought and makes no people/lookup call', async () => {
    panelOn(byGrace, { names: { 'acc-grace': 'Grace Hopper' } });
    expect(await screen.findByText(/by Grace Hopper · revision 4/)).toBeTruthy();
    await settled();
    expect(callsTo('people/lookup')).toEqual([]);
  });

  it('never asks again for someone the answer says Jira does not show, and names them neutrally', async () => {
    panelOn(byGrace, { names: { 'acc-grace': null } });
    expect(await screen.findByText(/by someone · revision 4/)).toBeTruthy();
    await settled();
    expect(callsTo('people/lookup')).toEqual([]);
    expect(screen.queryByText(/acc-grace/)).toBeNull();
  });

  it('without names, paints the record with "someone" at once, asks people/lookup once, then shows the name', async () => {
    let release: (names: unknown) => void = () => undefined;
    panelOn(byGrace, { names: null });
    answer('people/lookup', () => new Promise((resolve) => (release = resolve)));
    expect(await screen.findByText(/by someone · revision 4/)).toBeTruthy();
    expect(screen.getByText('Annual billing will lift conversion.')).toBeTruthy();
    expect(screen.queryByText(/acc-grace/)).toBeNull();
    await settled();
    expect(callsTo('people/lookup')).toEqual([{ accountIds: ['acc-grace'] }]);
    release({ ok: true, value: { names: { 'acc-grace': 'Grace Hopper' } } });
    expect(await screen.findByText(/by Grace Hopper · revision 4/)).toBeTruthy();
    expect(callsTo('people/lookup')).toHaveLength(1);
  });
});
