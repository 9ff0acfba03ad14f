/** A period's insight figures when nothing was counted: what test views start from (values written by hand). */
import type { PeriodInsights } from '../../src/contract/insights';

export const NO_FIGURES: PeriodInsights['figures'] = {
  hypothesisCoverage: null,
  learningYield: null,
  surpriseRate: null,
  decidedRate: null,
  invalidatedShare: null,
  medianDaysToLearning: null,
  helpedFromOtherTeams: 0,
  reusedShare: null,
};
