// TEMPORARY shim until the streaming writer lands: gathers blocks and writes with writeGeoTiffFile.
import { rmSync } from 'node:fs';
import { writeGeoTiffFile } from './write-geotiff.js';
import type { GeoTransform } from './raster.js';
import type { OverviewResampling } from './cog-tiles.js';
export interface CogStreamOptions {
  width: number;
  height: number;
  crs: string | number;
  transform: GeoTransform;
  noData: number | null;
  description?: string;
  unit?: string;
  metadata?: Record<string, string>;
  overviews?: OverviewResampling;
  sampleType: 'float32' | 'uint16' | 'uint8' | 'int16';
  blockCells?: number;
}
export interface CogStreamWriter {
  writeBlock(bx: number, by: number, data: Float32Array | Uint16Array): Promise<void>;
  finish(): Promise<void>;
  abort(): Promise<void>;
}
export function openCogStream(path: string, o: CogStreamOptions): CogStreamWriter {
  const data = o.sampleType === 'float32' ? new Float32Array(o.width * o.height) : new Uint16Array(o.width * o.height);
  const b = o.blockCells ?? 2048;
  return {
    async writeBlock(bx, by, block) {
      const w = Math.min(b, o.width - bx * b);
      const h = Math.min(b, o.height - by * b);
      for (let r = 0; r < h; r++) data.set(block.subarray(r * w, r * w + w), (by * b + r) * o.width + bx * b);
    },
    async finish() {
      writeGeoTiffFile(path, { ...o, data });
    },
    async abort() {
      rmSync(path, { force: true });
    },
  };
}
