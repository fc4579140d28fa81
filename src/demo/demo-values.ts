import { allocateWholeNumbers } from '../domain/indicators/allocate.js';
import { monthsBetween, yearPeriod } from '../domain/periods.js';
import { mulberry32, uniform, type Random } from './seeded-random.js';
import type { DemoUnit } from './demo-province.js';

export interface DemoValue {
  indicatorCode: string;
  unitCode: string;
  period: string; // '2025-09'
  value: number;
}

/** The province figures the demo must reproduce at December 2025 (the agreement's 2023–2025 results). */
export interface ReportedFigures {
  POP_COV_4G: number; // percent
  POP_COV_2G: number;
  SITES_5G: number;
  SCHOOLS_FREE_INTERNET: number;
  TEACHERS_DIGITAL_SIGNATURE: number;
  MARKETS_4_0: number;
  E_INVOICES: number;
}

export const DEMO_MONTHS = monthsBetween(yearPeriod(2024), yearPeriod(2025)).map((p) => p.code);
const LAST = DEMO_MONTHS.length - 1;

/** 0 in the first demo month, 1 in the last. */
const progressAt = (month: number) => month / LAST;

/**
 * Splits `uncoveredShare` of the total population over the communes: remote, border and highland
 * communes get more, no commune more than `cap` of its own people. Σ uncovered = share × Σ population.
 */
function uncoveredPeople(communes: readonly DemoUnit[], uncoveredShare: number, random: Random, cap = 0.15): number[] {
  const total = communes.reduce((sum, c) => sum + c.population, 0) * uncoveredShare;
  const weights = communes.map((c) => {
    const remoteness = c.unitType === 'ward' ? 0.03 : c.lon < 108.6 ? 1.6 : 0.8;
    return c.population * remoteness * (c.isBorder ? 3 : 1) * uniform(random, 0.3, 1.7);
  });
  const people = new Array<number>(communes.length).fill(0);
  let free = communes.map((_, i) => i);
  let left = total;
  // Water-filling: spread what is left over communes not yet at their cap, until nothing is left.
  while (left > 1e-9 && free.length > 0) {
    const weightSum = free.reduce((s, i) => s + weights[i]!, 0);
    const next: number[] = [];
    let placed = 0;
    for (const i of free) {
      const room = cap * communes[i]!.population - people[i]!;
      const share = (left * weights[i]!) / weightSum;
      const add = Math.min(room, share);
      people[i]! += add;
      placed += add;
      if (add < room) next.push(i);
    }
    left -= placed;
    free = next;
  }
  return people;
}

/** Monthly 4G coverage rising to its final value; remote communes started further behind. */
function coverageSeries(unit: DemoUnit, finalPercent: number, random: Random): number[] {
  const behind = unit.unitType === 'ward' ? uniform(random, 0, 0.3) : uniform(random, 0.4, 3.5);
  const start = Math.max(55, finalPercent - behind);
  return DEMO_MONTHS.map((_, month) =>
    month === LAST ? finalPercent : Math.min(100, start + (finalPercent - start) * Math.sqrt(progressAt(month))),
  );
}

/** A stock that grows from `startFraction` of its final whole number, never going down. */
function growingCount(values: DemoValue[], code: string, unitCode: string, final: number, startFraction: number) {
  DEMO_MONTHS.forEach((period, month) => {
    const fraction = startFraction + (1 - startFraction) * progressAt(month);
    values.push({
      indicatorCode: code,
      unitCode,
      period,
      value: month === LAST ? final : Math.floor(final * fraction),
    });
  });
}

/**
 * Monthly values for January 2024 – December 2025, synthetic but plausible, whose province roll-up
 * in December 2025 equals the reported figures exactly (percent figures to floating-point precision).
 */
