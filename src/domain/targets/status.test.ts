import { describe, expect, it } from 'vitest';
import { STATUS_RULE_EN, STATUS_RULE_VI, trackStatus, type TrackInput } from './status.js';

// Higher is better: baseline 0 at the end of 2024, target 100 for 2025, 200 for 2026.
const up = (actual: number | null, at = { year: 2025, fraction: 1 }): TrackInput => ({
  actual,
  baseline: { year: 2024, value: 0 },
  targets: [
    { year: 2025, value: 100 },
    { year: 2026, value: 200 },
  ],
  direction: 'higher',
  at,
});

describe('trackStatus', () => {
  it('measures progress since the baseline against the expected value', () => {
    expect(trackStatus(up(100))).toEqual({ status: 'on_track', expected: 100, progress: 1 });
    expect(trackStatus(up(90))).toEqual({ status: 'at_risk', expected: 100, progress: 0.9 });
    expect(trackStatus(up(50))).toEqual({ status: 'off_track', expected: 100, progress: 0.5 });
    // Mid-2025 the trajectory is at 50: 45 is 90 % of the way.
    expect(trackStatus(up(45, { year: 2025, fraction: 0.5 }))).toMatchObject({ status: 'at_risk', expected: 50 });
  });
  it('puts the thresholds on the on_track / at_risk side (≥), just below on the other (<)', () => {
    expect(trackStatus(up(95)).status).toBe('on_track');
    expect(trackStatus(up(94.99)).status).toBe('at_risk');
    expect(trackStatus(up(80)).status).toBe('at_risk');
    expect(trackStatus(up(79.99)).status).toBe('off_track');
  });
  it('takes thresholds as options', () => {
    expect(trackStatus(up(90), { onTrack: 0.9 }).status).toBe('on_track');
    expect(trackStatus(up(70), { atRisk: 0.7 }).status).toBe('at_risk');
    expect(() => trackStatus(up(70), { atRisk: 0.99 })).toThrow(/thresholds/);
  });
  it('works for lower-is-better indicators', () => {
    // Processing days: 40 at the end of 2024, target 20 for 2026; end of 2025 expects 30.
    const down = (actual: number): TrackInput => ({
      actual,
      baseline: { year: 2024, value: 40 },
      targets: [{ year: 2026, value: 20 }],
      direction: 'lower',
      at: { year: 2025, fraction: 1 },
    });
    expect(trackStatus(down(30))).toEqual({ status: 'on_track', expected: 30, progress: 1 });
    expect(trackStatus(down(31))).toEqual({ status: 'at_risk', expected: 30, progress: 0.9 });
    expect(trackStatus(down(35))).toEqual({ status: 'off_track', expected: 30, progress: 0.5 });
    expect(trackStatus(down(45)).status).toBe('off_track');
  });
  it('is on track once the final target is reached, whatever the date', () => {
    expect(trackStatus(up(200, { year: 2024, fraction: 1 })).status).toBe('on_track');
    expect(trackStatus(up(250, { year: 2028, fraction: 0.5 }))).toMatchObject({ status: 'on_track', expected: 200 });
  });
  it('compares with the baseline while no movement is expected', () => {
    // At the baseline date; the final target is 200 above the baseline, so 1 % of the range is 2.
    const atBaseline = { year: 2024, fraction: 1 };
    expect(trackStatus(up(0, atBaseline))).toEqual({ status: 'on_track', expected: 0, progress: null });
    expect(trackStatus(up(5, atBaseline)).status).toBe('on_track');
    expect(trackStatus(up(-1.99, atBaseline)).status).toBe('at_risk');
    expect(trackStatus(up(-2, atBaseline)).status).toBe('off_track');
    // Before the baseline the baseline itself is expected.
    expect(trackStatus(up(-1, { year: 2024, fraction: 0.5 }))).toEqual({
      status: 'at_risk',
      expected: 0,
      progress: null,
    });
  });
  it('measures a maintain-the-level target against the baseline’s size', () => {
    const keep = (actual: number): TrackInput => ({
      actual,
      baseline: { year: 2024, value: 100 },
      targets: [{ year: 2030, value: 100 }],
      direction: 'higher',
      at: { year: 2027, fraction: 0.5 },
    });
    expect(trackStatus(keep(100)).status).toBe('on_track');
    expect(trackStatus(keep(99.5)).status).toBe('at_risk');
    expect(trackStatus(keep(98)).status).toBe('off_track');
  });
  it('reads a trajectory allowed to worsen by the shortfall from expected', () => {
    // Higher is better, but the plan tolerates a fall from 100 to 80 over 2025.
    const slide = (actual: number): TrackInput => ({
      actual,
      baseline: { year: 2024, value: 100 },
      targets: [{ year: 2025, value: 80 }],
      direction: 'higher',
      at: { year: 2025, fraction: 1 },
    });
    expect(trackStatus(slide(90))).toMatchObject({ status: 'on_track', progress: 1.5 });
    expect(trackStatus(slide(78))).toMatchObject({ status: 'at_risk', progress: 0.9 });
    expect(trackStatus(slide(70))).toMatchObject({ status: 'off_track', progress: 0.5 });
  });
  it('reports no target and no data', () => {
    expect(trackStatus({ ...up(50), targets: [] })).toEqual({ status: 'no_target', expected: null, progress: null });
    expect(trackStatus({ ...up(null), targets: [] }).status).toBe('no_target');
    expect(trackStatus(up(null))).toEqual({ status: 'no_data', expected: 100, progress: null });
    expect(trackStatus(up(NaN)).status).toBe('no_data');
  });
  it('states the rule with the default thresholds in both languages', () => {
    expect(STATUS_RULE_EN).toContain('≥ 95%');
    expect(STATUS_RULE_EN).toContain('under 80%');
    expect(STATUS_RULE_VI).toContain('từ 95% trở lên');
    expect(STATUS_RULE_VI).toContain('1%');
  });
});
