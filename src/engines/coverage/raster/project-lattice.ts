import { isGeographic, transformer } from './crs.js';

/** Regular points x = x0 + i·dx (i < nx), y = y0 + j·dy (j < ny), stored row by row (j outer). */
export interface Lattice {
  x0: number;
  y0: number;
  dx: number;
  dy: number;
  nx: number;
  ny: number;
}

/**
 * Every `step`-th lattice point (and the last row and column) goes through proj4; the points between
 * are interpolated bilinearly from those anchors. The default step keeps anchors ≤ ~500 m apart (at
 * most 16 points), over which TM, UTM and the VN-2000 shift bend so little that interpolation stays
 * within a millimetre (project-lattice.test.ts measures it; 1.5 km spans reach ~1 cm), while a 30 m
 * grid needs ~250× fewer proj4 calls. Points proj4 cannot place come out NaN.
 */
export function projectLattice(
  fromCrs: string,
  toCrs: string,
  lattice: Lattice,
  step = defaultStep(fromCrs, lattice),
): { xs: Float64Array; ys: Float64Array } {
  const { x0, y0, dx, dy, nx, ny } = lattice;
  const xs = new Float64Array(nx * ny);
  const ys = new Float64Array(nx * ny);
  if (fromCrs === toCrs) {
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        xs[j * nx + i] = x0 + i * dx;
        ys[j * nx + i] = y0 + j * dy;
      }
    }
    return { xs, ys };
  }
  const { forward } = transformer(fromCrs, toCrs);
  const anchorsOf = (n: number): number[] => {
    const anchors: number[] = [];
    for (let i = 0; i < n - 1; i += step) anchors.push(i);
    anchors.push(n - 1);
    return anchors;
  };
  const ai = anchorsOf(nx);
  const aj = anchorsOf(ny);
  const ax = new Float64Array(ai.length * aj.length);
  const ay = new Float64Array(ai.length * aj.length);
  aj.forEach((j, b) => {
    ai.forEach((i, a) => {
      const [x, y] = forward(x0 + i * dx, y0 + j * dy);
      ax[b * ai.length + a] = Number.isFinite(x) ? x : NaN;
      ay[b * ai.length + a] = Number.isFinite(y) ? y : NaN;
    });
  });
  for (let b = 0; b < aj.length; b++) {
    const jLo = aj[b]!;
    const jHi = aj[Math.min(b + 1, aj.length - 1)]!;
    for (let j = jLo; j <= jHi; j++) {
      const v = jHi === jLo ? 0 : (j - jLo) / (jHi - jLo);
      for (let a = 0; a < ai.length; a++) {
        const iLo = ai[a]!;
        const iHi = ai[Math.min(a + 1, ai.length - 1)]!;
        const aHi = Math.min(a + 1, ai.length - 1);
        const bHi = Math.min(b + 1, aj.length - 1);
        const k00 = b * ai.length + a;
        const k10 = b * ai.length + aHi;
        const k01 = bHi * ai.length + a;
        const k11 = bHi * ai.length + aHi;
        for (let i = iLo; i <= iHi; i++) {
          const u = iHi === iLo ? 0 : (i - iLo) / (iHi - iLo);
          const w00 = (1 - u) * (1 - v);
          const w10 = u * (1 - v);
          const w01 = (1 - u) * v;
          const w11 = u * v;
          xs[j * nx + i] = w00 * ax[k00]! + w10 * ax[k10]! + w01 * ax[k01]! + w11 * ax[k11]!;
          ys[j * nx + i] = w00 * ay[k00]! + w10 * ay[k10]! + w01 * ay[k01]! + w11 * ay[k11]!;
        }
      }
    }
  }
  return { xs, ys };
}

function defaultStep(fromCrs: string, lattice: Lattice): number {
  const spacingM = Math.max(Math.abs(lattice.dx), Math.abs(lattice.dy)) * (isGeographic(fromCrs) ? 111_320 : 1);
  return Math.max(1, Math.min(16, Math.floor(512 / spacingM) || 1));
}
