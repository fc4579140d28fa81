/** Timing, percentiles and the number formats every benchmark prints. */

export const now = () => performance.now();

/** Runs `work` and returns its result with the milliseconds it took. */
export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = now();
  const result = await work();
  return { result, ms: now() - start };
}

/** Nearest-rank percentile (p in 0–100) of a non-empty sample. */
export function percentile(sample: readonly number[], p: number): number {
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export const formatInt = (n: number) => Math.round(n).toLocaleString('en-US');

export function formatMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return `${ms.toFixed(ms >= 100 ? 0 : 1)} ms`;
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(unit === 0 ? 0 : 2)} ${units[unit]}`;
}

export const rowsPerSecond = (rows: number, ms: number) => (rows * 1000) / ms;

/** `0.53 (goal ≥ 0.5: met)`: a figure against its goal; `atLeast` says which side passes. */
export function againstGoal(
  value: number,
  goal: { atLeast?: number; atMost?: number },
  options: { digits?: number; unit?: string } = {},
): string {
  const { digits = 2, unit = '' } = options;
  const met =
    (goal.atLeast === undefined || value >= goal.atLeast) && (goal.atMost === undefined || value <= goal.atMost);
  const bound = goal.atLeast !== undefined ? `≥ ${goal.atLeast}${unit}` : `≤ ${goal.atMost}${unit}`;
  return `${value.toFixed(digits)}${unit} (goal ${bound}: ${met ? 'met' : 'NOT met'})`;
}

/** Relative difference, safe around zero: |a − b| / max(1, |a|, |b|). */
export const relativeDifference = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));
