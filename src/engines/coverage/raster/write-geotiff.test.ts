import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromArrayBuffer } from 'geotiff';
import { describe, expect, it } from 'vitest';
import { UTM_48N, VN2000_GEOGRAPHIC, VN2000_TM3, VN2000_TOWGS84, WGS84 } from './crs.js';
import { readGeoTiff } from './read-geotiff.js';
import { halve } from './cog-tiles.js';
import { writeGeoTiff, writeGeoTiffFile, type WriteGeoTiffInput } from './write-geotiff.js';

const hasGdal = spawnSync('gdalinfo', ['--version'], { stdio: 'ignore' }).status === 0;

function saved(buffer: ArrayBuffer, name = 'out.tif'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'write-geotiff-')), name);
  writeFileSync(path, new Uint8Array(buffer));
  return path;
}

interface GdalInfo {
  size: [number, number];
  geoTransform: number[];
  metadata?: Record<string, Record<string, string>>;
  bands: {
    type: string;
    block: [number, number];
    noDataValue?: number | string;
    description?: string;
    unit?: string;
    overviews?: { size: [number, number] }[];
  }[];
  stac?: { 'proj:epsg'?: number | null };
}

function gdalinfo(buffer: ArrayBuffer): GdalInfo {
  return gdalinfoOf(saved(buffer));
}

function gdalinfoOf(path: string): GdalInfo {
  return JSON.parse(execFileSync('gdalinfo', ['-json', path], { encoding: 'utf8' })) as GdalInfo;
}

const utm: WriteGeoTiffInput = {
  width: 4,
  height: 3,
  data: Float32Array.from([1.5, 2, 3, 4, 5, -9999, 7, 8, 9, 10, 11, 1234.25]),
  crs: 32648,
  transform: { originX: 440000, originY: 1540090, pixelWidth: 30, pixelHeight: -30 },
  noData: -9999,
};

/** A 600 × 500 RSRP band in dBm with holes, large enough for two overview levels of 256-pixel tiles. */
const rsrp: WriteGeoTiffInput = {
  ...utm,
  width: 600,
  height: 500,
  data: new Float32Array(600 * 500).map((_, i) => (i % 97 === 0 ? NaN : -120 + (i % 600) / 10)),
  noData: NaN,
  description: 'RSRP',
  unit: 'dBm',
  metadata: { TECHNOLOGY: '4G' },
};

