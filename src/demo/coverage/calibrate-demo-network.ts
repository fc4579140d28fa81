/**
 * DEMO ONLY — builds and calibrates the synthetic network of the demo province, then writes
 * demo-sites.json (the app and the tests load that file; they never recalibrate).
 *
 *   npx tsx src/demo/coverage/calibrate-demo-network.ts
 *
 * 1. Candidate masts on jittered lattices (≈0.9 km in wards, ≈2.2 km in communes), on local high ground.
 * 2. Capacity masts: every ward candidate with enough people around it, plus one anchor mast in each
 *    economic-zone commune (these carry 4G, 2G and are the 5G candidates).
 * 3. 4G: add masts greedily where the most uncovered people are until the province share reaches
 *    99.21 %, then one global 4G power offset (bisection, within ±1 dB of the nominal 44–45 dBm) lands it.
 * 4. 2G at 900 MHz: on every capacity mast, then greedily on further masts — co-located on 4G masts
 *    (preferred) or as 2G-only rural sites — until 99.56 %, then a global 2G power offset the same way
 *    (nominal 41–42 dBm). 900 MHz reaches several times further than 1800 MHz in this model, so 2G on
 *    every 4G mast would cover ≈100 %: the reported 2G share means 2G on a subset of the masts.
 * 5. 5G at 2600 MHz: the 72 capacity masts (wards and economic zones) covering the most people.
 * 6. Check: the real engine (runCoverageModel) over the whole grid; prints and stores its shares, and
 *    exits non-zero when 4G or 2G is more than 0.05 pp from its target.
 *
 * Coverage of candidate masts is predicted with the engine's per-site code (see demo-calibration.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import type { SiteRecord } from '../../domain/coverage/site-record.js';
import type { Technology } from '../../domain/coverage/technology.js';
import { runCoverageModel } from '../../engines/coverage/run-model.js';
import { packageRoot } from '../../package-root.js';
import { FootprintMaker, cellWeights, greedyCover, offsetForShare, unionMargins } from './demo-calibration.js';
import {
  DEMO_SITES_FILE,
  layerRecords,
  mastCandidates,
  type DemoSitesFile,
  type MastCandidate,
  type MastLayer,
} from './demo-network.js';
import { toGridSites } from '../../engines/coverage/grid-sites.js';
import {
  DEMO_COVERAGE_CELL_M,
  DEMO_COVERAGE_PARAMS,
  DEMO_COVERAGE_TARGETS,
  buildDemoCoverageBase,
} from './demo-scenario.js';

/** People within CAPACITY_RADIUS_M of a ward candidate that make it a capacity mast. */
const CAPACITY_PEOPLE = 2500;
const CAPACITY_RADIUS_M = 500;
/** The global power offset may move every site of a technology by at most this much (dB). */
const OFFSET_RANGE_DB = 1;

