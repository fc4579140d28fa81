import { Invalid } from '../errors.js';
import type { Direction } from '../indicators/indicator-rule.js';
import { expectedValueAt, trajectory, type YearFraction, type YearValue } from './trajectory.js';

/*
 * Status rule (also exported as STATUS_RULE_EN / STATUS_RULE_VI for the UI):
 * - no_target: no yearly target is set; no_data: no value reported.
 * - expected: the trajectory value at the same time (straight lines from the baseline through the
 *   yearly targets, each due at the end of its year). Before the baseline the baseline is expected.
 * - on_track when the actual value has already reached the final target in the good direction.
 * - When the trajectory has moved (expected ≠ baseline):
 *   progress = (actual − baseline) ÷ (expected − baseline); on_track ≥ 0.95, at_risk ≥ 0.8, else off_track.
 *   For direction 'lower' both differences are negative and the same formula holds.
 * - When no movement is expected yet (expected = baseline): at or better than the baseline is
 *   on_track; worse by less than 1 % of the distance from baseline to final target is at_risk;
 *   worse by more is off_track.
 */

export type TrackStatus = 'on_track' | 'at_risk' | 'off_track' | 'no_data' | 'no_target';

export interface StatusOptions {
  /** Least progress that is on track; default 0.95. */
  onTrack?: number;
  /** Least progress that is at risk rather than off track; default 0.8. */
  atRisk?: number;
  /** With no movement expected: a shortfall below this share of the target range is at risk; default 0.01. */
  flatTolerance?: number;
}

export const DEFAULT_STATUS_OPTIONS: Required<StatusOptions> = { onTrack: 0.95, atRisk: 0.8, flatTolerance: 0.01 };

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;
const { onTrack: ON, atRisk: RISK, flatTolerance: FLAT } = DEFAULT_STATUS_OPTIONS;

export const STATUS_RULE_EN =
  'The latest value is compared with the value expected at the same time on the straight line from the ' +
  'baseline through the yearly targets (a year’s target is due at the end of that year). ' +
  'Progress = (actual − baseline) ÷ (expected − baseline). ' +
  `On track: progress ≥ ${pct(ON)}, or the final target already reached. ` +
  `At risk: progress from ${pct(RISK)} to under ${pct(ON)}. Off track: progress under ${pct(RISK)}. ` +
  'While no change is expected yet, the value is compared with the baseline: at or better is on track; ' +
  `worse by less than ${pct(FLAT)} of the distance from baseline to final target is at risk; worse by more is off track. ` +
  'No data: no value reported. No target: no target set.';

export const STATUS_RULE_VI =
  'Giá trị mới nhất được so với giá trị kỳ vọng tại cùng thời điểm trên đường thẳng nối giá trị cơ sở ' +
  'với các chỉ tiêu hằng năm (chỉ tiêu của một năm phải đạt vào cuối năm đó). ' +
  'Tiến độ = (giá trị thực tế − giá trị cơ sở) ÷ (giá trị kỳ vọng − giá trị cơ sở). ' +
  `Đúng tiến độ: tiến độ từ ${pct(ON)} trở lên, hoặc đã đạt chỉ tiêu cuối cùng. ` +
  `Có nguy cơ chậm: tiến độ từ ${pct(RISK)} đến dưới ${pct(ON)}. Chậm tiến độ: tiến độ dưới ${pct(RISK)}. ` +
  'Khi chưa kỳ vọng thay đổi, giá trị thực tế được so với giá trị cơ sở: bằng hoặc tốt hơn là đúng tiến độ; ' +
  `kém hơn dưới ${pct(FLAT)} khoảng cách từ giá trị cơ sở đến chỉ tiêu cuối cùng là có nguy cơ chậm; kém hơn nữa là chậm tiến độ. ` +
  'Chưa có số liệu: chưa có giá trị báo cáo. Chưa có chỉ tiêu: chưa đặt chỉ tiêu.';

export interface TrackInput {
  actual: number | null;
  baseline: YearValue;
  targets: readonly YearValue[];
  direction: Direction;
  at: YearFraction;
}

export interface TrackResult {
  status: TrackStatus;
  expected: number | null;
  progress: number | null;
}

/** Rounding slack so a progress computed as 0.9499999999 from exact inputs still counts as 0.95. */
const EPSILON = 1e-9;

export function trackStatus(input: TrackInput, options: StatusOptions = {}): TrackResult {
  const { onTrack, atRisk, flatTolerance } = { ...DEFAULT_STATUS_OPTIONS, ...options };
  if (!(atRisk >= 0 && atRisk <= onTrack) || !Number.isFinite(onTrack) || !(flatTolerance >= 0))
    throw new Invalid('status.options', 'thresholds must satisfy 0 ≤ atRisk ≤ onTrack and flatTolerance ≥ 0');
  const { actual, baseline, direction } = input;
  const line = trajectory([baseline, ...input.targets]);
  if (line.length < 2) return { status: 'no_target', expected: null, progress: null };
  const final = line.at(-1)!;
  const expected = expectedValueAt(line, input.at) ?? baseline.value;
  if (actual === null || !Number.isFinite(actual)) return { status: 'no_data', expected, progress: null };

  // `better` > 0 when a is better than b in the indicator's direction.
  const sign = direction === 'higher' ? 1 : -1;
  const better = (a: number, b: number) => sign * (a - b);
  const movement = expected - baseline.value;
  const flat = Math.abs(movement) <= EPSILON * Math.max(1, Math.abs(baseline.value));

  let progress: number | null = null;
  let status: TrackStatus;
  if (!flat) {
    // Equals (actual − baseline) ÷ (expected − baseline) when the trajectory moves the good way; written
    // via the shortfall from expected so a trajectory allowed to worsen still reads "ahead" as ≥ 1.
    progress =
      better(expected, baseline.value) > 0
        ? (actual - baseline.value) / movement
        : 1 + better(actual, expected) / Math.abs(movement);
    status = progress >= onTrack - EPSILON ? 'on_track' : progress >= atRisk - EPSILON ? 'at_risk' : 'off_track';
  } else {
    const shortfall = -better(actual, baseline.value);
    // A "maintain the level" target has no range: measure against the baseline's size instead.
    const range = Math.abs(final.value - baseline.value) || Math.abs(baseline.value);
    status = shortfall <= 0 ? 'on_track' : shortfall < flatTolerance * range ? 'at_risk' : 'off_track';
  }
  if (better(actual, final.value) >= 0) status = 'on_track';
  return { status, expected, progress };
}
