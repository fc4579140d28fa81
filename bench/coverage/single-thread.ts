/**
 * The engine's tile loop on the main thread, for a CPU profile (workers are not profiled by --cpu-prof
 * as one file): the same province generator, sites and predictTile calls as the pool would make.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/coverage/single-thread.ts [--side=1200] [--sectors=60] [--tile=512]
 */
import { parseArgs } from 'node:util';
import { DEFAULT_COVERAGE_PARAMS } from '../../src/engines/coverage/predict/coverage-params.js';
import { predictTile, splitIntoTiles, TileScratch } from '../../src/engines/coverage/predict/predict-tile.js';
import { siteModel } from '../../src/engines/coverage/predict/site-signal.js';
import { groupIntoMasts } from '../../src/engines/coverage/predict/masts.js';
import { buildProvince, buildSites, DEFAULT_SITE_MIX } from './province.js';

const { values } = parseArgs({
  options: {
    side: { type: 'string', default: '1200' },
    sectors: { type: 'string', default: '60' },
    tile: { type: 'string', default: '512' },
  },
});
const side = Number(values.side);
const province = buildProvince(side, side, 3_600_000 * (side / 5000) ** 2, 20250701);
const sites = buildSites(province, { ...DEFAULT_SITE_MIX, sectors: Number(values.sectors) }, 20250701);
const params = { ...DEFAULT_COVERAGE_PARAMS, tileCells: Number(values.tile) };
const models = sites.map((s) => siteModel(s, params));
const dem = { heights: province.dem, width: side, height: side, cellSizeM: params.cellSizeM };
const masts = groupIntoMasts(sites, models, params.cellSizeM);
const scratch = new TileScratch();
const start = performance.now();
const tiles = splitIntoTiles(side, side, params.tileCells);
let computed = 0;
let skipped = 0;
for (const tile of tiles) {
  const result = predictTile(dem, masts, params, tile, scratch);
  computed += result.levelsComputed;
  skipped += result.levelsSkipped;
}
console.log(
  `${tiles.length} tiles, ${sites.length} sites on ${side} × ${side}: ${((performance.now() - start) / 1000).toFixed(2)} s on one thread; ` +
    `levels computed ${computed.toLocaleString('en-US')}, skipped by a bound ${skipped.toLocaleString('en-US')}`,
);
