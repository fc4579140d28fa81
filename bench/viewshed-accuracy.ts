/**
 * Line-of-sight accuracy for the viewshed bench: per synthetic terrain (seeds × roughness), the
 * overall agreement and the visible-cell IoU of our radial sweep and of gdal_viewshed against the
 * exact per-cell line of sight. Printed, not asserted (the tests assert:
 * src/engines/coverage/sweep/line-of-sight-accuracy.test.ts).
 */
import { join } from 'node:path';
import { exactLineOfSight } from '../src/engines/coverage/sweep/exact-line-of-sight.js';
import { runGdalViewshed, WGS84_SEMI_MAJOR_M, writeDemGeoTiff } from '../src/engines/coverage/sweep/gdal-reference.js';
import { radialSweep, type SweepDem } from '../src/engines/coverage/sweep/radial-sweep.js';
import { syntheticDem } from '../src/engines/coverage/sweep/synthetic-dem.js';
import { compareVisibility, type VisibilityAgreement } from '../src/engines/coverage/sweep/visibility-agreement.js';

const SIDE = 400;
const CELL_M = 30;
const RADIUS_M = 5500;
const ANTENNA_M = 30;
const RECEIVER_M = 1.5;
const ROUGHNESS = [
  { name: 'gentle', reliefM: 150, largestWavelengthCells: 256 },
  { name: 'hilly', reliefM: 400, largestWavelengthCells: 128 },
  { name: 'rugged', reliefM: 800, largestWavelengthCells: 64 },
];

const pct = (x: number) => `${(100 * x).toFixed(2)} %`.padStart(8);
const pair = (a: VisibilityAgreement) => `${pct(a.agreement)} ${pct(a.visibleIoU)}`;

/** Prints one row per terrain; `dir` holds gdal's files (gdal columns omitted when `hasGdal` is false). */
export async function printLineOfSightAccuracy(dir: string, hasGdal: boolean): Promise<void> {
  console.log(
    `line of sight vs the exact per-cell reference: ${SIDE} × ${SIDE} cells of ${CELL_M} m, site at the centre, ` +
      `${ANTENNA_M} m antenna, ${RECEIVER_M} m receiver, ${RADIUS_M / 1000} km radius, k = 4/3 ` +
      '(agreement over all cells in the radius, then visible-cell IoU)',
  );
  const header = ['terrain'.padEnd(16), ' visible', 'ours: agree, IoU ', 'gdal: agree, IoU ', 'ms: ours, exact'];
  console.log(`  ${header.join(' | ')}`);
  const c = SIDE / 2;
  const site = { x: c, y: c, antennaHeightM: ANTENNA_M };
  const options = { radiusM: RADIUS_M, receiverHeightM: RECEIVER_M, earthRadiusM: WGS84_SEMI_MAJOR_M };
  for (const seed of [1, 2, 3]) {
    for (const roughness of ROUGHNESS) {
      let dem: SweepDem = {
        heights: syntheticDem({ width: SIDE, height: SIDE, seed, ...roughness }),
        width: SIDE,
        height: SIDE,
        cellSizeM: CELL_M,
      };
      let tif = '';
      if (hasGdal) {
        const written = await writeDemGeoTiff(dir, 'accuracy-dem', dem);
        dem = { ...dem, heights: written.heights };
        tif = written.path;
      }
      let t = performance.now();
      const ours = radialSweep(dem, site, options);
      const oursMs = performance.now() - t;
      t = performance.now();
      const exact = exactLineOfSight(dem, site, options);
      const exactMs = performance.now() - t;
      const vsExact = compareVisibility(ours, exact, exact);
      let gdalColumns = '(no gdal)'.padEnd(17);
      if (hasGdal) {
        const band = await runGdalViewshed(tif, join(dir, 'accuracy-viewshed.tif'), {
          ...{ col: c, row: c, antennaHeightM: ANTENNA_M, receiverHeightM: RECEIVER_M },
          ...{ radiusM: RADIUS_M, cellSizeM: CELL_M },
        });
        const gdal = { ...band, visible: Uint8Array.from(band.data, (v) => (v === 255 ? 1 : 0)) };
        gdalColumns = pair(compareVisibility(gdal, exact, exact));
      }
      const cols = [
        `seed ${seed}, ${roughness.name}`.padEnd(16),
        pct(vsExact.referenceVisible / vsExact.cells).padStart(7),
        pair(vsExact),
        gdalColumns,
        `${oursMs.toFixed(0).padStart(8)}, ${exactMs.toFixed(0).padStart(5)}`,
      ];
      console.log(`  ${cols.join(' | ')}`);
    }
  }
}
