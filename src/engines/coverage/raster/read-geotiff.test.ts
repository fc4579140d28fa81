import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeArrayBuffer } from 'geotiff';
import { describe, expect, it } from 'vitest';
import { transformer, UTM_48N, VN2000_TM3, WGS84 } from './crs.js';
import { pixelAt } from './raster.js';
import { openGeoTiffFile, readGeoTiff } from './read-geotiff.js';
import { writeGeoTiff, writeGeoTiffFile } from './write-geotiff.js';

const hasGdal = spawnSync('gdal_translate', ['--version'], { stdio: 'ignore' }).status === 0;
const DOMAIN_MD_TM3_108_30 =
  '+proj=tmerc +lat_0=0 +lon_0=108.5 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278 +units=m +no_defs';

/** A 40 × 30 DEM of 30 m cells whose value encodes its cell: row · 1000 + col. */
const DEM = { width: 40, height: 30, originX: 445000, originY: 1547000, cell: 30 };
const demValues = Float32Array.from(
  { length: DEM.width * DEM.height },
  (_, i) => Math.floor(i / DEM.width) * 1000 + (i % DEM.width),
);

function asciiGrid(values: ArrayLike<number>, noData = -9999): string {
  const rows: string[] = [];
  for (let r = 0; r < DEM.height; r++)
    rows.push(Array.from({ length: DEM.width }, (_, c) => values[r * DEM.width + c]).join(' '));
  const yll = DEM.originY - DEM.height * DEM.cell;
  return `ncols ${DEM.width}\nnrows ${DEM.height}\nxllcorner ${DEM.originX}\nyllcorner ${yll}\ncellsize ${DEM.cell}\nNODATA_value ${noData}\n${rows.join('\n')}\n`;
}

/** gdal_translate an ASCII grid of the DEM with extra options; returns the file's bytes and path. */
function gdalTranslate(args: string[], values: ArrayLike<number> = demValues): { bytes: Uint8Array; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'read-geotiff-'));
  writeFileSync(join(dir, 'in.asc'), asciiGrid(values));
  const path = join(dir, 'out.tif');
  execFileSync('gdal_translate', ['-q', ...args, join(dir, 'in.asc'), path]);
  return { bytes: readFileSync(path), path };
}

/** Renames TIFF tags in a big-endian geotiff.js file (first IFD), to strip georeferencing. */
function renameTags(buffer: ArrayBuffer, renames: Record<number, number>): Uint8Array {
  const view = new DataView(buffer);
  const ifd = view.getUint32(4);
  for (let i = 0; i < view.getUint16(ifd); i++) {
    const at = ifd + 2 + 12 * i;
    const to = renames[view.getUint16(at)];
    if (to !== undefined) view.setUint16(at, to);
  }
  return new Uint8Array(buffer);
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected a refusal');
}

