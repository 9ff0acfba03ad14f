/**
 * The local site runs the `insights-rebuild-on-request` scheduled trigger on its own five-minute
 * timer (here sped up), as Forge does: a waiting rebuild request is served without anyone running
 * the trigger by hand, and the aggregates then equal a recount of the raw data.
 */
import { recountInsights, storedInsights } from './insights-recount';
import { kvsRows } from './lifecycle-support';
import { useLocalSite } from '../support/local-site';

const site = useLocalSite({ resetBeforeEach: 'demo-data-and-calls' });
jest.setTimeout(60_000);

const REQUEST_KEY = 'insights-rebuild-request';
/** Five minutes become 3 s; the daily triggers (every 864 s) do not run in this test. */
const SPEED_UP = 100;

afterEach(() => {
  site.triggers.stopSchedules();
});

it('serves a waiting request on the five-minute timer and deletes it', async () => {
  // As "Rebuild now" leaves it when the rebuild cannot finish in a resolver's time.
  site.store.kvsSet('plain', REQUEST_KEY, JSON.stringify({ requestedAt: new Date().toISOString() }), Date.now(), null);
  expect(storedInsights(site)).not.toEqual(recountInsights(site));
  site.triggers.startSchedules(SPEED_UP);
  const deadline = Date.now() + 45_000;
  while (kvsRows(site).some((row) => row.key === REQUEST_KEY) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  site.triggers.stopSchedules();
  expect(kvsRows(site).some((row) => row.key === REQUEST_KEY)).toBe(false);
  expect(storedInsights(site)).toEqual(recountInsights(site));
});
