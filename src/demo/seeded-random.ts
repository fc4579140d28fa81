/**
 * Deterministic pseudo-random numbers for the synthetic demo data (never Math.random).
 * mulberry32: a tiny 32-bit generator, good enough for placing points.
 */
import { mulberry32 as seededGenerator } from '../domain/seeded-random.js';

export type Random = () => number;

/** Returns a generator of floats in [0, 1) fully determined by `seed`. */
export function mulberry32(seed: number): Random {
  return seededGenerator(seed);
}

/** Uniform float in [min, max). */
export function uniform(random: Random, min: number, max: number): number {
  return min + (max - min) * random();
}

/** Uniform integer in [0, n). */
export function randomIndex(random: Random, n: number): number {
  return Math.min(n - 1, Math.floor(random() * n));
}
