import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WGS84 } from './crs.js';
import { pixelAt } from './raster.js';
import { hgtCorner, readHgt } from './read-hgt.js';

const hasGdal = spawnSync('gdalinfo', ['--version'], { stdio: 'ignore' }).status === 0;

/** A synthetic 3″ tile: height = row + 2·col (metres), with a void at row 5, column 7. */
function fakeTile(side = 1201): Uint8Array {
  const bytes = new Uint8Array(side * side * 2);
  const view = new DataView(bytes.buffer);
  for (let row = 0; row < side; row++) {
    for (let col = 0; col < side; col++) view.setInt16((row * side + col) * 2, row + 2 * col - 1000, false);
  }
  view.setInt16((5 * side + 7) * 2, -32768, false);
  return bytes;
}

describe('readHgt', () => {
  const tile = readHgt(fakeTile(), 'N13E108.hgt');

  it('georeferences a 3″ tile from its name, sample centres spanning exactly 1°', () => {
    const step = 1 / 1200;
    expect(tile).toMatchObject({ width: 1201, height: 1201, crs: WGS84, noData: -32768, sampleFormat: 'int16' });
    expect(tile.transform.originX).toBeCloseTo(108 - step / 2, 12);
    expect(tile.transform.originY).toBeCloseTo(14 + step / 2, 12);
    expect(tile.transform.pixelWidth).toBeCloseTo(step, 15);
    expect(tile.transform.pixelHeight).toBeCloseTo(-step, 15);
  });

  it('reads big-endian heights and voids, north row first', () => {
    const at = (lon: number, lat: number): number => {
      const cell = pixelAt(tile.transform, tile.width, tile.height, lon, lat)!;
      return tile.data[cell.row * tile.width + cell.col]!;
    };
    expect(at(108, 14)).toBe(-1000); // north-west corner sample: row 0, column 0
    expect(at(108, 13)).toBe(1200 - 1000); // south-west corner: row 1200
    expect(at(108.5, 13.5)).toBe(600 + 1200 - 1000); // centre: row 600, column 600
    expect(tile.data[5 * 1201 + 7]).toBe(-32768);
  });

  it('parses tile names, with paths and suffixes', () => {
    expect(hgtCorner('N13E108.hgt')).toEqual({ lat: 13, lon: 108 });
    expect(hgtCorner('/data/srtm/S08W035.SRTMGL1.hgt')).toEqual({ lat: -8, lon: -35 });
    expect(hgtCorner('n13e108.HGT')).toEqual({ lat: 13, lon: 108 });
    expect(hgtCorner('dem.hgt')).toBeNull();
    expect(hgtCorner('N13E108.tif')).toBeNull();
    expect(hgtCorner('N95E108.hgt')).toBeNull();
  });

  it('refuses a name that is not a tile, and a wrong size', () => {
    expect(() => readHgt(fakeTile(), 'elevation.hgt')).toThrowError(/elevation\.hgt: not an SRTM tile name/);
    expect(() => readHgt(new Uint8Array(1000), 'N13E108.hgt')).toThrowError(
      /N13E108\.hgt: 1000 bytes is neither a 1″ tile/,
    );
    expect(() =>
      readHgt(
        new Uint8Array(1201 * 1201 * 2).fill(0x80).map((b, i) => (i % 2 ? 0 : b)),
        'N13E108.hgt',
      ),
    ).toThrowError(/every sample is a void/);
  });

  it.skipIf(!hasGdal)('places the tile exactly where GDAL’s SRTMHGT driver does', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'read-hgt-')), 'N13E108.hgt');
    writeFileSync(path, fakeTile());
    const info = JSON.parse(execFileSync('gdalinfo', ['-json', path], { encoding: 'utf8' })) as {
      geoTransform: number[];
      bands: { noDataValue: number }[];
    };
    const [ox, pw, , oy, , ph] = info.geoTransform;
    expect(tile.transform.originX).toBeCloseTo(ox!, 12);
    expect(tile.transform.originY).toBeCloseTo(oy!, 12);
    expect(tile.transform.pixelWidth).toBeCloseTo(pw!, 15);
    expect(tile.transform.pixelHeight).toBeCloseTo(ph!, 15);
    expect(info.bands[0]!.noDataValue).toBe(-32768);
  });
});
