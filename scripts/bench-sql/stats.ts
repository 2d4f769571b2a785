/** Timing helpers of the SQL benchmark. */
export interface Timing {
  name: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  /** Items on the last page read (list scenarios), to show the timed query returned real rows. */
  items: number | null;
}

const itemCount = (result: unknown): number | null => {
  if (typeof result !== 'object' || result === null || !('items' in result)) return null;
  const { items } = result;
  return Array.isArray(items) ? items.length : null;
};

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

const round = (ms: number): number => Math.round(ms * 10) / 10;

/** Runs `fn` `warmup` times unmeasured, then `runs` times, and reports the median and p95. */
export const measure = async (name: string, fn: () => Promise<unknown>, runs = 60, warmup = 5): Promise<Timing> => {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  let last: unknown = null;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    last = await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { name, runs, medianMs: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), items: itemCount(last) };
};

/** Writes a line straight to stdout. */
export const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

export const printTiming = (t: Timing): void => {
  const rows = t.items === null ? '' : `   (${String(t.items)} rows)`;
  print(`  ${t.name.padEnd(58)} median ${String(t.medianMs).padStart(7)} ms   p95 ${String(t.p95Ms).padStart(7)} ms${rows}`);
};
