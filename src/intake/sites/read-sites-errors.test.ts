import { describe, expect, it } from 'vitest';
import { Invalid } from '../../domain/errors.js';
import { formatSiteError, readSitesFile } from './read-sites.js';

const file = (text: string, name = 'sites.csv') => ({ name, bytes: new TextEncoder().encode(text) });
async function errorsOf(text: string) {
  const result = await readSitesFile(file(text));
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}
const brief = (e: { row: number; column: string; value: string; reason: string }) =>
  [e.row, e.column, e.value, e.reason] as const;

describe('readSitesFile: row errors', () => {
  it('reports every bad cell of every row, by row and column', async () => {
    const header =
      'site;sector;tech;band;lat;lon;height;azimuth;mechanical_tilt;electrical_tilt;h_beamwidth;v_beamwidth;power;gain;loss;environment';
    const text = [
      header,
      'OK1;1;4G;1800;14,1;108,2;30;0;0;2;65;10;43;17;1;rural', // row 2: fine
      ';1;6G;B3;14,1;108,2;0;400;-30;50;0;361;90;17;-1;jungle', // row 3: one error per cell
      'BAD4;1;LTE;1800;;abc;301;;;;90;;;x;;', // row 4: blank position, text, height, beamwidth without azimuth
      'BAD5;1;NR;8000;95;190;30;360;;;;;-11;;;', // row 5: band, lat and lon out of range, power too low
      'BAD6;1;4G;2.1 GHz;14,1;108,2;30,0;12;;;;;43;;;', // row 6: GHz
    ].join('\n');
    const errors = await errorsOf(text);
    expect(errors.map(brief)).toEqual([
      [3, 'site', '', 'is empty'],
      [3, 'tech', '6G', 'is not a technology: use 2G, 3G, 4G or 5G (GSM, UMTS/WCDMA, LTE, NR)'],
      [3, 'band', 'B3', 'is a band number, not a frequency: give the carrier frequency in MHz (e.g. 1800 for LTE B3)'],
      [3, 'height', '0', 'is outside 0–300 m (must be above 0)'],
      [3, 'azimuth', '400', 'is outside 0..360°'],
      [3, 'mechanical_tilt', '-30', 'is outside −20..45°'],
      [3, 'electrical_tilt', '50', 'is outside −20..45°'],
      [3, 'h_beamwidth', '0', 'is outside 0–360° (must be above 0)'],
      [3, 'v_beamwidth', '361', 'is outside 0–360° (must be above 0)'],
      [3, 'power', '90', 'is outside −10..80 dBm'],
      [3, 'loss', '-1', 'is negative: give the cable loss as a positive number of dB'],
      [3, 'environment', 'jungle', 'is not an environment: use urban, suburban or rural (đô thị, ven đô, nông thôn)'],
      [4, 'lat', '', 'is empty'],
      [4, 'lon', 'abc', 'is not a number'],
      [4, 'height', '301', 'is outside 0–300 m (must be above 0)'],
      [4, 'azimuth', '', expect.stringMatching(/^is empty but the horizontal beamwidth is 90°: a directional antenna/)],
      [4, 'power', '', 'is empty'],
      [4, 'gain', 'x', 'is not a number'],
      [5, 'band', '8000', 'is outside 400–7,125 MHz (the propagation models cover up to 7 GHz)'],
      [5, 'lat', '95', 'is outside −90..90°'],
      [5, 'lon', '190', 'is outside −180..180°'],
      [5, 'power', '-11', 'is outside −10..80 dBm'],
      [6, 'band', '2.1 GHz', 'is in GHz: give the frequency in MHz (e.g. 3500)'],
    ]);
    expect(errors[0]).toMatchObject({ file: 'sites.csv', sheet: null, field: 'value', location: 'row' });
    expect(formatSiteError(errors[3]!)).toBe(
      'sites.csv, row 3, column "height": "0" is outside 0–300 m (must be above 0)',
    );
  });

  it('says when latitude and longitude look swapped', async () => {
    const errors = await errorsOf('id,tech,band,lat,lon,height,power\nA,4G,1800,108.5,13.9,30,43\n');
    expect(errors.map(brief)).toEqual([[2, 'lat', '108.5', 'is outside −90..90: latitude and longitude look swapped']]);
  });

  it('reports a duplicate site, sector and technology against the first row', async () => {
    const text = [
      'id,cell,tech,band,lat,lon,height,power',
      'A,1,4G,1800,14,108,30,43',
      'A,1,LTE,2100,14,108,30,43',
      'a,1,4g,1800,14,108,-1,43', // a duplicate with a bad cell of its own: both reported
      'A,2,4G,1800,14,108,30,43',
    ].join('\n');
    const result = await readSitesFile(file(text));
    expect(result.sites.map((s) => s.rowNumber)).toEqual([2, 5]);
    expect(result.ok ? [] : result.errors.map(brief)).toEqual([
      [3, 'id', 'A / 1 / 4G', 'duplicates row 2 (same site, sector and technology)'],
      [4, 'id', 'a / 1 / 4G', 'duplicates row 2 (same site, sector and technology)'],
      [4, 'height', '-1', 'is outside 0–300 m (must be above 0)'],
    ]);
    expect(result.ok ? null : result.errors[0]).toMatchObject({ field: 'row' });
  });

  it('flags a comma CSV whose unquoted decimal comma split a cell', async () => {
    const errors = await errorsOf('id,tech,band,lat,lon,height,power\nA,4G,1800,14,1,108,2,30,43\n');
    expect(errors.map(brief)).toEqual([[2, '', '', expect.stringMatching(/has 9 cells but the header has 7/)]]);
  });

  it('refuses an ambiguous number when the file does not show its decimal mark', async () => {
    const errors = await errorsOf('id,tech,band,lat,lon,height,power\nA,4G,1800,14,108,"1,500",43\n');
    expect(errors.map(brief)).toEqual([[2, 'height', '1,500', expect.stringMatching(/^could be 1.5 or 1500/)]]);
  });
});

