import type { TableRow } from '../uploaded-table.js';

/** A CSV/XLSX table or a GeoJSON FeatureCollection, as rows of cells under one header. */
export interface SiteRow extends TableRow {
  /** GeoJSON only: the Point's coordinates as written, or null when the geometry is unusable. */
  point?: readonly [number, number] | null;
  /** GeoJSON only: not a Feature at all (already reported), so its properties are not checked. */
  unusable?: boolean;
}

export interface SiteTable {
  format: 'csv' | 'xlsx' | 'geojson';
  file: string;
  sheet: string | null;
  header: string[];
  rows: SiteRow[];
  /** GeoJSON whose `crs` is not WGS 84: the points go through `toWgs84`. */
  projected: boolean;
}