describe('readGeoTiff', () => {
  it('finds the right cell of a VN-2000 TM-3 108°30′ DEM from a WGS 84 coordinate', async () => {
    const bytes = writeGeoTiff({
      width: DEM.width,
      height: DEM.height,
      data: demValues,
      crs: VN2000_TM3(108.5),
      transform: { originX: DEM.originX, originY: DEM.originY, pixelWidth: DEM.cell, pixelHeight: -DEM.cell },
      noData: -9999,
    });
    const dem = await readGeoTiff(new Uint8Array(bytes), 'dem-tm3.tif');
    expect(dem.crs).toBe(VN2000_TM3(108.5));
    // Pleiku control point (crs.test.ts): WGS 84 108°E 13.9833°N = E 445789.20, N 1546514.04 → column 26, row 16.
    const [e, n] = transformer(WGS84, dem.crs).forward(108.0, 13.9833);
    const cell = pixelAt(dem.transform, dem.width, dem.height, e, n);
    expect(cell).toEqual({ col: 26, row: 16 });
    expect(dem.data[cell!.row * dem.width + cell!.col]).toBe(16026);
  });

  it.skipIf(!hasGdal)(
    'agrees with gdallocationinfo on a GDAL-written, tiled, deflated TM-3 DEM (DOMAIN.md CRS string)',
    async () => {
      const { bytes, path } = gdalTranslate([
        ...['-a_srs', DOMAIN_MD_TM3_108_30, '-ot', 'Float32'],
        ...['-co', 'TILED=YES', '-co', 'BLOCKXSIZE=16', '-co', 'BLOCKYSIZE=16', '-co', 'COMPRESS=DEFLATE'],
      ]);
      const dem = await readGeoTiff(bytes, 'gdal-dem.tif');
      expect(dem.crs).toBe(VN2000_TM3(108.5)); // recognised as VN-2000 whatever the rotation signs
      expect([...dem.data]).toEqual([...demValues]);
      const gdal = execFileSync('gdallocationinfo', ['-valonly', '-wgs84', path, '108.0', '13.9833'], {
        encoding: 'utf8',
      });
      expect(Number(gdal)).toBe(16026);
    },
  );

  it.skipIf(!hasGdal)(
    'reads LZW Int16, PackBits Float64, Deflate/Zstd/LERC with predictor, PixelIsPoint and scaled bands like GDAL',
    async () => {
      const transform = { originX: DEM.originX, originY: DEM.originY, pixelWidth: 30, pixelHeight: -30 };
      const lzw = await readGeoTiff(
        gdalTranslate(['-a_srs', 'EPSG:32648', '-ot', 'Int16', '-co', 'COMPRESS=LZW']).bytes,
        'lzw.tif',
      );
      expect(lzw).toMatchObject({ crs: UTM_48N, sampleFormat: 'int16', noData: -9999, transform });
      expect(lzw.data[29 * 40 + 39]).toBe(29039);
      const f64 = await readGeoTiff(
        gdalTranslate(['-a_srs', 'EPSG:4326', '-ot', 'Float64', '-co', 'COMPRESS=PACKBITS']).bytes,
        'f64.tif',
      );
      expect(f64).toMatchObject({ crs: WGS84, sampleFormat: 'float64' });
      const point = await readGeoTiff(
        gdalTranslate(['-a_srs', 'EPSG:32648', '-mo', 'AREA_OR_POINT=Point']).bytes,
        'point.tif',
      );
      expect(point.transform).toEqual(transform); // GDAL stores the centre of the first pixel
      for (const compression of ['DEFLATE', 'ZSTD', 'LERC']) {
        let file: { bytes: Uint8Array };
        try {
          file = gdalTranslate([
            '-a_srs',
            'EPSG:32648',
            '-ot',
            'Float32',
            '-co',
            `COMPRESS=${compression}`,
            '-co',
            'PREDICTOR=3',
          ]);
        } catch {
          continue; // this GDAL build lacks the codec
        }
        expect([...(await readGeoTiff(file.bytes, `${compression}.tif`)).data]).toEqual([...demValues]);
      }
      const scaled = await readGeoTiff(
        gdalTranslate(['-a_srs', 'EPSG:32648', '-a_scale', '0.5', '-a_offset', '10']).bytes,
        's.tif',
      );
      expect(scaled.data[1]).toBe(10.5);
    },
  );

  it('reads the band asked for and names a missing one', async () => {
    const twoBands = writeArrayBuffer(Float32Array.from([1, 10, 2, 20, 3, 30, 4, 40]), {
      width: 2,
      height: 2,
      ModelPixelScale: [30, 30, 0],
      ModelTiepoint: [0, 0, 0, 440000, 1540000, 0],
      GTModelTypeGeoKey: 1,
      ProjectedCSTypeGeoKey: 32648,
    });
    const second = await readGeoTiff(new Uint8Array(twoBands), 'two.tif', { band: 2 });
    expect([...second.data]).toEqual([10, 20, 30, 40]);
    expect(second.bandCount).toBe(2);
    const error = await refusal(readGeoTiff(new Uint8Array(twoBands), 'two.tif', { band: 3 }));
    expect(error).toMatchObject({
      code: 'raster.band_missing',
      message: 'two.tif: band 3 does not exist (the file has 2 band(s))',
    });
  });

  it('takes the tie point at its pixel position, not always the corner', async () => {
    const bytes = writeArrayBuffer(new Float32Array([1, 2, 3, 4, 5, 6]), {
      width: 3,
      height: 2,
      ModelPixelScale: [30, 30, 0],
      ModelTiepoint: [2, 1, 0, 440060, 1539970, 0],
      GTModelTypeGeoKey: 1,
      ProjectedCSTypeGeoKey: 32648,
    });
    const raster = await readGeoTiff(new Uint8Array(bytes), 'tie.tif');
    expect(raster.transform).toEqual({ originX: 440000, originY: 1540000, pixelWidth: 30, pixelHeight: -30 });
  });

  it('refuses rotated rasters, unknown CRSs, missing georeferencing, empty rasters and non-TIFFs', async () => {
    const base = { width: 2, height: 2, GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: 32648 };
    const rotated = writeArrayBuffer(new Float32Array(4), {
      ...base,
      ModelTransformation: [30, 5, 0, 440000, 5, -30, 0, 1540000, 0, 0, 0, 0, 0, 0, 0, 1],
    });
    expect(await refusal(readGeoTiff(new Uint8Array(rotated), 'rot.tif'))).toMatchObject({
      code: 'raster.not_north_up',
      message: expect.stringMatching(/^rot\.tif: the raster is rotated, sheared or south-up/),
    });
    const lambert = {
      ...base,
      ModelPixelScale: [30, 30, 0],
      ModelTiepoint: [0, 0, 0, 0, 0, 0],
      ProjectedCSTypeGeoKey: 2154,
    };
    expect(
      await refusal(readGeoTiff(new Uint8Array(writeArrayBuffer(new Float32Array(4), lambert)), 'fr.tif')),
    ).toMatchObject({
      code: 'raster.crs_unknown',
      message: expect.stringMatching(/^fr\.tif: EPSG:2154 is not a supported CRS/),
    });
    const plain = renameTags(
      writeArrayBuffer(new Float32Array(4), {
        ...base,
        ModelPixelScale: [30, 30, 0],
        ModelTiepoint: [0, 0, 0, 0, 0, 0],
      }),
      {
        33550: 65000,
        33922: 65001,
      },
    );
    expect(await refusal(readGeoTiff(plain, 'plain.tif'))).toMatchObject({
      code: 'raster.not_georeferenced',
      message: expect.stringMatching(/^plain\.tif: no georeferencing/),
    });
    const empty = writeGeoTiff({
      width: 2,
      height: 1,
      data: Float32Array.from([-1, NaN]),
      crs: 32648,
      transform: { originX: 0, originY: 0, pixelWidth: 1, pixelHeight: -1 },
      noData: -1,
    });
    expect(await refusal(readGeoTiff(new Uint8Array(empty), 'void.tif'))).toMatchObject({
      code: 'raster.empty',
      message: 'void.tif band 1: every pixel is no-data',
    });
    expect(await refusal(readGeoTiff(new TextEncoder().encode('not a tiff'), 'notes.txt'))).toMatchObject({
      code: 'raster.unreadable',
      message: expect.stringMatching(/^notes\.txt: not a readable GeoTIFF/),
    });
  });
});

