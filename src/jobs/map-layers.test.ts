import { describe, expect, it } from 'vitest';
import { gridCornersLonLat } from '../engines/coverage/analysis-grid.js';
import { analysisCrsFor } from '../engines/coverage/raster/crs.js';
import type { GridSpec } from '../engines/coverage/raster/raster.js';
import { mapLayers, oneGridLayers } from './map-layers.js';

const zone48: GridSpec = {
  crs: analysisCrsFor([106, 16, 107, 17]),
  originX: 600_000,
  originY: 1_900_000,
  cellSizeM: 30,
  width: 1500,
  height: 1200,
};
const zone49: GridSpec = { ...zone48, crs: analysisCrsFor([108, 16, 109, 17]), originX: 200_000 };

describe('mapLayers', () => {
  it('names each grid of a run over several and places it by its own corners', () => {
    const layers = mapLayers(
      [
        { name: 'utm48', spec: zone48 },
        { name: 'utm49', spec: zone49 },
      ],
      256,
    );
    expect(layers.map((l) => l.grid)).toEqual(['utm48', 'utm49']);
    expect(layers[0]!.corners).toEqual(gridCornersLonLat(zone48));
    expect(layers[1]!.corners).toEqual(gridCornersLonLat(zone49));
    expect(layers[1]!.corners[0]![0]).toBeGreaterThan(108);
    expect(layers[0]!.corners[1]![0]).toBeLessThan(108);
  });

  it('gives the one grid of a run no name: its files keep the plain names', () => {
    expect(oneGridLayers(zone48, 256)).toEqual([{ grid: null, corners: gridCornersLonLat(zone48) }]);
  });

  it("follows the overview drawn: its last column and row reach past an odd grid's edge", () => {
    // 5,001 × 4,097 cells: the layer is the first overview, 2,501 × 2,049 pixels over 5,002 × 4,098 cells.
    const odd = { ...zone48, width: 5001, height: 4097 };
    const [layer] = oneGridLayers(odd, 256);
    expect(layer!.corners).toEqual(gridCornersLonLat({ ...odd, width: 5002, height: 4098 }));
    expect(layer!.corners[0]).toEqual(gridCornersLonLat(odd)[0]); // the top-left corner does not move
    expect(layer!.corners[2]).not.toEqual(gridCornersLonLat(odd)[2]);
  });
});