export function buildDemoValues(units: readonly DemoUnit[], reported: ReportedFigures, seed = 57): DemoValue[] {
  const random = mulberry32(seed);
  const communes = units.filter((u) => u.level === 'commune');
  const province = units.find((u) => u.level === 'province')!;
  const values: DemoValue[] = [];

  // Coverage: 2G misses a fixed fraction of the people 4G misses, so 2G ≥ 4G in every commune.
  const uncovered4g = uncoveredPeople(communes, (100 - reported.POP_COV_4G) / 100, random);
  const ratio2g = (100 - reported.POP_COV_2G) / (100 - reported.POP_COV_4G);
  communes.forEach((commune, i) => {
    const series4g = coverageSeries(commune, 100 * (1 - uncovered4g[i]! / commune.population), random);
    DEMO_MONTHS.forEach((period, month) => {
      const cov4g = series4g[month]!;
      values.push(
        { indicatorCode: 'POP_COV_4G', unitCode: commune.code, period, value: cov4g },
        { indicatorCode: 'POP_COV_2G', unitCode: commune.code, period, value: 100 - (100 - cov4g) * ratio2g },
      );
    });
  });

  // 5G stations in central areas: wards and economic-zone communes only.
  const sites5g = allocateWholeNumbers(
    reported.SITES_5G,
    communes.map((c) => (c.unitType === 'ward' || c.isEconomicZone ? c.population : 0)),
  );
  const schools = allocateWholeNumbers(
    reported.SCHOOLS_FREE_INTERNET,
    communes.map((c) => Math.pow(c.population, 0.8)),
  );
  const teachers = allocateWholeNumbers(
    reported.TEACHERS_DIGITAL_SIGNATURE,
    communes.map((c) => c.population),
  );
  const markets = allocateWholeNumbers(
    reported.MARKETS_4_0,
    communes.map((c) => c.population * uniform(random, 0.5, 1.5)),
  );
  communes.forEach((commune, i) => {
    growingCount(values, 'SITES_5G', commune.code, sites5g[i]!, 0.12);
    growingCount(values, 'SCHOOLS_FREE_INTERNET', commune.code, schools[i]!, 0.55);
    growingCount(values, 'TEACHERS_DIGITAL_SIGNATURE', commune.code, teachers[i]!, 0.45);
    // Every teacher had a signature by the end ("reported as 100%"): the total is the final count.
    growingCount(values, 'TEACHERS_TOTAL', commune.code, teachers[i]!, 1);
    growingCount(values, 'MARKETS_4_0', commune.code, markets[i]!, 0.3);

    // Fibre and fixed broadband: every commune connected by the end; remote ones later.
    const fibreFrom = commune.unitType === 'ward' ? 0 : Math.floor(Math.pow(random(), 3) * 20);
    const broadbandFrom = Math.min(LAST, fibreFrom + Math.floor(random() * 3));
    const skillsFinal = commune.unitType === 'ward' ? uniform(random, 58, 72) : uniform(random, 38, 55);
    DEMO_MONTHS.forEach((period, month) => {
      const t = progressAt(month);
      const seasonal = 1 + 0.25 * Math.sin((2 * Math.PI * month) / 12);
      const people = commune.population / 10_000;
      values.push(
        { indicatorCode: 'COMMUNES_FIBRE', unitCode: commune.code, period, value: month >= fibreFrom ? 1 : 0 },
        {
          indicatorCode: 'LOCALITIES_BROADBAND',
          unitCode: commune.code,
          period,
          value: month >= broadbandFrom ? 1 : 0,
        },
        {
          indicatorCode: 'DIGITAL_SKILLS_ADULTS',
          unitCode: commune.code,
          period,
          value: round1(skillsFinal - 12 * (1 - t)),
        },
        {
          indicatorCode: 'STI_OUTREACH_EVENTS',
          unitCode: commune.code,
          period,
          value: Math.floor(random() * (1 + people * 0.6)),
        },
        {
          indicatorCode: 'DIGITAL_SKILLS_OFFICIALS_TRAINED',
          unitCode: commune.code,
          period,
          value: Math.floor(uniform(random, 0, 4) * (0.6 + t)),
        },
        {
          indicatorCode: 'ONLINE_PUBLIC_SERVICE_FILINGS',
          unitCode: commune.code,
          period,
          value: Math.round(people * uniform(random, 20, 40) * (0.5 + t) * seasonal),
        },
      );
    });
  });

  // Reported for the province as a whole.
  DEMO_MONTHS.forEach((period, month) => {
    const t = progressAt(month);
    const invoices =
      month === LAST ? reported.E_INVOICES : Math.round(reported.E_INVOICES * (0.42 + 0.58 * Math.pow(t, 1.15)));
    values.push(
      { indicatorCode: 'E_INVOICES', unitCode: province.code, period, value: invoices },
      // Electronic school records from the 2024–2025 school year (September 2024).
      { indicatorCode: 'PRIMARY_E_SCHOOL_RECORDS', unitCode: province.code, period, value: month >= 8 ? 1 : 0 },
      {
        indicatorCode: 'CYBER_INCIDENTS',
        unitCode: province.code,
        period,
        value: Math.round(uniform(random, 6, 14) * (1.2 - 0.4 * t)),
      },
      { indicatorCode: 'NEW_TECH_PRODUCTS', unitCode: province.code, period, value: random() < 0.35 + 0.2 * t ? 1 : 0 },
    );
  });
  return values;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
