// What the bench measured, as the report reads it.
import type { BundleAnalysis, BundleSizes } from '../lib/bundles';
import type { CpuMeasure } from '../lib/cpu';
import type { SeededSize } from '../lib/dataset';
import type { TimedInvocation } from '../lib/latency';
import type { InsightsOpenMeasure } from '../lib/operations-insights';
import type { OperationResult } from '../lib/operations';
import type { RenderResult } from '../lib/render';

/** One line of the headline table. */
export interface Row {
  measure: string;
  value: string;
  limit: string;
  ratio: string;
  note?: string;
}

export interface ReportInput {
  commit: string;
  /** Uncommitted paths, or ''. */
  dirty: string;
  machine: string;
  load: string;
  buildMs: number | null;
  bundles: BundleSizes[];
  analyses: BundleAnalysis[];
  served: string[];
  seeded: SeededSize[];
  operations: Array<{ size: SeededSize; ops: OperationResult[] }>;
  cpu: Array<{ size: SeededSize; cards: number; measures: CpuMeasure[] }>;
  latency: { size: SeededSize; invocations: TimedInvocation[] } | null;
  /** The insights tab's open at each size (rebuild first). */
  insights: Array<{ size: SeededSize } & InsightsOpenMeasure>;
  render: RenderResult[];
  renderNote: string;
  mem: { peakRss: number; peakHeapUsed: number; maxRssOs: number; baselineRss: number };
  memoryBySize: Array<{ size: number; peakRss: number; peakHeapUsed: number }>;
  totalMs: number;
}