const started = Date.now();
const log = (message: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`);

const base = buildDemoCoverageBase();
const { grid, dem, zones, population, communes } = base;
const weights = cellWeights(zones, population);
const total = weights.reduce((s, w) => s + w, 0);
const cells = grid.width * grid.height;
log(`grid ${grid.width} × ${grid.height} cells of ${DEMO_COVERAGE_CELL_M} m; ${total.toFixed(0)} people`);

const isWard = communes.map((u) => u.unitType === 'ward');
const candidates = mastCandidates(grid, dem, zones, isWard, { urbanSpacingKm: 0.9, ruralSpacingKm: 2.2 });
const peopleNear = (m: MastCandidate, radiusM: number) => {
  const r = Math.round(radiusM / grid.cellSizeM);
  let sum = 0;
  for (let y = Math.max(0, m.y - r); y <= Math.min(grid.height - 1, m.y + r); y++)
    for (let x = Math.max(0, m.x - r); x <= Math.min(grid.width - 1, m.x + r); x++)
      if ((x - m.x) ** 2 + (y - m.y) ** 2 <= r * r) sum += weights[y * grid.width + x]!;
  return sum;
};
const near = candidates.map((m) => peopleNear(m, CAPACITY_RADIUS_M));
const capacity = new Set(
  candidates.flatMap((m, k) => (m.environment === 'urban' && near[k]! >= CAPACITY_PEOPLE ? [k] : [])),
);
const ezAnchors: number[] = [];
communes.forEach((u, unit) => {
  if (!u.isEconomicZone) return;
  const inUnit = candidates.flatMap((m, k) => (m.unit === unit && !m.omni ? [k] : []));
  const anchor = inUnit.sort((a, b) => near[b]! - near[a]! || a - b)[0];
  if (anchor === undefined) return;
  ezAnchors.push(anchor);
  capacity.add(anchor);
});
log(
  `${candidates.length} candidate masts; ${capacity.size} capacity masts (${ezAnchors.length} economic-zone anchors)`,
);

const layer = (k: number, technology: Technology, offsetDb = 0): MastLayer => {
  const m = candidates[k]!;
  const bandMhz = technology === '2G' ? 900 : technology === '4G' ? m.band4gMhz : 2600;
  const nominal = technology === '2G' ? m.power2gDbm : technology === '4G' ? m.power4gDbm : m.power4gDbm + 0.5;
  return { code: `C${k}`, mast: m, technology, bandMhz, txPowerDbm: nominal + offsetDb };
};
const maker = new FootprintMaker(grid, dem, weights, DEMO_COVERAGE_PARAMS, OFFSET_RANGE_DB, OFFSET_RANGE_DB);

function calibrate(technology: '4G' | '2G', pool: number[], forced: Set<number>, preference?: (k: number) => number) {
  const target = DEMO_COVERAGE_TARGETS[technology];
  const footprints = pool.map((k) => maker.footprint(layer(k, technology)));
  log(`${technology}: ${pool.length} footprints`);
  const best = unionMargins(
    pool.flatMap((k, i) => (forced.has(k) ? [footprints[i]!] : [])),
    cells,
  );
  const picked = greedyCover(footprints, weights, total, best, {
    targetPercent: target,
    preference: (i) => (forced.has(pool[i]!) ? 0 : (preference?.(pool[i]!) ?? 1)),
  }).map((i) => pool[i]!);
  const tuned = offsetForShare(best, weights, total, target, OFFSET_RANGE_DB, OFFSET_RANGE_DB);
  log(
    `${technology}: ${forced.size} forced + ${picked.length} greedy masts; offset ${tuned.offsetDb} dB → ${tuned.share.toFixed(3)} %`,
  );
  return { masts: [...forced, ...picked], offsetDb: tuned.offsetDb, estimate: tuned.share };
}

// 4G over every candidate; 2G over the capacity masts, the 4G masts and the other rural candidates.
const all = candidates.map((_, k) => k);
const lte = calibrate('4G', all, capacity);
const lteMasts = new Set(lte.masts);
const gsmPool = all.filter((k) => capacity.has(k) || lteMasts.has(k) || candidates[k]!.environment === 'rural');
// Equipment on an existing mast first: a new 2G-only site must cover a quarter more to be chosen.
const gsm = calibrate('2G', gsmPool, capacity, (k) => (lteMasts.has(k) ? 1 : 0.8));

// 5G: the economic-zone anchors, then the capacity masts covering the most people, 72 in all.
const nrPool = [...capacity].sort((a, b) => a - b);
const nrFootprints = nrPool.map((k) => maker.footprint(layer(k, '5G')));
const nrBest = unionMargins(
  nrPool.flatMap((k, i) => (ezAnchors.includes(k) ? [nrFootprints[i]!] : [])),
  cells,
);
const nrPicked = greedyCover(nrFootprints, weights, total, nrBest, {
  maxCount: DEMO_COVERAGE_TARGETS.sites5G - ezAnchors.length,
  preference: (i) => (ezAnchors.includes(nrPool[i]!) ? 0 : 1),
}).map((i) => nrPool[i]!);
const nrMasts = [...ezAnchors, ...nrPicked];
log(`5G: ${nrMasts.length} masts`);

// Site codes north to south, then west to east; records per mast: 2G, 4G, 5G sectors.
const gsmMasts = new Set(gsm.masts);
const nrSet = new Set(nrMasts);
const masts = [...new Set([...lte.masts, ...gsm.masts])].sort(
  (a, b) => candidates[b]!.lat - candidates[a]!.lat || candidates[a]!.lon - candidates[b]!.lon,
);
const sites: SiteRecord[] = [];
masts.forEach((k, n) => {
  const code = `GL-${String(n + 1).padStart(4, '0')}`;
  const layers: MastLayer[] = [];
  if (gsmMasts.has(k)) layers.push(layer(k, '2G', gsm.offsetDb));
  if (lteMasts.has(k)) layers.push(layer(k, '4G', lte.offsetDb));
  if (nrSet.has(k)) layers.push(layer(k, '5G'));
  for (const l of layers) sites.push(...layerRecords({ ...l, code }));
});
sites.forEach((s, i) => (s.rowNumber = i + 1));

// The check: the real engine, whole grid, worker pool.
const technologies: Technology[] = ['2G', '4G', '5G'];
const result = await runCoverageModel(
  { ...base, sites: toGridSites(sites, grid), technologies, params: DEMO_COVERAGE_PARAMS },
  { poolSize: 2 },
);
const computed = Object.fromEntries(
  technologies.map((t) => [t, Math.round((1e6 * result.total.covered[t]!) / result.total.population) / 1e4]),
);
const codes = (t: Technology) => new Set(sites.filter((s) => s.technology === t).map((s) => s.siteCode)).size;
const counts = {
  masts: masts.length,
  sites2G: codes('2G'),
  sites2GOnly: masts.filter((k) => gsmMasts.has(k) && !lteMasts.has(k)).length,
  sites4G: codes('4G'),
  sites4GOmni: masts.filter((k) => lteMasts.has(k) && candidates[k]!.omni).length,
  sites4G2600: masts.filter((k) => lteMasts.has(k) && candidates[k]!.band4gMhz === 2600).length,
  sites5G: codes('5G'),
  records: sites.length,
};
log(
  `engine: 4G ${computed['4G']} %, 2G ${computed['2G']} %, 5G ${computed['5G']} % (estimates 4G ${lte.estimate.toFixed(4)}, 2G ${gsm.estimate.toFixed(4)})`,
);
log(`counts ${JSON.stringify(counts)}; offsets 4G ${lte.offsetDb} dB, 2G ${gsm.offsetDb} dB`);

const file: DemoSitesFile = {
  isDemo: true,
  note:
    'synthetic demo network (not Viettel data): masts placed by greedy coverage over synthetic terrain and population, ' +
    'powers calibrated so the coverage engine computes the reported province shares (4G 99.21 %, 2G 99.56 %, 72 5G sites)',
  cellSizeM: DEMO_COVERAGE_CELL_M,
  generatedBy: 'npx tsx src/demo/coverage/calibrate-demo-network.ts',
  targets: {
    '4G': DEMO_COVERAGE_TARGETS['4G'],
    '2G': DEMO_COVERAGE_TARGETS['2G'],
    sites5G: DEMO_COVERAGE_TARGETS.sites5G,
  },
  computed,
  counts,
  sites,
};
const path = join(packageRoot(), DEMO_SITES_FILE);
const text = await format(JSON.stringify(file), { ...(await resolveConfig(path)), filepath: path });
writeFileSync(path, text);
log(`wrote ${DEMO_SITES_FILE}`);
for (const t of ['4G', '2G'] as const) {
  if (Math.abs(computed[t]! - DEMO_COVERAGE_TARGETS[t]) > 0.05) {
    console.error(`${t} share ${computed[t]} % is more than 0.05 pp from ${DEMO_COVERAGE_TARGETS[t]} %`);
    process.exitCode = 1;
  }
}
