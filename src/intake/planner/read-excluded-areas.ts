/**
 * Areas no new mast may stand in, from a GeoJSON file (a FeatureCollection, one Feature or a bare geometry) of
 * Polygons and MultiPolygons: each named by its `name` (or `ten`) property. Every bad feature is reported by its
 * number; nothing is returned unless the whole file is good.
 */
import { ExcludedAreaSchema, type ExcludedArea } from '../../domain/planner/plan-settings.js';

export interface ExcludedAreaError {
  file: string;
  /** 1-based; 0 for the file as a whole. */
  feature: number;
  message: string;
}

export type ReadExcludedAreas = { ok: true; areas: ExcludedArea[] } | { ok: false; errors: ExcludedAreaError[] };

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

/** The features of the document: a collection's, a feature alone, or a geometry as a feature without a name. */
function featuresOf(document: Json): unknown[] | null {
  if (document.type === 'FeatureCollection') return Array.isArray(document.features) ? document.features : null;
  if (document.type === 'Feature') return [document];
  if (document.type === 'Polygon' || document.type === 'MultiPolygon') return [{ geometry: document }];
  return null;
}

export function readExcludedAreas(file: { name: string; bytes: Uint8Array }): ReadExcludedAreas {
  const whole = (message: string): ReadExcludedAreas => ({
    ok: false,
    errors: [{ file: file.name, feature: 0, message }],
  });
  let document: unknown;
  try {
    document = JSON.parse(new TextDecoder().decode(file.bytes));
  } catch (error) {
    return whole(`not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const features = isObject(document) ? featuresOf(document) : null;
  if (!features) return whole('not GeoJSON: a FeatureCollection, a Feature or a Polygon/MultiPolygon is needed');
  if (features.length === 0) return whole('no area in the file');
  const errors: ExcludedAreaError[] = [];
  const areas: ExcludedArea[] = [];
  features.forEach((feature, at) => {
    const fail = (message: string) => errors.push({ file: file.name, feature: at + 1, message });
    if (!isObject(feature) || !isObject(feature.geometry)) return fail('no geometry');
    const type = feature.geometry.type;
    if (type !== 'Polygon' && type !== 'MultiPolygon') return fail(`a ${String(type)}, not a Polygon or MultiPolygon`);
    const properties = isObject(feature.properties) ? feature.properties : {};
    const name = properties.name ?? properties.ten ?? properties.Name ?? '';
    const parsed = ExcludedAreaSchema.safeParse({ name: String(name), geometry: feature.geometry });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return fail(`${issue.path.join('.')}: ${issue.message}`);
    }
    areas.push(parsed.data);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, areas };
}

export function formatExcludedAreaError(error: ExcludedAreaError): string {
  return error.feature === 0
    ? `${error.file}: ${error.message}`
    : `${error.file} feature ${error.feature}: ${error.message}`;
}
