import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, SCALES } from '../../bench/national-dataset.js';
import { NATION_PEOPLE, storeNation, writeNationFiles, type NationFiles } from '../../bench/coverage/nation-files.js';
import { locate, nationLayout, nationRing, ringAreaKm2 } from '../../bench/coverage/nation-layout.js';
import { readGeoTiff } from '../../src/engines/coverage/raster/read-geotiff.js';
import { readHgt } from '../../src/engines/coverage/raster/read-hgt.js';
import { readSitesFile } from '../../src/intake/sites/read-sites.js';
import { openPglite } from '../../src/db/pglite-database.js';
import { migrate } from '../../src/db/migrate.js';
import { mulberry32 } from '../../src/engines/coverage/sweep/synthetic-dem.js';

interface Feature {
  properties: { code: string; parentCode: string | null; level: string };
  geometry: { type: 'MultiPolygon'; coordinates: number[][][][] } | null;
}

const ringOf = (f: Feature) => f.geometry!.coordinates[0]![0]!;

/** Even–odd point in ring. */
function inRing(ring: readonly number[][], lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi! > lat !== yj! > lat && lon < ((xj! - xi!) * (lat - yi!)) / (yj! - yi!) + xi!) inside = !inside;
  }
  return inside;
}

describe('the synthetic Vietnam (small scale)', () => {
  let folder: string;
  let files: NationFiles;
  let features: Feature[];

  beforeAll(() => {
    folder = mkdtempSync(join(os.tmpdir(), 'nation-files-'));
    files = writeNationFiles(folder, { scale: 'small' });
    features = (JSON.parse(readFileSync(files.units, 'utf8')) as { features: Feature[] }).features;
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('has the provinces and the communes the admin-units list gives them, and the masts asked for', () => {
    const expected = buildDataset({ ...SCALES.full, provinces: ['20', '21'] }, 0);
    const provinces = features.filter((f) => f.properties.level === 'province');
    const communes = features.filter((f) => f.properties.level === 'commune');
    expect(provinces.map((f) => f.properties.code).sort()).toEqual(['20', '21']);
    expect(communes.map((f) => f.properties.code).sort()).toEqual(expected.communes.map((c) => c.code).sort());
    expect(files.counts).toMatchObject({ provinces: 2, communes: expected.communes.length, masts: 500 });
  });

  it('has communes that tile their province: areas add up, and a point lies in exactly one commune', () => {
    const rand = mulberry32(7);
    for (const province of features.filter((f) => f.properties.level === 'province')) {
      const communes = features.filter((f) => f.properties.parentCode === province.properties.code);
      const sum = communes.reduce((a, f) => a + ringAreaKm2(ringOf(f)), 0);
      expect(Math.abs(sum / ringAreaKm2(ringOf(province)) - 1)).toBeLessThan(0.005);
      const ring = ringOf(province);
      const lons = ring.map((p) => p[0]!);
      const lats = ring.map((p) => p[1]!);
      let probed = 0;
      while (probed < 300) {
        const lon = Math.min(...lons) + rand() * (Math.max(...lons) - Math.min(...lons));
        const lat = Math.min(...lats) + rand() * (Math.max(...lats) - Math.min(...lats));
        if (!inRing(ring, lon, lat)) continue;
        expect(communes.filter((f) => inRing(ringOf(f), lon, lat))).toHaveLength(1);
        probed++;
      }
    }
  });

  it('spreads its share of the nation’s people over the land only, in a COG that readGeoTiff reads', async () => {
    const raster = await readGeoTiff(readFileSync(files.population), basename(files.population));
    expect(raster.crs).toContain('+proj=longlat');
    expect(raster.transform.pixelWidth).toBeCloseTo(1 / 1200, 12);
    let total = 0;
    let offLand = 0;
    for (let y = 0; y < raster.height; y++) {
      const lat = raster.transform.originY - (y + 0.5) / 1200;
      for (let x = 0; x < raster.width; x += 7) {
        const v = raster.data[y * raster.width + x]!;
        const lon = raster.transform.originX + (x + 0.5) / 1200;
        if (locate(lon, lat) === null && v > 0) offLand++;
      }
      for (let x = 0; x < raster.width; x++) total += raster.data[y * raster.width + x]!;
    }
    expect(offLand).toBe(0);
    expect(Math.abs(total / files.people - 1)).toBeLessThan(1e-3);
    expect(files.people).toBe(Math.round((NATION_PEOPLE * files.counts.communes) / 3321));
  });

  it('writes SRTM tiles that readHgt reads, covering the land and 40 km around it', () => {
    const tiles = new Set(files.dem.map((p) => basename(p)));
    for (const f of features.filter((g) => g.properties.level === 'commune')) {
      for (const [lon, lat] of ringOf(f)) {
        for (const [dx, dy] of [
          [0, 0],
          [0.37, 0],
          [-0.37, 0],
          [0, 0.36],
          [0, -0.36],
        ] as const) {
          const name = `N${Math.floor(lat! + dy)}E${Math.floor(lon! + dx)}.hgt`;
          expect(tiles.has(name), name).toBe(true);
        }
      }
    }
    const path = files.dem.find((p) => basename(p) === 'N15E108.hgt')!;
    const tile = readHgt(readFileSync(path), basename(path));
    expect([tile.width, tile.height]).toEqual([1201, 1201]);
    expect(tile.data.reduce((a, b) => Math.max(a, b), 0)).toBeGreaterThan(300); // the Trường Sơn in the west of the tile
    expect(tile.data[1200 * 1201 + 1200]).toBe(0); // its south-east corner, 15°N 109°E, is at sea
  });

  it('writes a sites CSV the intake accepts: masts on the land, three operators, 4G everywhere', async () => {
    const result = await readSitesFile({ name: 'sites.csv', bytes: readFileSync(files.sites) });
    expect(result.ok).toBe(true);
    const masts = new Map(result.sites.map((s) => [`${s.operator}/${s.siteCode}`, s]));
    expect(masts.size).toBe(500);
    const provinces = features.filter((f) => f.properties.level === 'province');
    for (const s of masts.values()) expect(provinces.some((f) => inRing(ringOf(f), s.lon, s.lat))).toBe(true);
    const operators = [...masts.values()].map((s) => s.operator);
    expect(new Set(operators)).toEqual(new Set(['VTL', 'MBF', 'VNP']));
    expect(operators.filter((o) => o === 'VTL').length / operators.length).toBeGreaterThan(0.4);
    const withTechnology = (t: string) =>
      new Set(result.sites.filter((s) => s.technology === t).map((s) => `${s.operator}/${s.siteCode}`)).size;
    expect(withTechnology('4G')).toBe(500);
    expect(withTechnology('2G') / 500).toBeGreaterThan(0.6);
    expect(withTechnology('5G')).toBeGreaterThan(0);
    expect(result.sites.length).toBe(files.counts.siteRows);
  });

  it('stores the nation, its provinces and communes with boundaries', async () => {
    const db = await openPglite('memory://');
    try {
      await migrate(db);
      const stored = await storeNation(db, files.units);
      expect(stored).toEqual({ nation: 'VN', provinces: ['20', '21'] });
      const rows = await db.query<{ level: string; n: number; bounded: number }>(
        `select level, count(*)::int as n, count(boundary)::int as bounded from org_unit group by level order by level`,
      );
      expect(rows).toEqual([
        { level: 'commune', n: files.counts.communes, bounded: files.counts.communes },
        { level: 'nation', n: 1, bounded: 0 },
        { level: 'province', n: 2, bounded: 2 },
      ]);
    } finally {
      await db.close();
    }
  });
});

describe('the synthetic Vietnam’s layout', () => {
  it('covers about 331,000 km², crosses 108°E, and holds Hà Nội and Hồ Chí Minh City in their provinces', () => {
    const ring = nationRing();
    expect(Math.abs(ringAreaKm2(ring) / 331_000 - 1)).toBeLessThan(0.05);
    expect(Math.min(...ring.map((p) => p[0]!))).toBeLessThan(108);
    expect(Math.max(...ring.map((p) => p[0]!))).toBeGreaterThan(108);
    const { provinces } = nationLayout();
    expect(provinces).toHaveLength(34);
    const provinceAt = (lon: number, lat: number) => {
      const at = locate(lon, lat)!;
      return provinces.find((p) => p.row === at.row && at.u >= p.u0 && at.u < p.u1)?.code;
    };
    expect(provinceAt(105.8, 21.0)).toBe('01');
    expect(provinceAt(106.7, 10.8)).toBe('29');
  });
});
