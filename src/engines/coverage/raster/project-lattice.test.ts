import { describe, expect, it } from 'vitest';
import { transformer, UTM_48N, UTM_49N, VN2000_TM3, WGS84 } from './crs.js';
import { projectLattice } from './project-lattice.js';

function worstErrorM(
  fromCrs: string,
  toCrs: string,
  lattice: Parameters<typeof projectLattice>[2],
  step?: number,
): number {
  const { xs, ys } = projectLattice(fromCrs, toCrs, lattice, step);
  const { forward } = transformer(fromCrs, toCrs);
  let worst = 0;
  for (let j = 0; j < lattice.ny; j += 7) {
    for (let i = 0; i < lattice.nx; i += 5) {
      const [x, y] = forward(lattice.x0 + i * lattice.dx, lattice.y0 + j * lattice.dy);
      const k = j * lattice.nx + i;
      worst = Math.max(worst, Math.hypot(xs[k]! - x, ys[k]! - y));
    }
  }
  return worst;
}

describe('projectLattice', () => {
  it('stays within a millimetre of proj4 for a 30 m grid, UTM 49N → VN-2000 TM-3', () => {
    // 300 × 300 cells of 30 m near Pleiku, anchors every 16 cells (480 m).
    const lattice = { x0: 800000, y0: 1560000, dx: 30, dy: -30, nx: 300, ny: 300 };
    expect(worstErrorM(UTM_49N, VN2000_TM3(108.5), lattice)).toBeLessThan(0.001);
  });

  it('stays within a millimetre across a zone boundary (UTM 48N grid east of 108°E)', () => {
    const lattice = { x0: 780000, y0: 1560000, dx: 30, dy: -30, nx: 200, ny: 200 };
    expect(worstErrorM(UTM_48N, UTM_49N, lattice)).toBeLessThan(0.001);
  });

  it('stays within a millimetre from 3″ WGS 84 pixels to UTM', () => {
    const arcSec = 1 / 1200;
    const lattice = { x0: 107.5, y0: 14.5, dx: arcSec, dy: -arcSec, nx: 400, ny: 400 };
    expect(worstErrorM(WGS84, UTM_49N, lattice)).toBeLessThan(0.001);
    // With anchors every 16 pixels (1.5 km) it drifts to about a centimetre.
    expect(worstErrorM(WGS84, UTM_49N, lattice, 16)).toBeLessThan(0.02);
  });

  it('is exact in the same CRS', () => {
    const { xs, ys } = projectLattice(UTM_49N, UTM_49N, { x0: 10, y0: 20, dx: 2, dy: -3, nx: 3, ny: 2 });
    expect([...xs]).toEqual([10, 12, 14, 10, 12, 14]);
    expect([...ys]).toEqual([20, 20, 20, 17, 17, 17]);
  });
});
