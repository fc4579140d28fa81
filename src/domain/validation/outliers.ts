import { Invalid } from '../errors.js';
import { monthsOf, parsePeriod, type Period } from '../periods.js';

/**
 * Outliers of one unit's series against its own history, by the modified z-score of Iglewicz &
 * Hoaglin: z = 0.6745 × (x − median) / MAD, flagged when |z| > 3.5. The median and the median
 * absolute deviation (MAD) ignore a few wild points, so one earlier spike does not hide the next.
 *
 * Limitation: no seasonal adjustment. A regular yearly peak (December invoices, the school-year
 * start) is only 2 of the 24 months in the default window, so it may be flagged every year;
 * reviewers dismiss those by hand. A seasonal model needs years of clean history we do not have.
 *
 * A high z-score alone is not a finding: a flat series makes any step extreme, so callers keep only
 * material changes (see materiality.ts: an absolute and a relative threshold by kind of indicator).
 */

/** 0.6745 is the 0.75 quantile of the standard normal: it makes MAD comparable to a standard deviation. */
const MAD_FACTOR = 0.6745;
/** √(π/2): makes the mean absolute deviation comparable to a standard deviation (the usual MeanAD fallback). */
const MEAN_AD_FACTOR = 1.2533;

export const DEFAULT_THRESHOLD = 3.5;
/**
 * Below six points the median and MAD swing with every single value (with five points, one
 * point is a fifth of the sample), so a z-score would flag ordinary noise; six months is also
 * the shortest history that says anything about a monthly series.
 */
export const DEFAULT_MIN_HISTORY = 6;
export const DEFAULT_WINDOW_MONTHS = 24;

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Invalid('outliers.empty', 'the median of no values is undefined');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Robust z-score of `value` against `history`; null when the history is shorter than
 * `minHistory` (default 6, see DEFAULT_MIN_HISTORY). When more than half the history sits on
 * the median (MAD = 0, common for counts stuck at a level) the scale falls back to
 * 1.2533 × mean absolute deviation from the median; when that is 0 too the history is constant
 * and any different value is infinitely far from it (z = ±Infinity), the same value z = 0.
 */
export function robustZScore(
  history: readonly number[],
  value: number,
  minHistory: number = DEFAULT_MIN_HISTORY,
): number | null {
  if (history.length < minHistory || history.length === 0) return null;
  const center = median(history);
  const deviations = history.map((h) => Math.abs(h - center));
  const mad = median(deviations);
  if (mad > 0) return (MAD_FACTOR * (value - center)) / mad;
  const meanAd = deviations.reduce((a, b) => a + b, 0) / deviations.length;
  if (meanAd > 0) return (value - center) / (MEAN_AD_FACTOR * meanAd);
  return value === center ? 0 : value > center ? Infinity : -Infinity;
}

export interface OutlierOptions {
  /** Flag when |z| exceeds this; default 3.5. */
  threshold?: number;
  /** Fewest earlier points needed to judge a point; default 6. */
  minHistory?: number;
  /** Months of history before the point that it is judged against; default 24. */
  window?: number;
}

export interface Outlier {
  period: string;
  value: number;
  z: number;
  /** Median of the history the point was judged against, to show "usually about …". */
  median: number;
}

/**
 * The points of one unit's series whose robust z-score against the points strictly before them
 * (within `window` months) exceeds the threshold, oldest first. Each point sees only its past, so a
 * spike is flagged when it arrives and stays flagged when later data comes in.
 * Non-finite values are left to the bounds check: they are neither judged nor used as history.
 */
export function findOutliers(
  series: readonly { period: string; value: number }[],
  options: OutlierOptions = {},
): Outlier[] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const minHistory = options.minHistory ?? DEFAULT_MIN_HISTORY;
  const window = options.window ?? DEFAULT_WINDOW_MONTHS;
  if (!(threshold > 0) || !Number.isFinite(threshold))
    throw new Invalid('outliers.threshold', `threshold must be a number > 0, got ${threshold}`);
  if (!Number.isInteger(minHistory) || minHistory < 1)
    throw new Invalid('outliers.min_history', `minHistory must be a whole number ≥ 1, got ${minHistory}`);
  if (!Number.isInteger(window) || window < 1)
    throw new Invalid('outliers.window', `window must be a whole number of months ≥ 1, got ${window}`);

  const points = series
    .filter((p) => Number.isFinite(p.value))
    .map((p) => ({ ...p, ...monthSpan(parsePeriod(p.period)) }))
    .sort((a, b) => a.first - b.first || a.last - b.last);

  const outliers: Outlier[] = [];
  for (const point of points) {
    // Strictly before: the earlier point ends before this one starts; within the window by its start.
    const history = points.filter((h) => h.last < point.first && h.first >= point.first - window).map((h) => h.value);
    const z = robustZScore(history, point.value, minHistory);
    if (z !== null && Math.abs(z) > threshold)
      outliers.push({ period: point.period, value: point.value, z, median: median(history) });
  }
  return outliers;
}

/** First and last month of a period as months since year 0, so windows are plain subtraction. */
function monthSpan(period: Period): { first: number; last: number } {
  const months = monthsOf(period);
  const ordinal = (p: Period) => p.year * 12 + p.index - 1;
  return { first: ordinal(months[0]!), last: ordinal(months.at(-1)!) };
}
