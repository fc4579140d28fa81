import { formatRowError, type RowError } from '../row-error.js';

/**
 * A RowError whose `field` is 'value' for a bad cell and 'row' for a whole-row problem. In a GeoJSON
 * file (`location: 'feature'`) `row` is the feature index + 1 and `column` the property name (or 'geometry').
 */
export interface SiteError extends RowError {
  location: 'row' | 'feature';
}

/** `sites.csv, row 4, column "Độ cao anten": "-5" is …`, or `sites.geojson, feature 12 (features[11]), property "height": …` */
export function formatSiteError(e: SiteError): string {
  if (e.location === 'row') return formatRowError(e);
  const where = [e.file, `feature ${e.row} (features[${e.row - 1}])`, e.column ? `property "${e.column}"` : null];
  const subject = e.value !== '' ? `"${e.value}"` : e.field === 'row' ? 'the feature' : 'the property';
  return `${where.filter((p) => p !== null).join(', ')}: ${subject} ${e.reason}`;
}
