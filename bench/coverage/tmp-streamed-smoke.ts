import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openPglite } from '../../src/db/pglite-database.js';
import { migrate } from '../../src/db/migrate.js';
import { prepareStreamedRun } from '../../src/jobs/streamed-inputs.js';
import { startStreamedCoverageJob } from '../../src/jobs/streamed-coverage.js';
import { storeNation } from './nation-files.js';
const folder = process.argv[2]!; const cell = Number(process.argv[3] ?? 90); const root = process.argv[4];
const db = await openPglite('memory://'); await migrate(db);
const { nation, provinces } = await storeNation(db, join(folder, 'units.geojson'));
const t0 = Date.now();
const run = await prepareStreamedRun(db, { rootUnit: root ?? nation, technologies: ['2G', '4G', '5G'], params: { cellSizeM: cell },
  dem: readdirSync(folder).filter((f) => f.endsWith('.hgt')).map((f) => join(folder, f)), population: join(folder, 'population-3s.tif'), sites: join(folder, 'sites.csv') });
console.log('prepared', Date.now() - t0, 'ms', run.plan.grids.map((g) => [g.name, g.spec.width, g.spec.height, g.units.length]), run.plan.tiles.length, 'tiles', provinces);
const { finished } = await startStreamedCoverageJob(db, run, { period: '2025', rootUnit: root ?? nation, actor: 'x', requestId: null, outputDir: '/tmp/adhoc/out', onProgress: (d, t) => process.stdout.write(`\r${d}/${t} ${Date.now() - t0} ms`) });
const r = await finished; console.log('\n', r.status, r.error, Date.now() - t0, 'ms', JSON.stringify(r.result?.total ?? null).slice(0, 600));
console.log('rss', process.memoryUsage().rss / 2 ** 20);
await db.close();