describe('readSitesFile: power and EIRP', () => {
  const header = 'id,tech,band,lat,lon,height';
  it('takes an EIRP alone as the power, with gain and loss 0', async () => {
    const result = await readSitesFile(file(`${header},eirp_dbm\nA,4G,1800,14,108,30,"61,5"\n`));
    expect(result.sites[0]).toMatchObject({ txPowerDbm: 61.5, antennaGainDbi: 0, cableLossDb: 0 });
  });

  it('accepts power and a consistent EIRP, and refuses an inconsistent one', async () => {
    const text = `${header},power,gain,loss,eirp\nA,4G,1800,14,108,30,43,18,2,59\nB,4G,1800,14,108,30,43,18,2,62\n`;
    const result = await readSitesFile(file(text));
    expect(result.sites).toMatchObject([{ siteCode: 'A', txPowerDbm: 43, antennaGainDbi: 18, cableLossDb: 2 }]);
    expect(result.ok ? [] : result.errors.map(brief)).toEqual([
      [3, 'eirp', '62', 'does not match transmit power + gain − loss = 43 + 18 − 2 = 59 dBm'],
    ]);
  });
});

describe('readSitesFile: file-level refusals', () => {
  it('names every missing required column', async () => {
    const read = readSitesFile(file('Mã trạm;Vĩ độ;Kinh độ\nA;14;108\n'));
    await expect(read).rejects.toThrow(Invalid);
    await expect(read).rejects.toThrow(
      /missing columns technology .*; band in MHz .*; antenna height .*; transmit power in dBm .*; columns found: "Mã trạm", "Vĩ độ", "Kinh độ"/,
    );
    await expect(readSitesFile(file('id,tech,band,lat,height,power\nA,4G,1800,14,30,43\n'))).rejects.toThrow(
      /missing column longitude \(lon, lng, kinh độ\)/,
    );
  });

  it('refuses a doubled column, an empty file and JSON that is not a FeatureCollection', async () => {
    await expect(readSitesFile(file('id,site,tech,band,lat,lon,height,power\n'))).rejects.toThrow(
      /columns "id" and "site" both hold the site code/,
    );
    await expect(readSitesFile(file('id,tech,band,lat,lon,height,power\n'))).rejects.toThrow(/has no sites/);
    await expect(readSitesFile(file(' {"type":"Feature"}', 'x.csv'))).rejects.toThrow(
      /x\.csv is JSON but not a GeoJSON FeatureCollection .*\(its type is "Feature"\)/,
    );
    await expect(readSitesFile(file('{"type":"FeatureCollection"}', 'x.json'))).rejects.toThrow(
      /not a GeoJSON FeatureCollection/,
    );
  });
});
