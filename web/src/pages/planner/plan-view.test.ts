import { describe, expect, it } from 'vitest';
import { phasedResult, finishedPlan } from './plan-fixture.js';
import {
  communeRows,
  compareScenarios,
  phaseColour,
  planHeadline,
  SITE_COLOUR,
  siteFeatures,
  sitesBounds,
} from './plan-view.js';

describe('the plan result as shown', () => {
  it('sums the sites’ cost and gives the gap as a percent and the coverage after the last phase', () => {
    const headline = planHeadline(phasedResult);
    expect(headline.gapPercent).toBeCloseTo(1.1, 9);
    expect(headline).toEqual({
      sites: 2,
      cost: 3,
      objective: 9000,
      gapPercent: headline.gapPercent,
      coveredBefore: 5000,
      coveredAfter: 12000,
      population: 14000,
    });
  });

  it('gives each commune its share before and after the whole plan, none for a commune without residents', () => {
    const [pleiku, iaO, empty] = communeRows(phasedResult);
    expect(pleiku).toMatchObject({ beforePercent: 50, afterPercents: [90, 90], afterPercent: 90, gainPoints: 40 });
    expect(iaO).toMatchObject({ isBorder: true, beforePercent: 0, afterPercents: [0, 75], gainPoints: 75 });
    expect(empty).toMatchObject({ beforePercent: null, afterPercent: null, gainPoints: null });
  });

  it('numbers the sites in build order and colours them by phase year; one colour when unphased', () => {
    const features = siteFeatures(phasedResult).features;
    expect(features.map((f) => f.properties.order)).toEqual([1, 2]);
    expect(features[0]!.geometry.coordinates).toEqual([108.0, 13.9]);
    expect(features[0]!.properties.colour).not.toBe(features[1]!.properties.colour);
    const unphased = { phases: [{ year: null, sites: 2, cost: 3, objective: 9000 }] };
    expect(phaseColour(unphased, null)).toBe(SITE_COLOUR);
  });

  it('boxes the sites, and has no box without them', () => {
    expect(sitesBounds(phasedResult.sites)).toEqual([107.6, 13.5, 108.0, 13.9]);
    expect(sitesBounds([])).toBeNull();
  });

  it('compares finished scenarios only, with the area’s 5G share after each phase', () => {
    const running = { ...finishedPlan('r', 'Đang tính'), status: 'running' as const, result: null };
    const columns = compareScenarios([finishedPlan('a', 'A'), running]);
    expect(columns).toHaveLength(1);
    expect(columns[0]!.beforePercent).toBeCloseTo(35.714, 2);
    expect(columns[0]!.phases.map((p) => [p.year, p.coveredPercent])).toEqual([
      [2026, (9000 / 14000) * 100],
      [2027, (12000 / 14000) * 100],
    ]);
  });
});
