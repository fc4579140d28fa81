import type { PlanResult, PlannedSite } from '../../domain/planner/plan-contract.js';
import { csvCell, xmlText } from '../../domain/text-escape.js';

/** The columns of every export, in order: what the partner's engineers need to site and build. */
const COLUMNS: { name: string; of: (site: PlannedSite) => string | number | boolean | null }[] = [
  { name: 'order', of: (s) => s.order },
  { name: 'code', of: (s) => s.code },
  { name: 'year', of: (s) => s.year },
  { name: 'source', of: (s) => s.source },
  { name: 'mandatory', of: (s) => s.mandatory },
  { name: 'lon', of: (s) => s.lon },
  { name: 'lat', of: (s) => s.lat },
  { name: 'unit', of: (s) => s.unit },
  { name: 'cost', of: (s) => s.cost },
  { name: 'gain', of: (s) => Math.round(s.gain * 100) / 100 },
];

/** UTF-8 CSV, one row per chosen site in build order (a BOM so that spreadsheet programs read Vietnamese). */
export function planSitesCsv(result: PlanResult): string {
  const lines = [COLUMNS.map((c) => c.name).join(',')];
  for (const site of result.sites) lines.push(COLUMNS.map((c) => csvCell(c.of(site))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** GeoJSON points (WGS 84), one per chosen site, with the same fields as the CSV and the plan's figures on the collection. */
export function planSitesGeoJson(result: PlanResult, name: string) {
  return {
    type: 'FeatureCollection' as const,
    name,
    plan: { objective: result.objective, upperBound: result.upperBound, gap: result.gap, projection: true },
    features: result.sites.map((site) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [site.lon, site.lat] },
      properties: Object.fromEntries(COLUMNS.map((c) => [c.name, c.of(site)])),
    })),
  };
}

/** KML 2.2 placemarks named by build order and code, with the same fields as extended data. */
export function planSitesKml(result: PlanResult, name: string): string {
  const placemarks = result.sites.map((site) => {
    const data = COLUMNS.map(
      (c) => `<Data name="${c.name}"><value>${xmlText(String(c.of(site) ?? ''))}</value></Data>`,
    ).join('');
    return [
      '    <Placemark>',
      `      <name>${xmlText(`${site.order}. ${site.code}`)}</name>`,
      `      <ExtendedData>${data}</ExtendedData>`,
      `      <Point><coordinates>${site.lon},${site.lat},0</coordinates></Point>`,
      '    </Placemark>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<kml xmlns="http://www.opengis.net/kml/2.2">',
    '  <Document>',
    `    <name>${xmlText(name)}</name>`,
    ...placemarks,
    '  </Document>',
    '</kml>',
    '',
  ].join('\n');
}
