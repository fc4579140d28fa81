import { describe, expect, it } from 'vitest';
import { readExcludedAreas } from './read-excluded-areas.js';

const file = (document: unknown, name = 'vung-cam.geojson') => ({
  name,
  bytes: new TextEncoder().encode(typeof document === 'string' ? document : JSON.stringify(document)),
});
const ring = [
  [107.5, 13.9],
  [107.6, 13.9],
  [107.6, 14.0],
  [107.5, 13.9],
];

describe('reading excluded areas', () => {
  it('reads a collection of polygons with their names, and a bare geometry', () => {
    const read = readExcludedAreas(
      file({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { ten: 'Vườn quốc gia Kon Ka Kinh' },
            geometry: { type: 'Polygon', coordinates: [ring] },
          },
          { type: 'Feature', properties: null, geometry: { type: 'MultiPolygon', coordinates: [[ring], [ring]] } },
        ],
      }),
    );
    expect(read).toMatchObject({ ok: true, areas: [{ name: 'Vườn quốc gia Kon Ka Kinh' }, { name: '' }] });
    expect(readExcludedAreas(file({ type: 'Polygon', coordinates: [ring] }))).toMatchObject({ ok: true });
  });

  it('names every bad feature by its number, and refuses what is not GeoJSON', () => {
    const read = readExcludedAreas(
      file({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [107.5, 13.9] } },
          { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[107.5, 95], ...ring]] } },
          { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } },
        ],
      }),
    );
    expect(read.ok).toBe(false);
    expect(!read.ok && read.errors.map((e) => [e.feature, e.message])).toEqual([
      [1, 'a Point, not a Polygon or MultiPolygon'],
      [2, expect.stringMatching(/^geometry\.coordinates\.0\.0\.1: /)],
    ]);
    expect(readExcludedAreas(file('{"type": '))).toMatchObject({ ok: false, errors: [{ feature: 0 }] });
    expect(readExcludedAreas(file({ type: 'FeatureCollection', features: [] }))).toMatchObject({
      ok: false,
      errors: [{ message: 'no area in the file' }],
    });
  });
});
