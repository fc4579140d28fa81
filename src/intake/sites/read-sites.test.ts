import ExcelJS from 'exceljs';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { Invalid } from '../../domain/errors.js';
import type { SiteRecord } from '../../domain/coverage/site-record.js';
import { formatSiteError, readSitesFile } from './read-sites.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const csv = (name: string, text: string) => ({ name, bytes: utf8(text) });

async function sitesOf(file: { name: string; bytes: Uint8Array }, options?: Parameters<typeof readSitesFile>[1]) {
  const result = await readSitesFile(file, options);
  if (!result.ok) throw new Error(result.errors.map(formatSiteError).join('\n'));
  return result.sites;
}

// VN-2000 TM-3, central meridian 108°30′ (DOMAIN.md §5); test only — the engine's CRS list lives elsewhere.
const VN2000_TM3_108_5 =
  '+proj=tmerc +lat_0=0 +lon_0=108.5 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278 +units=m +no_defs';
const vn2000 = proj4(VN2000_TM3_108_5, 'WGS84');
const toWgs84 = (x: number, y: number) => vn2000.forward([x, y]) as [number, number];

describe('readSitesFile: CSV', () => {
  it('reads a Vietnamese CSV with decimal commas, defaults and technology aliases', async () => {
    const text = [
      'Mã trạm;Ô;Công nghệ;Tần số (MHz);Vĩ độ;Kinh độ;Độ cao anten (m);Hướng;Tilt;Công suất (dBm);Độ lợi (dBi);Suy hao (dB);Môi trường',
      'GLI001;1;LTE;1.800;13,98245;108,00017;30,5;120;4;43;17,5;2,5;Đô thị',
      'GLI001;2;4G;1800;13,98245;108,00017;30,5;360;;43;17,5;2,5;ven đô',
      'GLI002;;GSM;900;14,01;107,95;25;omni;;40;11;;',
    ].join('\r\n');
    const sites = await sitesOf(csv('tram.csv', text));
    expect(sites[0]).toEqual<SiteRecord>({
      rowNumber: 2, siteCode: 'GLI001', sector: '1', technology: '4G', bandMhz: 1800, lat: 13.98245, lon: 108.00017,
      antennaHeightM: 30.5, azimuthDeg: 120, mechanicalTiltDeg: 0, electricalTiltDeg: 4, hBeamwidthDeg: 65,
      vBeamwidthDeg: 10, txPowerDbm: 43, antennaGainDbi: 17.5, cableLossDb: 2.5, environment: 'urban',
    }); // prettier-ignore
    expect(sites[1]).toMatchObject({ sector: '2', azimuthDeg: 0, electricalTiltDeg: 0, environment: 'suburban' });
    expect(sites[2]).toMatchObject({
      rowNumber: 4,
      sector: '',
      technology: '2G',
      azimuthDeg: null,
      hBeamwidthDeg: null,
    });
    expect(sites[2]).toMatchObject({ cableLossDb: 0, environment: 'rural' });
  });

  it('uses a default band per technology when asked', async () => {
    const text = 'site,tech,lat,lon,height,power\nA,NR,14.1,108.2,30,46\nB,UMTS,14.2,108.3,30,43\n';
    const result = await readSitesFile(csv('s.csv', text), { defaultTechnologyBands: { '5G': 3500 } });
    expect(result.ok).toBe(false);
    expect(result.sites.map((s) => [s.technology, s.bandMhz])).toEqual([['5G', 3500]]);
    if (!result.ok)
      expect(result.errors[0]).toMatchObject({ row: 3, column: 'band', reason: /no default band for 3G/ });
  });
});

describe('readSitesFile: XLSX', () => {
  it('reads numbers stored as numbers and text, whatever the locale', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sites');
    sheet.addRow(['site_code', 'sector', 'technology', 'band_mhz', 'latitude', 'longitude', 'antenna_height_m']);
    sheet.getRow(1).getCell(8).value = 'azimuth';
    sheet.addRow(['QNH-07', 3, '5G', 3500, 13.7765, 109.2237, 42, 240]);
    sheet.addRow(['QNH-08', 'A', 'WCDMA', '2100', '13.78', '109.21', '35.5', '']);
    const header = ['h_beamwidth', 'v_beamwidth', 'mechanical_tilt', 'electrical_tilt', 'tx_power_dbm', 'gain', 'loss'];
    header.forEach((h, i) => (sheet.getRow(1).getCell(9 + i).value = h));
    [33, 6, 2, 6, 49, 24, 0].forEach((v, i) => (sheet.getRow(2).getCell(9 + i).value = v));
    sheet.getRow(3).getCell(13).value = 40;
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const sites = await sitesOf({ name: 'sites.xlsx', bytes });
    expect(sites[0]).toMatchObject({ rowNumber: 2, siteCode: 'QNH-07', sector: '3', bandMhz: 3500, lat: 13.7765 });
    expect(sites[0]).toMatchObject({ azimuthDeg: 240, hBeamwidthDeg: 33, vBeamwidthDeg: 6, mechanicalTiltDeg: 2 });
    expect(sites[0]).toMatchObject({ txPowerDbm: 49, antennaGainDbi: 24, environment: 'rural' });
    expect(sites[1]).toMatchObject({ technology: '3G', bandMhz: 2100, antennaHeightM: 35.5, azimuthDeg: null });
  });
});

