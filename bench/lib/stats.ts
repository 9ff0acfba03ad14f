/** Small statistics and formatting helpers for the benchmarks. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const at = (i: number) => sorted[i] ?? Number.NaN;
  return sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const ms = (value: number): string =>
  value >= 1000 ? `${(value / 1000).toFixed(2)} s` : value >= 10 ? `${value.toFixed(0)} ms` : `${value.toFixed(2)} ms`;
export const ratio = (value: number, limit: number): string =>
  limit > 0 && Number.isFinite(value) ? `${(value / limit).toFixed(2)}×` : '–';

/** Samples the process's memory while work runs: peak RSS and heap. */
export class MemorySampler {
  peakRss = 0;
  peakHeapUsed = 0;
  /** Peaks since the last `mark()`. */
  private windowRss = 0;
  private windowHeap = 0;
  private timer: NodeJS.Timeout | undefined;

  start(everyMs = 25): this {
    this.sample();
    this.timer = setInterval(() => {
      this.sample();
    }, everyMs);
    this.timer.unref();
    return this;
  }

  sample(): void {
    const m = process.memoryUsage();
    this.peakRss = Math.max(this.peakRss, m.rss);
    this.peakHeapUsed = Math.max(this.peakHeapUsed, m.heapUsed);
    this.windowRss = Math.max(this.windowRss, m.rss);
    this.windowHeap = Math.max(this.windowHeap, m.heapUsed);
  }

  /** The peaks since the previous mark (or the start), then starts a new window. */
  mark(): { peakRss: number; peakHeapUsed: number } {
    this.sample();
    const out = { peakRss: this.windowRss, peakHeapUsed: this.windowHeap };
    const m = process.memoryUsage();
    this.windowRss = m.rss;
    this.windowHeap = m.heapUsed;
    return out;
  }

  stop(): { peakRss: number; peakHeapUsed: number; maxRssOs: number } {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    // resourceUsage().maxRSS is in KB: the OS's own peak, catching spikes between samples.
    return { peakRss: this.peakRss, peakHeapUsed: this.peakHeapUsed, maxRssOs: process.resourceUsage().maxRSS * 1024 };
  }
}
