/** Pure helper of the data checks screen: reading an outlier's statistics from its message. */
export interface OutlierStats {
  median: number;
  /** Infinity when the unit's history never varied (the median absolute deviation is 0). */
  z: number;
}

/**
 * The median and robust z-score an outlier message carries: '… (median 22, robust z 4.3)'. The API has no
 * separate fields for them, so they are read from the (English) message; null when the wording differs.
 */
export function outlierStats(message: string): OutlierStats | null {
  const match = /\(median (-?[\d.e+-]+|-?Infinity|NaN), robust z (-?[\d.e+-]+|-?Infinity|NaN)\)/.exec(message);
  if (!match) return null;
  const median = Number(match[1]);
  const z = Number(match[2]);
  return Number.isNaN(median) || Number.isNaN(z) ? null : { median, z };
}
