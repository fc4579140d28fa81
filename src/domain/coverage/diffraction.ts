import { STANDARD_K_FACTOR } from './earth-curvature.js';
import { pathGeometry, type PathGeometry, type TerrainProfile } from './terrain-profile.js';

export type { TerrainProfile } from './terrain-profile.js';
export { lineOfSight, type LineOfSight } from './line-of-sight.js';

/** Below ν = −0.78 the knife-edge loss is taken as 0 (ITU-R P.526, J(ν) approximation). */
export const KNIFE_EDGE_MIN_V = -0.78;

/** Wavelength (m) from MHz: c = 299.792458 m·MHz. */
export function wavelengthM(frequencyMhz: number): number {
  return 299.792458 / frequencyMhz;
}

/** Fresnel–Kirchhoff parameter ν = h·√(2d/(λ·d1·d2)) (ITU-R P.526); h > 0 above the ray, < 0 below. */
export function fresnelKirchhoffV(heightAboveLosM: number, d1M: number, d2M: number, wavelengthM: number): number {
  return heightAboveLosM * Math.sqrt((2 * (d1M + d2M)) / (wavelengthM * d1M * d2M));
}

/** Single knife-edge loss J(ν) = 6.9 + 20·log10(√((ν−0.1)² + 1) + ν − 0.1) for ν > −0.78, else 0 (ITU-R P.526). */
export function knifeEdgeLossDb(v: number): number {
  if (v <= KNIFE_EDGE_MIN_V) return 0;
  const u = v - 0.1;
  return 6.9 + 20 * Math.log10(Math.sqrt(u * u + 1) + u);
}

/** ν of point i against the straight ray from point a to point b (a < i < b). */
function vAgainst(g: PathGeometry, i: number, a: number, b: number, lambdaM: number): number {
  const d1 = g.x[i]! - g.x[a]!;
  const d2 = g.x[b]! - g.x[i]!;
  const rayZ = g.z[a]! + ((g.z[b]! - g.z[a]!) * d1) / (d1 + d2);
  return fresnelKirchhoffV(g.z[i]! - rayZ, d1, d2, lambdaM);
}

/** The interior point of (a, b) with the largest ν, or index −1 when there is none. */
function mainEdge(g: PathGeometry, a: number, b: number, lambdaM: number): { index: number; v: number } {
  let index = -1;
  let v = -Infinity;
  for (let i = a + 1; i < b; i++) {
    const vi = vAgainst(g, i, a, b, lambdaM);
    if (vi > v) {
      v = vi;
      index = i;
    }
  }
  return { index, v };
}

/**
 * Bullington (as in ITU-R P.526's delta-Bullington): one equivalent edge where the steepest ray from the
 * transmitter meets the steepest ray from the receiver; on a line-of-sight path, the point of largest ν.
 * Optimistic on several obstacles; exact for a single one.
 */
export function bullingtonLossDb(
  profile: TerrainProfile,
  txHeightM: number,
  rxHeightM: number,
  frequencyMhz: number,
  k: number = STANDARD_K_FACTOR,
): number {
  const g = pathGeometry(profile, txHeightM, rxHeightM, k);
  const n = g.x.length;
  const lambdaM = wavelengthM(frequencyMhz);
  const d = g.lengthM;
  const zt = g.z[0]!;
  const zr = g.z[n - 1]!;
  if (n < 3) return 0;
  let sTx = -Infinity; // steepest slope seen from the transmitter
  let sRx = -Infinity; // and from the receiver, looking back
  for (let i = 1; i < n - 1; i++) {
    sTx = Math.max(sTx, (g.z[i]! - zt) / g.x[i]!);
    sRx = Math.max(sRx, (g.z[i]! - zr) / (d - g.x[i]!));
  }
  if (sTx <= (zr - zt) / d) return knifeEdgeLossDb(mainEdge(g, 0, n - 1, lambdaM).v); // no obstacle cuts the ray
  const dEdge = (zr - zt + sRx * d) / (sTx + sRx); // where the two rays cross
  const heightAboveRay = zt + sTx * dEdge - (zt * (d - dEdge) + zr * dEdge) / d;
  return knifeEdgeLossDb(fresnelKirchhoffV(heightAboveRay, dEdge, d - dEdge, lambdaM));
}

interface Edge {
  index: number;
  /** ν against the ray between the ends of the span it was picked in (Deygout's construction). */
  v: number;
}

/**
 * Deygout's edges, at most `maxEdges`: the main edge (largest ν) over the whole path, then, among the
 * spans on either side of the edges so far, always the span whose own main edge has the largest ν.
 * Edges with ν ≤ −0.78 add nothing and end the search in their span.
 */
function deygoutEdges(g: PathGeometry, lambdaM: number, maxEdges: number): Edge[] {
  const edges: Edge[] = [];
  const spans: { a: number; b: number; edge: Edge }[] = [];
  const open = (a: number, b: number) => {
    const edge = mainEdge(g, a, b, lambdaM);
    if (edge.index >= 0 && edge.v > KNIFE_EDGE_MIN_V) spans.push({ a, b, edge });
  };
  open(0, g.x.length - 1);
  while (edges.length < maxEdges && spans.length > 0) {
    let best = 0;
    for (let s = 1; s < spans.length; s++) if (spans[s]!.edge.v > spans[best]!.edge.v) best = s;
    const { a, b, edge } = spans.splice(best, 1)[0]!;
    edges.push(edge);
    open(a, edge.index);
    open(edge.index, b);
  }
  return edges;
}

/** Deygout: Σ J(ν) of the main edge and, recursively, the main edges on each side, ≤ maxEdges. Pessimistic. */
export function deygoutLossDb(
  profile: TerrainProfile,
  txHeightM: number,
  rxHeightM: number,
  frequencyMhz: number,
  k: number = STANDARD_K_FACTOR,
  maxEdges = 3,
): number {
  const g = pathGeometry(profile, txHeightM, rxHeightM, k);
  let lossDb = 0;
  for (const edge of deygoutEdges(g, wavelengthM(frequencyMhz), maxEdges)) lossDb += knifeEdgeLossDb(edge.v);
  return lossDb;
}

/**
 * Epstein–Peterson: each edge's J(ν) against the ray between its neighbouring edges (or the antennas),
 * summed. It uses the same edges as Deygout (≤ maxEdges), so the two differ only in how they add up: on a
 * densely sampled profile every hull vertex would otherwise count as an edge of about 6 dB.
 */
export function epsteinPetersonLossDb(
  profile: TerrainProfile,
  txHeightM: number,
  rxHeightM: number,
  frequencyMhz: number,
  k: number = STANDARD_K_FACTOR,
  maxEdges = 3,
): number {
  const g = pathGeometry(profile, txHeightM, rxHeightM, k);
  const lambdaM = wavelengthM(frequencyMhz);
  const chain = [0, ...deygoutEdges(g, lambdaM, maxEdges).map((e) => e.index), g.x.length - 1].sort((p, q) => p - q);
  let lossDb = 0;
  for (let j = 1; j < chain.length - 1; j++) {
    lossDb += knifeEdgeLossDb(vAgainst(g, chain[j]!, chain[j - 1]!, chain[j + 1]!, lambdaM));
  }
  return lossDb;
}
