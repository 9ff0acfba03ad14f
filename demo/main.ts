/**
 * `npm start` / `npm run reset`: runs the demo site on PORT (4100), with its
 * database under LL_DATA_DIR (default .data/).
 */
import path from 'node:path';
import { LocalStore } from '../emulator';
import { seedDemoData } from './demo-data';
import { startDemoSite } from './index';

const dataDir = path.resolve(process.env.LL_DATA_DIR ?? path.join(__dirname, '..', '.data'));

async function main(): Promise<void> {
  if (process.argv.includes('--reset-only')) {
    const store = LocalStore.open(dataDir);
    seedDemoData(store);
    store.close();
    console.log(`Learning Loop local site: demo data reset in ${dataDir}`);
    return;
  }

  const port = process.env.PORT === undefined ? 4100 : Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${process.env.PORT}".`);
  const site = await startDemoSite({ port, dataDir });
  console.log(`Learning Loop local site: ${site.url}`);
  console.log(`  data: ${dataDir} (npm run reset to start over)`);
  // The app's scheduled triggers on their own intervals (LL_SCHEDULE_SPEEDUP=1440 runs a daily one every minute);
  // on demand: POST /__local/scheduled-triggers/<key>/run.
  const speedUp = Number(process.env.LL_SCHEDULE_SPEEDUP ?? 1);
  site.triggers.startSchedules(Number.isFinite(speedUp) && speedUp >= 1 ? speedUp : 1);
  // The demo's records were seeded, not saved through the app: count them into the insights once at start.
  site.triggers.runScheduled('insights-rebuild-schedule').then(
    () => {
      console.log('  insights: rebuilt from the demo data');
    },
    (error: unknown) => {
      console.error('  insights: the rebuild failed', error);
    },
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the local site…`);
    site.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => {
    stop('SIGINT');
  });
  process.on('SIGTERM', () => {
    stop('SIGTERM');
  });
}

main().catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') console.error(`Port ${process.env.PORT ?? 4100} is busy: set PORT to another port (PORT=0 picks a free one).`);
  else console.error(error);
  process.exit(1);
});
