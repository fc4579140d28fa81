import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Technology } from '../domain/coverage/technology.js';
import { uncoveredHotspots, type Hotspot } from '../engines/coverage/hotspots.js';
import type { PreparedCoverage } from './coverage-inputs.js';

type Inputs = Pick<PreparedCoverage, 'grid' | 'population' | 'zones' | 'unitCodes' | 'technologies' | 'params'>;

/**
 * GeoJSON (WGS 84) of the populated places a technology does not reach: every block of about 1 km with
 * uncovered residents, per unit, as a point at the block's centre with the number of people.
 */
export function uncoveredPlacesGeoJson(
  inputs: Inputs,
  tech: Technology,
  level: Float32Array,
  blockM = 1000,
): { type: 'FeatureCollection'; features: unknown[] } {
  const threshold = inputs.params.thresholdsDbm[tech];
  const places = uncoveredHotspots(
    inputs.grid,
    inputs.population,
    inputs.zones,
    inputs.unitCodes,
    (cell) => level[cell]! >= threshold,
    { blockM, perUnit: Number.POSITIVE_INFINITY, minPeople: 1 },
  );
  return placesGeoJson(places, tech, threshold, blockM);
}

/** Uncovered places (blocks with their people) as a GeoJSON FeatureCollection of points. */
export function placesGeoJson(
  places: readonly Hotspot[],
  tech: Technology,
  thresholdDbm: number,
  blockM = 1000,
): { type: 'FeatureCollection'; features: unknown[] } {
  return {
    type: 'FeatureCollection',
    features: places.map((place) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [place.lon, place.lat] },
      properties: {
        unit: place.unit,
        people: place.people,
        technology: tech,
        threshold_dbm: thresholdDbm,
        block_m: blockM,
      },
    })),
  };
}

/** Writes uncovered-<tech>.geojson per technology into a run's folder; returns the file names. */
export function writeUncoveredPlaces(
  folder: string,
  inputs: Inputs,
  bestSignalDbm: Partial<Record<Technology, Float32Array>>,
): string[] {
  return inputs.technologies.flatMap((tech) => {
    const level = bestSignalDbm[tech];
    if (!level) return [];
    const file = `uncovered-${tech}.geojson`;
    writeFileSync(join(folder, file), `${JSON.stringify(uncoveredPlacesGeoJson(inputs, tech, level))}\n`);
    return [file];
  });
}
