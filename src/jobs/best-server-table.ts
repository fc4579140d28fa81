/**
 * The site table of a best-server raster: which site each pixel value (a site index) stands for, as a
 * CSV beside the GeoTIFF for spreadsheets and as a GDAL raster attribute table (<tif>.aux.xml) that
 * QGIS and gdalinfo show with the raster.
 */
import type { SiteRecord } from '../domain/coverage/site-record.js';
import type { Technology } from '../domain/coverage/technology.js';
import { csvCell, xmlText } from '../domain/text-escape.js';

export interface BestServerRow {
  index: number;
  siteCode: string;
  sector: string;
  /** Not in the site files yet: '' until they carry one. */
  operator: string;
  technology: Technology;
  bandMhz: number;
  lon: number;
  lat: number;
}

type Column = {
  name: string;
  type: 'integer' | 'real' | 'string';
  usage?: 'name' | 'value';
  of: (r: BestServerRow) => string | number;
};

const COLUMNS: readonly Column[] = [
  { name: 'index', type: 'integer', usage: 'value', of: (r) => r.index },
  { name: 'site_code', type: 'string', usage: 'name', of: (r) => r.siteCode },
  { name: 'sector', type: 'string', of: (r) => r.sector },
  { name: 'operator', type: 'string', of: (r) => r.operator },
  { name: 'technology', type: 'string', of: (r) => r.technology },
  { name: 'band_mhz', type: 'real', of: (r) => r.bandMhz },
  { name: 'lon', type: 'real', of: (r) => r.lon },
  { name: 'lat', type: 'real', of: (r) => r.lat },
];

/** The sites of one technology with the index the best-server raster stores for them. */
export function bestServerRows(sites: readonly SiteRecord[], technology: Technology): BestServerRow[] {
  return sites.flatMap((site, index) =>
    site.technology === technology
      ? [
          {
            index,
            siteCode: site.siteCode,
            sector: site.sector,
            operator: '',
            technology,
            bandMhz: site.bandMhz,
            lon: site.lon,
            lat: site.lat,
          },
        ]
      : [],
  );
}

export function bestServerCsv(rows: readonly BestServerRow[]): string {
  const lines = [COLUMNS.map((c) => c.name).join(',')];
  for (const row of rows) lines.push(COLUMNS.map((c) => csvCell(c.of(row))).join(','));
  return `${lines.join('\n')}\n`;
}

// GDAL's GDALRATFieldType and GDALRATFieldUsage codes.
const FIELD_TYPE = { integer: 0, real: 1, string: 2 } as const;
const FIELD_USAGE = { generic: 0, name: 2, value: 5 } as const; // 5 = GFU_MinMax: the row's single pixel value

/** The PAM side file GDAL reads as the band's raster attribute table (write it as `<file>.aux.xml`). */
export function bestServerAuxXml(rows: readonly BestServerRow[]): string {
  const fields = COLUMNS.map(
    (c, i) =>
      `      <FieldDefn index="${i}"><Name>${c.name}</Name><Type>${FIELD_TYPE[c.type]}</Type><Usage>${FIELD_USAGE[c.usage ?? 'generic']}</Usage></FieldDefn>`,
  );
  const body = rows.map(
    (row, i) => `      <Row index="${i}">${COLUMNS.map((c) => `<F>${xmlText(c.of(row))}</F>`).join('')}</Row>`,
  );
  return [
    '<PAMDataset>',
    '  <PAMRasterBand band="1">',
    '    <GDALRasterAttributeTable tableType="thematic">',
    ...fields,
    ...body,
    '    </GDALRasterAttributeTable>',
    '  </PAMRasterBand>',
    '</PAMDataset>',
    '',
  ].join('\n');
}
