// DEMO ONLY: the synthetic coverage scenario, run through the real coverage engine, must reproduce the
// reported figures it was calibrated to (calibrate-demo-network.ts → demo-sites.json).
import { beforeAll, describe, expect, it } from 'vitest';
import { runCoverageModel, type ModelOutputs } from '../../engines/coverage/run-model.js';
import { zonalSums } from '../../engines/coverage/zones/rasterize-units.js';
import {
  DEMO_COVERAGE_PARAMS,
  DEMO_COVERAGE_TARGETS,
  buildDemoCoverageScenario,
  type DemoCoverageScenario,
} from './demo-scenario.js';
import { loadDemoSitesFile } from './demo-network.js';

let scenario: DemoCoverageScenario;
let result: ModelOutputs;

beforeAll(async () => {
  scenario = buildDemoCoverageScenario();
  result = await runCoverageModel(
    { ...scenario, sites: scenario.gridSites, technologies: ['2G', '4G'], params: DEMO_COVERAGE_PARAMS },
    { poolSize: 2 },
  );
}, 90_000);

const share = (covered: number, people: number) => (100 * covered) / people;

describe('the demo coverage scenario (synthetic)', () => {
  it('gives the reported 4G and 2G population shares through the real engine (±0.1 pp)', () => {
    expect(result.completed).toBe(true);
    let people = 0;
    let lte = 0;
    let gsm = 0;
    for (const unit of result.units) {
      people += unit.population;
      lte += unit.covered['4G']!;
      gsm += unit.covered['2G']!;
    }
    expect(Math.abs(share(lte, people) - DEMO_COVERAGE_TARGETS['4G'])).toBeLessThan(0.1);
    expect(Math.abs(share(gsm, people) - DEMO_COVERAGE_TARGETS['2G'])).toBeLessThan(0.1);
  });

  it('has exactly 72 distinct 5G sites, and sectors of the documented shape', () => {
    const sites = scenario.sites.filter((s) => s.operator === undefined); // the calibrated network
    expect(new Set(sites.filter((s) => s.technology === '5G').map((s) => s.siteCode)).size).toBe(72);
    for (const s of sites) {
      expect(s.siteCode).toMatch(/^GL-\d{4}$/);
      expect(s.antennaHeightM).toBeGreaterThanOrEqual(30);
      expect(s.antennaHeightM).toBeLessThanOrEqual(45);
      const [low, high] = s.technology === '2G' ? [40, 43] : [43, 46];
      expect(s.txPowerDbm).toBeGreaterThanOrEqual(low);
      expect(s.txPowerDbm).toBeLessThanOrEqual(high);
      expect(s.technology === '2G' ? [900] : s.technology === '5G' ? [2600] : [1800, 2600]).toContain(s.bandMhz);
    }
    const file = loadDemoSitesFile();
    expect(file.isDemo).toBe(true);
    expect(file.note).toMatch(/synthetic/);
  });

  it('adds two other operators on 60 % and 30 % as many masts, without changing the main figure', () => {
    const masts = (operator?: string) =>
      new Set(scenario.sites.filter((s) => s.operator === operator).map((s) => s.siteCode)).size;
    expect([masts(), masts('MBF'), masts('VNP')]).toEqual([608, 365, 182]);
    expect(result.operators).toEqual(['VTL', 'MBF', 'VNP']);
    expect(buildDemoCoverageScenario().sites).toEqual(scenario.sites); // deterministic
    const { total } = result;
    for (const tech of ['2G', '4G'] as const) {
      const [vtl, mbf, vnp] = (['VTL', 'MBF', 'VNP'] as const).map((o) => total.byOperator[o]![tech]!);
      expect(total.covered[tech]).toBe(vtl);
      expect(vtl).toBeGreaterThan(mbf!);
      expect(mbf).toBeGreaterThan(vnp!);
      expect(total.maxOperator[tech]).toEqual({ operator: 'VTL', covered: vtl });
      expect(total.union[tech]).toBeGreaterThanOrEqual(vtl!);
      expect(total.union[tech]).toBeLessThanOrEqual(total.population);
    }
  });

  it('puts each commune’s demo population on the grid (within 1 person)', () => {
    const { zones, population, communes, unitCodes } = scenario;
    expect(communes.map((u) => u.code)).toEqual(unitCodes);
    const sums = zonalSums(zones, population, null, unitCodes.length).population;
    const worst = Math.max(...communes.map((u, i) => Math.abs(sums[i]! - u.population)));
    expect(worst).toBeLessThan(1);
    // Nobody outside the province.
    let outside = 0;
    const inside = new Uint8Array(population.length);
    zones.partial.cell.forEach((cell) => (inside[cell] = 1));
    zones.whole.forEach((unit, cell) => {
      if (unit < 0 && !inside[cell]) outside += population[cell]!;
    });
    expect(outside).toBe(0);
  });

  it('has highlands in the west and a coastal plain in the east', () => {
    const { dem, grid } = scenario;
    const third = Math.floor(grid.width / 3);
    let west = 0;
    let east = 0;
    for (let y = 0; y < grid.height; y++) {
      for (let x = 0; x < third; x++) {
        west += dem[y * grid.width + x]!;
        east += dem[y * grid.width + grid.width - 1 - x]!;
      }
    }
    expect((west - east) / (third * grid.height)).toBeGreaterThan(300);
  });
});
