// `npm run bench` options (--name=value or BENCH_SIZES) and the limits its figures are set against.

export function arg(name: string): string | undefined {
  const hit = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (!hit) return undefined;
  return hit.includes('=') ? hit.slice(hit.indexOf('=') + 1) : 'true';
}

export const SIZES = (arg('sizes') ?? process.env.BENCH_SIZES ?? '100,1000,10000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n >= 0);
export const CPU_RUNS = Number(arg('runs') ?? 15);
export const RENDER_RUNS = Number(arg('render-runs') ?? 5);
export const LATENCY_MS = Number(arg('latency') ?? 300);
export const RENDER_SIZE = Number(arg('render-size') ?? 1000);
/** First render only (section 5, `bench:render`, `bench:render-compare`): ms added to every remote call (Jira, KVS) of every site visited alike; 0 by default. */
export const RENDER_CALL_LATENCY_MS = Number(arg('call-latency') ?? 0);
/** Seeding 10,000 learnings should stay well under this. */
export const SEED_BUDGET_MS = 10_000;
/** Peak RSS of the site + resolver process: Forge gives a function 512 MB. */
export const MEMORY_LIMIT = 512 * 1024 * 1024;
