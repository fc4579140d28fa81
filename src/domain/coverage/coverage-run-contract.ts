/**
 * What the coverage API answers about a run (`GET /api/coverage/runs/{id}` and each entry of
 * `GET /api/coverage/runs`): shared by the server, which stores and sends it, and the web app.
 */
import type { Technology } from './technology.js';

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** Per unit: its people on the model's grid and, per technology, how many of them are covered. */
export interface UnitCoverage {
  unit: string;
  population: number;
  covered: Partial<Record<Technology, number>>;
}

/** A place where uncovered people live: the unit it lies in, how many people, where (WGS 84). */
export interface CoverageHotspot {
  unit: string;
  people: number;
  lon: number;
  lat: number;
}

export interface CoverageResult {
  units: UnitCoverage[];
  /** The root unit's totals, the same sums over its units. */
  total: UnitCoverage;
  technologies: Technology[];
  /** Where uncovered people live, per technology (largest first). */
  hotspots?: Partial<Record<Technology, CoverageHotspot[]>>;
  /** WGS 84 corners of the output rasters (top-left, top-right, bottom-right, bottom-left), for a map overlay. */
  corners?: [number, number][];
}

export interface CoverageRun {
  id: string;
  status: RunStatus;
  rootUnit: string;
  /** The month the computed values are written for, e.g. '2025-12'. */
  period: string;
  params: Record<string, unknown>;
  /** Input fingerprints; the demo scenario's start with 'demo:'. */
  inputs: Record<string, string>;
  tilesTotal: number;
  tilesDone: number;
  error: string | null;
  result: CoverageResult | null;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}
