/**
 * Deterministic noise in [0, 1) for any tuple of small integers. A hash rather than a stream
 * generator: every value can be recomputed on its own (the import file of 2026, the reference
 * COPY of the same rows) without replaying the 14 million before it.
 */

/** MurmurHash3's 32-bit finaliser: every input bit flips about half the output bits. */
function fmix32(input: number): number {
  let h = input >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function noise(seed: number, ...parts: number[]): number {
  let h = fmix32(seed ^ 0x9e3779b9);
  for (const part of parts) h = fmix32(h ^ Math.imul(part + 1, 0x27d4eb2f));
  return h / 4294967296;
}
