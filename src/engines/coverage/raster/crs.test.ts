import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Invalid } from '../../../domain/errors.js';
import {
  analysisCrsFor,
  crsFromEpsg,
  crsFromGeoKeys,
  epsgOf,
  transformer,
  UTM_48N,
  UTM_49N,
  utmZoneFor,
  VN2000_GEOGRAPHIC,
  VN2000_TM3,
  VN2000_TM3_EPSG,
  vn2000Tm3Meridian,
  WGS84,
} from './crs.js';

const hasCs2cs = spawnSync('cs2cs', [], { stdio: 'ignore' }).status !== null;
const DOMAIN_MD_TM3_108_30 =
  '+proj=tmerc +lat_0=0 +lon_0=108.5 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278 +units=m +no_defs';

/** Metres between two WGS 84 points a few hundred metres apart (local equirectangular). */
function metresApart([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]): number {
  const k = (Math.PI / 180) * 6378137;
  return Math.hypot((lon1 - lon2) * k * Math.cos((lat1 * Math.PI) / 180), (lat1 - lat2) * k);
}

describe('VN-2000 datum', () => {
  // Control point: WGS 84 13.9833°N 108°E (Pleiku). Reference values from PROJ 9.1.1 with EPSG v10.076's
  // transformation EPSG:6960 (VN-2000 to WGS 84 (2)):
  //   echo "13.9833 108.0" | cs2cs -d 4 EPSG:4326 EPSG:9218   → 445789.2038 1546514.0397
  //   echo "13.9833 108.0" | cs2cs -d 9 EPSG:4326 EPSG:4756   → 13.984324612 107.998195633
  const pleiku: [number, number] = [108.0, 13.9833];

  it('matches EPSG:6960 at the control point to a millimetre on TM-3 108°30′', () => {
    const [e, n] = transformer(WGS84, VN2000_TM3(108.5)).forward(...pleiku);
    expect(Math.hypot(e - 445789.2038, n - 1546514.0397)).toBeLessThan(0.001);
    const [lon, lat] = transformer(WGS84, VN2000_GEOGRAPHIC).forward(...pleiku);
    expect(metresApart([lon, lat], [107.998195633, 13.984324612])).toBeLessThan(0.001);
  });

  it('lands ~0.6 m away with the rotation signs as printed in DOMAIN.md (why crs.ts flips them)', () => {
    const [e, n] = transformer(WGS84, DOMAIN_MD_TM3_108_30).forward(...pleiku);
    const off = Math.hypot(e - 445789.2038, n - 1546514.0397);
    expect(off).toBeGreaterThan(0.5);
    expect(off).toBeLessThan(0.7);
  });

  it('shifts WGS 84 by a couple of hundred metres across Vietnam', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 102, max: 110, noNaN: true }),
        fc.double({ min: 8.5, max: 23.4, noNaN: true }),
        (lon, lat) => {
          const shifted = transformer(WGS84, VN2000_GEOGRAPHIC).forward(lon, lat);
          const metres = metresApart([lon, lat], shifted);
          return metres > 150 && metres < 300;
        },
      ),
    );
  });

  it('round-trips WGS 84 → TM-3 → WGS 84 to under a millimetre', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 106.5, max: 110.5, noNaN: true }),
        fc.double({ min: 8.5, max: 23.4, noNaN: true }),
        (lon, lat) => {
          const t = transformer(WGS84, VN2000_TM3(108.5));
          const back = t.inverse(...t.forward(lon, lat));
          return metresApart([lon, lat], back) < 0.001;
        },
      ),
    );
  });

  it.skipIf(!hasCs2cs)('agrees with PROJ (cs2cs, EPSG:9217) to a millimetre on TM-3 108°15′', () => {
    const points = [
      [13.77, 109.22], // Quy Nhon
      [14.35, 108.0],
      [12.9, 107.6],
    ];
    const out = spawnSync('cs2cs', ['-d', '5', 'EPSG:4326', 'EPSG:9217'], {
      input: points.map(([lat, lon]) => `${lat} ${lon}`).join('\n'),
      encoding: 'utf8',
    });
    const rows = out.stdout.trim().split('\n');
    points.forEach(([lat, lon], i) => {
      const [e, n] = rows[i]!.split(/\s+/).map(Number);
      const [x, y] = transformer(WGS84, VN2000_TM3(108.25)).forward(lon!, lat!);
      expect(Math.hypot(x - e!, y - n!)).toBeLessThan(0.001);
    });
  });
});

