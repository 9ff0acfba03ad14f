/** Words the app uses for a record everywhere it is shown: the screens, the exports, the macro. */
import type { Outcome } from './learning-record';

export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  open: 'Open',
  validated: 'Validated',
  invalidated: 'Invalidated',
  inconclusive: 'Inconclusive',
};

export const outcomeLabel = (outcome: Outcome): string => OUTCOME_LABELS[outcome];

/** "1 learning", "3 learnings". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