describe('writeGeoTiff', () => {
  it('reads back with the same values, transform, CRS and no-data', async () => {
    const raster = await readGeoTiff(new Uint8Array(writeGeoTiff(utm)), 'utm.tif');
    expect(raster).toMatchObject({ width: 4, height: 3, crs: UTM_48N, transform: utm.transform, noData: -9999 });
    expect([...raster.data]).toEqual([...utm.data]);
    expect(raster.sampleFormat).toBe('float32');
  });

  it('writes Int16 (negative heights), Uint8 and Uint16 faithfully', async () => {
    const int16 = Int16Array.from([-32768, -12, 0, 300, 32767, 1]);
    const common = {
      width: 3,
      height: 2,
      crs: 4326,
      transform: { originX: 108, originY: 14, pixelWidth: 0.5, pixelHeight: -0.5 },
    };
    const back16 = await readGeoTiff(
      new Uint8Array(writeGeoTiff({ ...common, data: int16, noData: -32768 })),
      'i16.tif',
    );
    expect([...back16.data]).toEqual([...int16]);
    expect(back16).toMatchObject({ sampleFormat: 'int16', crs: WGS84, noData: -32768 });
    const u8 = Uint8Array.from([0, 1, 2, 250, 255, 7]);
    const back8 = await readGeoTiff(new Uint8Array(writeGeoTiff({ ...common, data: u8, noData: 255 })), 'u8.tif');
    expect([...back8.data]).toEqual([...u8]);
    const u16 = Uint16Array.from([0, 1, 65535, 40000, 3, 9]);
    const backU16 = await readGeoTiff(new Uint8Array(writeGeoTiff({ ...common, data: u16, noData: null })), 'u16.tif');
    expect([...backU16.data]).toEqual([...u16]);
    expect(backU16.noData).toBeNull();
  });

  it('keeps NaN as no-data for Float32', async () => {
    const data = Float32Array.from([NaN, 1, 2, 3]);
    const raster = await readGeoTiff(
      new Uint8Array(writeGeoTiff({ ...utm, width: 2, height: 2, data, noData: NaN })),
      'nan.tif',
    );
    expect(raster.noData).toBeNaN();
    expect(raster.data[0]).toBeNaN();
  });

  it('writes VN-2000 CRSs: EPSG codes where EPSG has them, user-defined TM-3 otherwise', async () => {
    for (const crs of [VN2000_TM3(108.5), VN2000_TM3(108.25), VN2000_TM3(105.45), VN2000_GEOGRAPHIC]) {
      const raster = await readGeoTiff(new Uint8Array(writeGeoTiff({ ...utm, crs, noData: -9999 })), 'vn.tif');
      expect(raster.crs).toBe(crs);
    }
  });

  it('refuses what it cannot write', () => {
    expect(() => writeGeoTiff({ ...utm, crs: '+proj=utm +zone=48 +ellps=WGS84' })).toThrowError(
      /cannot write GeoTIFF keys/,
    );
    expect(() => writeGeoTiff({ ...utm, crs: 2154 })).toThrowError(/EPSG:2154 is not a supported CRS/);
    expect(() => writeGeoTiff({ ...utm, data: new Int16Array(12), noData: 1e6 })).toThrowError(
      /no-data 1000000 cannot be stored/,
    );
    expect(() => writeGeoTiff({ ...utm, width: 5 })).toThrowError(/12 values for 5 × 3 pixels/);
    expect(() => writeGeoTiff({ ...utm, transform: { ...utm.transform, pixelHeight: 30 } })).toThrowError(/north-up/);
  });

  it.skipIf(!hasGdal)('opens in GDAL (so QGIS) with the same size, geotransform, EPSG and no-data', () => {
    const info = gdalinfo(writeGeoTiff(utm));
    expect(info.size).toEqual([4, 3]);
    expect(info.geoTransform).toEqual([440000, 30, 0, 1540090, 0, -30]);
    expect(info.stac?.['proj:epsg']).toBe(32648);
    expect(info.bands[0]).toMatchObject({ type: 'Float32', noDataValue: -9999 });

    const int16 = gdalinfo(
      writeGeoTiff({ ...utm, data: Int16Array.from([-5, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), crs: VN2000_TM3(108.5) }),
    );
    expect(int16.stac?.['proj:epsg']).toBe(9218);
    expect(int16.bands[0]).toMatchObject({ type: 'Int16', noDataValue: -9999 });
  });

  it('writes 256-pixel DEFLATE tiles and overviews down to one tile, readable by geotiff.js', async () => {
    const bytes = writeGeoTiff(rsrp);
    const tiff = await fromArrayBuffer(bytes);
    expect(await tiff.getImageCount()).toBe(3);
    const [full, half, quarter] = await Promise.all([0, 1, 2].map((i) => tiff.getImage(i)));
    expect([full!.getTileWidth(), full!.getTileHeight()]).toEqual([256, 256]);
    expect(full!.getFileDirectory().getValue('Compression')).toBe(8);
    expect([half!.getWidth(), half!.getHeight(), quarter!.getWidth(), quarter!.getHeight()]).toEqual([
      300, 250, 150, 125,
    ]);
    expect(half!.getFileDirectory().getValue('NewSubfileType')).toBe(1);
    const raster = await readGeoTiff(new Uint8Array(bytes), 'rsrp.tif');
    expect([...raster.data]).toEqual([...rsrp.data]);
    expect(raster.metadata).toMatchObject({ DESCRIPTION: 'RSRP', UNITTYPE: 'dBm', TECHNOLOGY: '4G' });
    // Overviews average measurements but keep categories: a site index must not become an in-between index.
    const overview = (await half!.readRasters({ interleave: true })) as unknown as Float32Array;
    expect(overview[1]).toBeCloseTo((rsrp.data[2]! + rsrp.data[3]! + rsrp.data[602]! + rsrp.data[603]!) / 4, 4);
  });

  it('halves categories by nearest and measurements by the mean of valid pixels', () => {
    const level = { width: 3, height: 2, data: Uint16Array.from([1, 2, 7, 3, 65535, 65535]) };
    expect([...halve(level, 'nearest', 65535).data]).toEqual([1, 7]);
    expect([...halve(level, 'average', 65535).data]).toEqual([2, 7]);
    const allMissing = { width: 2, height: 1, data: Float32Array.from([NaN, NaN]) };
    expect(halve(allMissing, 'average', NaN).data[0]).toBeNaN();
  });

  it('writes BigTIFF when forced, with the same content', async () => {
    const bytes = new Uint8Array(writeGeoTiff({ ...rsrp, bigTiff: true }));
    expect(new DataView(bytes.buffer).getUint16(2, true)).toBe(43);
    const raster = await readGeoTiff(bytes, 'big.tif');
    expect([...raster.data]).toEqual([...rsrp.data]);
    expect(raster.transform).toEqual(rsrp.transform);
    const classic = new Uint8Array(writeGeoTiff(rsrp));
    expect(new DataView(classic.buffer).getUint16(2, true)).toBe(42);
  });

  it.skipIf(!hasGdal)(
    'is a Cloud-Optimised GeoTIFF to GDAL: COG layout, DEFLATE, overviews, no-data, description, unit',
    () => {
      for (const bigTiff of [false, true]) {
        const path = join(mkdtempSync(join(tmpdir(), 'write-geotiff-')), 'rsrp.tif');
        writeGeoTiffFile(path, { ...rsrp, bigTiff });
        const info = gdalinfoOf(path);
        expect(info.metadata?.IMAGE_STRUCTURE).toMatchObject({ LAYOUT: 'COG', COMPRESSION: 'DEFLATE' });
        expect(info.metadata?.['']).toMatchObject({ TECHNOLOGY: '4G' });
        const [band] = info.bands;
        expect(band).toMatchObject({ block: [256, 256], noDataValue: 'NaN', description: 'RSRP', unit: 'dBm' });
        expect(band!.overviews!.map((o) => o.size)).toEqual([
          [300, 250],
          [150, 125],
        ]);
        const value = execFileSync('gdallocationinfo', ['-valonly', path, '599', '1'], { encoding: 'utf8' });
        expect(Number(value)).toBeCloseTo(rsrp.data[1 * 600 + 599]!, 4);
      }
    },
  );

  it.skipIf(!hasGdal)('gives GDAL the full TM-3 definition for a meridian without an EPSG code', () => {
    const path = saved(writeGeoTiff({ ...utm, crs: VN2000_TM3(105.45) }));
    const proj4 = execFileSync('gdalsrsinfo', ['-o', 'proj4', path], { encoding: 'utf8' });
    for (const part of [
      '+proj=tmerc',
      '+lat_0=0',
      '+lon_0=105.45',
      '+k=0.9999',
      '+x_0=500000',
      '+y_0=0',
      '+ellps=WGS84',
      '+units=m',
    ]) {
      expect(proj4).toContain(part);
    }
    expect(proj4).toContain(`+towgs84=${VN2000_TOWGS84}`);
    const values = execFileSync('gdallocationinfo', ['-valonly', path, '3', '2'], { encoding: 'utf8' });
    expect(Number(values)).toBe(1234.25);
  });
});