describe('openGeoTiffFile', () => {
  it('reads a window of a tiled file: the same pixels as the whole read, its transform moved to the window', async () => {
    const width = 600;
    const height = 520;
    const data = new Float32Array(width * height);
    for (let i = 0; i < data.length; i++) data[i] = (i % width) * 1000 + Math.floor(i / width);
    const path = join(mkdtempSync(join(tmpdir(), 'dx-window-')), 'dem.tif');
    const transform = { originX: 420_000, originY: 1_560_000, pixelWidth: 30, pixelHeight: -30 };
    writeGeoTiffFile(path, { width, height, data, crs: 32649, transform, noData: -9999 });
    const file = await openGeoTiffFile(path, 'dem.tif');
    try {
      expect(file.header).toMatchObject({ width, height, transform, noData: -9999 });
      const window = await file.read({ x0: 250, y0: 300, width: 300, height: 100 });
      expect([window.width, window.height]).toEqual([300, 100]);
      expect(window.transform).toEqual({ ...transform, originX: 420_000 + 250 * 30, originY: 1_560_000 - 300 * 30 });
      expect(window.data[0]).toBe(250 * 1000 + 300);
      expect(window.data[99 * 300 + 299]).toBe(549 * 1000 + 399);
      // Clipped at the raster's edge; wholly outside it, refused by name.
      const edge = await file.read({ x0: 590, y0: -5, width: 20, height: 10 });
      expect([edge.width, edge.height, edge.data[0]]).toEqual([10, 5, 590 * 1000]);
      await expect(file.read({ x0: 700, y0: 0, width: 5, height: 5 })).rejects.toThrow(/dem.tif: .*outside the raster/);
    } finally {
      await file.close();
    }
  });

  it('names the file it cannot read', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'dx-window-')), 'junk.tif');
    writeFileSync(path, 'not a tiff');
    await expect(openGeoTiffFile(path, 'junk.tif')).rejects.toThrow(/junk.tif: not a readable GeoTIFF/);
  });
});