describe('CRS lookups', () => {
  it('knows the EPSG codes it can write back', () => {
    for (const code of [4326, 4756, 3405, 3406, 32648, 32649, 32748, ...VN2000_TM3_EPSG.values()]) {
      expect(epsgOf(crsFromEpsg(code))).toBe(code);
    }
    expect(crsFromEpsg(9218)).toBe(VN2000_TM3(108.5));
    expect(crsFromEpsg(32649)).toBe(UTM_49N);
    expect(vn2000Tm3Meridian(VN2000_TM3(105.45))).toBe(105.45);
    expect(epsgOf(VN2000_TM3(105.45))).toBeNull();
  });

  it('refuses an unknown EPSG code naming it', () => {
    expect(() => crsFromEpsg(2154, 'dem.tif')).toThrowError(/dem\.tif: EPSG:2154 is not a supported CRS/);
  });

  it('reads GeoTIFF keys: EPSG codes, and GDAL-written user-defined VN-2000 TM-3 either rotation sign', () => {
    expect(crsFromGeoKeys({ GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: 32648 })).toBe(UTM_48N);
    expect(crsFromGeoKeys({ GTModelTypeGeoKey: 2, GeographicTypeGeoKey: 4326 })).toBe(WGS84);
    const userDefined = {
      GTModelTypeGeoKey: 1,
      GeographicTypeGeoKey: 32767,
      GeogGeodeticDatumGeoKey: 32767,
      GeogEllipsoidGeoKey: 7030,
      GeogTOWGS84GeoKey: DOMAIN_MD_TM3_108_30.match(/towgs84=([^ ]+)/)![1]!
        .split(',')
        .map(Number),
      ProjectedCSTypeGeoKey: 32767,
      ProjCoordTransGeoKey: 1,
      ProjLinearUnitsGeoKey: 9001,
      ProjNatOriginLongGeoKey: 108.5,
      ProjNatOriginLatGeoKey: 0,
      ProjFalseEastingGeoKey: 500000,
      ProjFalseNorthingGeoKey: 0,
      ProjScaleAtNatOriginGeoKey: 0.9999,
    };
    expect(crsFromGeoKeys(userDefined)).toBe(VN2000_TM3(108.5));
    const wgs84Utm = {
      ...userDefined,
      GeographicTypeGeoKey: 4326,
      ProjNatOriginLongGeoKey: 105,
      ProjScaleAtNatOriginGeoKey: 0.9996,
    };
    expect(crsFromGeoKeys(wgs84Utm)).toBe(UTM_48N);
    expect(() => crsFromGeoKeys({ ...userDefined, GeogTOWGS84GeoKey: [-10, 100, 5] }, 'odd.tif')).toThrowError(
      /odd\.tif: a user-defined projection/,
    );
  });

  it('refuses unknown keys with raster.crs_unknown naming the file, code and citation', () => {
    const attempt = (): string =>
      crsFromGeoKeys(
        { GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: 2154, GTCitationGeoKey: 'RGF93 / Lambert-93' },
        'fr.tif',
      );
    expect(attempt).toThrowError(Invalid);
    expect(attempt).toThrowError(/fr\.tif: EPSG:2154 \("RGF93 \/ Lambert-93"\) is not a supported CRS/);
    try {
      attempt();
    } catch (error) {
      expect((error as Invalid).code).toBe('raster.crs_unknown');
    }
    expect(() => crsFromGeoKeys(null, 'bare.tif')).toThrowError(/bare\.tif: no CRS/);
  });
});

describe('UTM zones', () => {
  it('puts Vietnam in zones 48 and 49', () => {
    expect(utmZoneFor(105)).toBe(48);
    expect(utmZoneFor(107.999)).toBe(48);
    expect(utmZoneFor(108.5)).toBe(49);
    expect(utmZoneFor(-180)).toBe(1);
    expect(utmZoneFor(179.9)).toBe(60);
    expect(utmZoneFor(181)).toBe(1);
  });

  it('analyses Gia Lai (centre 108.35°E) in UTM 49N', () => {
    expect(analysisCrsFor([107.3, 12.9, 109.4, 14.6])).toBe(UTM_49N);
    expect(analysisCrsFor([-47, -24, -46, -23])).toBe('+proj=utm +zone=23 +south +datum=WGS84 +units=m +no_defs');
    expect(() => analysisCrsFor([109, 15, 108, 14])).toThrowError(/not \[west, south, east, north\]/);
  });
});