describe('readSitesFile: GeoJSON', () => {
  const feature = (coordinates: number[], properties: Record<string, unknown>) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates },
    properties,
  });
  const geojson = (features: unknown[], extra: object = {}) =>
    utf8(`\n  ${JSON.stringify({ type: 'FeatureCollection', ...extra, features })}`);

  it('reads Point features by content, whatever the file name', async () => {
    const bytes = geojson(
      [
        feature([108.0, 13.98], { id: 'A', cell: 1, tech: 'LTE', band: 1800, height: 30, azimuth: 0, eirp_dbm: 60 }),
        feature([108.1, 14.0], { id: 'B', cell: '1', tech: '5G', band: '3500', height: '25,5', power: 46 }),
      ],
      { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } } },
    );
    const sites = await sitesOf({ name: 'export.txt', bytes });
    expect(sites[0]).toMatchObject({ rowNumber: 1, siteCode: 'A', sector: '1', lon: 108, lat: 13.98, txPowerDbm: 60 });
    expect(sites[1]).toMatchObject({ rowNumber: 2, technology: '5G', bandMhz: 3500, antennaHeightM: 25.5 });
  });

  it('names the feature and property of each error, and the geometry', async () => {
    const bytes = geojson([
      feature([108, 14], { id: 'A', tech: '4G', band: 1800, height: 30, power: 43 }),
      { type: 'Feature', geometry: { type: 'LineString', coordinates: [] }, properties: { id: 'B' } },
      feature([14.2, 108.3], { id: 'C', tech: '4G', band: 1800, height: 'tall', power: 43 }),
    ]);
    const result = await readSitesFile({ name: 'sites.geojson', bytes });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(formatSiteError)).toEqual([
      'sites.geojson, feature 2 (features[1]), property "geometry": "LineString" is not a Point: each site must be a Point feature',
      'sites.geojson, feature 2 (features[1]), property "tech": the property is empty',
      'sites.geojson, feature 2 (features[1]), property "band": the property is empty',
      'sites.geojson, feature 2 (features[1]), property "height": the property is empty',
      'sites.geojson, feature 2 (features[1]), property "power": the property is empty',
      'sites.geojson, feature 3 (features[2]), property "geometry": "[14.2,108.3]" is outside −90..90 (the point gives latitude 108.3, longitude 14.2): latitude and longitude look swapped',
      'sites.geojson, feature 3 (features[2]), property "height": "tall" is not a number',
    ]);
  });

  it('refuses a projected crs unless toWgs84 is given', async () => {
    const [x, y] = proj4('WGS84', VN2000_TM3_108_5, [108.2, 14.1]);
    const crs = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::9210' } };
    const bytes = geojson([feature([x!, y!], { id: 'A', tech: '4G', band: 1800, height: 30, power: 43 })], { crs });
    await expect(readSitesFile({ name: 'vn.geojson', bytes })).rejects.toThrow(/EPSG::9210.*WGS 84/);
    const [site] = await sitesOf({ name: 'vn.geojson', bytes }, { toWgs84 });
    expect(site!.lon).toBeCloseTo(108.2, 7);
    expect(site!.lat).toBeCloseTo(14.1, 7);
  });
});

describe('readSitesFile: projected x/y', () => {
  const control = [
    [108.2, 14.1],
    [108.9, 13.6],
  ];
  const projected = control.map(([lon, lat]) => proj4('WGS84', VN2000_TM3_108_5, [lon!, lat!]));

  it('converts VN-2000 x/y with toWgs84, in either axis order', async () => {
    const rows = (northFirst: boolean) =>
      projected.map(([e, n], i) => `S${i},4G,1800,${northFirst ? `${n},${e}` : `${e},${n}`},30,43`).join('\n');
    for (const northFirst of [false, true]) {
      const text = `site,tech,band,x,y,height,power\n${rows(northFirst)}\n`;
      const sites = await sitesOf(csv('vn2000.csv', text), { toWgs84 });
      sites.forEach((site, i) => {
        expect(site.lon).toBeCloseTo(control[i]![0]!, 7);
        expect(site.lat).toBeCloseTo(control[i]![1]!, 7);
      });
    }
  });

  it("refuses x/y without the file's CRS", async () => {
    const text = `id,technology,band,X,Y,height,power\nA,4G,1800,${projected[0]!.join(',')},30,43\n`;
    const read = readSitesFile(csv('xy.csv', text));
    await expect(read).rejects.toThrow(Invalid);
    await expect(read).rejects.toThrow(/projected coordinates need the file's CRS/);
  });
});

describe('readSitesFile: operators', () => {
  it('reads an optional operator column, blank meaning the default or the run’s main operator', async () => {
    const text = [
      'site,tech,band,lat,lon,height,power,Nhà mạng',
      'A,4G,1800,14,108,30,43,vtl',
      'A,4G,1800,14,108,30,43,MBF',
      'B,4G,1800,14.1,108,30,43,',
    ].join('\n');
    const sites = await sitesOf(csv('ops.csv', text));
    expect(sites.map((s) => s.operator)).toEqual(['VTL', 'MBF', undefined]);
    expect(sites[2]).not.toHaveProperty('operator');
    const withDefault = await sitesOf(csv('ops.csv', text), { defaultOperator: 'VNP' });
    expect(withDefault.map((s) => s.operator)).toEqual(['VTL', 'MBF', 'VNP']);
  });

  it('counts the same site code twice only within one operator', async () => {
    const text =
      'site,tech,band,lat,lon,height,power,operator\nA,4G,1800,14,108,30,43,VTL\nA,4G,1800,14,108,30,43,vtl\n';
    const result = await readSitesFile(csv('dup.csv', text));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.reason).toMatch(/duplicates row 2/);
  });

  it('refuses an operator that is not a code', async () => {
    const text = 'site,tech,band,lat,lon,height,power,operator\nA,4G,1800,14,108,30,43,Viettel / Mobi!\n';
    const result = await readSitesFile(csv('bad.csv', text));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ column: 'operator', reason: /not an operator code/ });
  });
});
