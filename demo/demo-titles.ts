// Ticket titles that no other demo ticket has: an idea's title with a market, an audience or a step, as teams name follow-up work.
// Never the bare idea title: it would read as part of its variants ("X" inside "X in Spain"), as if one ticket's text showed in another.
import { AUDIENCES, MARKETS } from './demo-themes';

const STORY_STEPS = [
  '{s} in {market}',
  '{s} for {audience}',
  '{s}: A/B test in {market}',
  '{s}: roll-out to {market}',
  '{s}: second iteration for {audience}',
];
const TASK_STEPS = [
  '{s}: tracking of {metric}',
  '{s}: results write-up',
  '{s}: copy for {market}',
  '{s}: design review',
  '{s}: dashboard for {audience}',
];
const BUG_STEPS = ['{s} in {market}', '{s} (iOS app)', '{s} (Android app)', '{s} on the website'];
const STEPS = { Story: STORY_STEPS, Task: TASK_STEPS, Bug: BUG_STEPS } as const;

export type TitledType = keyof typeof STEPS;

/** A title, and the market and audience it names (the hypothesis and learnings of its ticket speak of the same). */
export interface Title {
  title: string;
  market: string | null;
  audience: string | null;
}

const rotated = <T>(list: readonly T[], start: number): T[] => [...list.slice(start), ...list.slice(0, start)];
const startIn = (rng: () => number, list: readonly unknown[]) => Math.floor(rng() * list.length);

/**
 * The first title not in `used`, trying steps, markets and audiences from random starting points (so the demo varies but
 * stays the same for a seed); records it in `used`. Past every variant (only bulk benchmark data gets there) it numbers the part.
 */
export function uniqueTitle(rng: () => number, used: Set<string>, type: TitledType, base: string, metric: string): Title {
  const steps = rotated(STEPS[type], startIn(rng, STEPS[type]));
  const markets = rotated(MARKETS, startIn(rng, MARKETS));
  const audiences = rotated(AUDIENCES, startIn(rng, AUDIENCES));
  for (const step of steps) {
    for (const market of step.includes('{market}') ? markets : [null]) {
      for (const audience of step.includes('{audience}') ? audiences : [null]) {
        const title = step
          .replace('{s}', base)
          .replace('{metric}', metric)
          .replace('{market}', market ?? '')
          .replace('{audience}', audience ?? '');
        if (used.has(title)) continue;
        used.add(title);
        return { title, market, audience };
      }
    }
  }
  for (let part = 2; ; part++) {
    const title = `${base} (part ${part})`;
    if (!used.has(title)) {
      used.add(title);
      return { title, market: null, audience: null };
    }
  }
}
