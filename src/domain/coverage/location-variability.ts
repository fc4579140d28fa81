/**
 * Location variability: a predicted level is a median; real levels scatter around it with log-normal
 * shadowing (normal in dB, σ per environment). "Covered" can mean the median reaches the threshold, or that
 * the probability of reaching it is at least a target reliability (Ofcom counts a cell at 98 % for a call).
 */
import { z } from 'zod';
import type { Environment } from './site-record.js';

/** Standard deviation of shadowing (dB); 8 dB is the usual figure for macro cells (ITU-R P.1546 land paths use 5.5–8). */
export const DEFAULT_SHADOWING_SIGMA_DB = 8;
export const DEFAULT_RELIABILITY = 0.9;

export const CoverageCriterionSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('median') }),
    z.object({
      kind: z.literal('reliability'),
      reliability: z
        .number()
        .min(0.5)
        .max(0.9999)
        .default(DEFAULT_RELIABILITY)
        .describe('Target probability (0.5–0.9999) that the level reaches the threshold at a location'),
      sigmaDb: z
        .object({
          urban: z.number().min(0).max(20).default(DEFAULT_SHADOWING_SIGMA_DB),
          suburban: z.number().min(0).max(20).default(DEFAULT_SHADOWING_SIGMA_DB),
          rural: z.number().min(0).max(20).default(DEFAULT_SHADOWING_SIGMA_DB),
        })
        .prefault({})
        .describe('Shadowing standard deviation (dB) per site environment'),
    }),
  ])
  .describe("What 'covered' means: the median level reaches the threshold, or it does with the target reliability")
  .meta({ id: 'CoverageCriterion' });
export type CoverageCriterion = z.output<typeof CoverageCriterionSchema>;

export const MEDIAN_CRITERION: CoverageCriterion = { kind: 'median' };

/**
 * Inverse of the standard normal CDF (the z for which Φ(z) = p), 0 < p < 1. Acklam's rational
 * approximation: relative error below 1.2·10⁻⁹, far finer than any σ in dB needs.
 */
export function inverseNormalCdf(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    throw new RangeError(`inverseNormalCdf: p must lie in [0, 1], got ${p}`);
  }
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416]; // prettier-ignore
  const low = 0.02425;
  const tail = (q: number) =>
    (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
    ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  if (p < low) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - low) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

/** Φ(z), the standard normal CDF. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Complementary error function (Numerical Recipes' Chebyshev fit, fractional error below 1.2·10⁻⁷). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z - 1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 +
        t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    ); // prettier-ignore
  return x >= 0 ? r : 2 - r;
}

/** How far above the threshold the median level must be (dB) for a cell of a site in `environment` to count as covered. */
export function requiredMarginDb(criterion: CoverageCriterion, environment: Environment): number {
  if (criterion.kind === 'median') return 0;
  return criterion.sigmaDb[environment] * inverseNormalCdf(criterion.reliability);
}

/**
 * The per-cell test: the median level's margin over the threshold is at least σ·z(reliability), i.e.
 * P(level ≥ threshold) ≥ reliability under normal shadowing in dB. NaN (no signal) is never covered.
 */
export function isCoveredWithMargin(levelDbm: number, thresholdDbm: number, requiredMarginDbValue: number): boolean {
  return levelDbm - thresholdDbm >= requiredMarginDbValue;
}

/** Probability that the level at a location reaches the threshold, given the median's margin over it. */
export function locationProbability(marginDb: number, sigmaDb: number): number {
  if (sigmaDb === 0) return marginDb >= 0 ? 1 : 0;
  return normalCdf(marginDb / sigmaDb);
}

/** A short label shown with each computed figure: "median" or "90 % of locations (σ 8 dB)". */
export function describeCriterion(criterion: CoverageCriterion): string {
  if (criterion.kind === 'median') return 'median level ≥ threshold';
  const sigmas = [...new Set(Object.values(criterion.sigmaDb))];
  const sigma =
    sigmas.length === 1
      ? `σ ${sigmas[0]} dB`
      : `σ ${criterion.sigmaDb.urban}/${criterion.sigmaDb.suburban}/${criterion.sigmaDb.rural} dB (urban/suburban/rural)`;
  return `≥ ${Math.round(criterion.reliability * 1000) / 10} % of locations, ${sigma}`;
}
