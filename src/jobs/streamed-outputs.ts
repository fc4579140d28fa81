import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCogStream, type CogStreamWriter } from '../engines/coverage/raster/cog-stream.js';
import { DEFAULT_TILE_SIZE } from '../engines/coverage/raster/geotiff-tags.js';
import { gridTransform } from '../engines/coverage/raster/raster.js';
import { gridFileSuffix } from '../domain/coverage/grid-files.js';
import type { RunTile } from '../engines/coverage/run-grids.js';
import type { WindowTileOutcome } from '../engines/coverage/predict/window-tile.js';
import type { Hotspot } from '../engines/coverage/hotspots.js';
import type { Technology } from '../domain/coverage/technology.js';
import { bestServerAuxXml, bestServerCsv, bestServerRows } from './best-server-table.js';
import type { StreamedRunInputs } from './streamed-inputs.js';
import { placesGeoJson } from './uncovered-places.js';
import { NO_SERVER, serverBand, serverIndices, signalBand } from './coverage-outputs.js';

interface GridWriters {
  signal: CogStreamWriter;
  server: CogStreamWriter;
}

/** A run's output file names: one grid keeps the plain names, several add the grid's name. */
export function rasterNames(tech: Technology, gridName: string, grids: number) {
  const suffix = gridFileSuffix(grids > 1 ? gridName : null);
  return { signal: `signal-${tech}${suffix}.tif`, server: `best-server-${tech}${suffix}.tif` };
}

/** COG tiles of 256 pixels, or the whole block when a run's tiles are smaller (a power of two either way). */
export const cogTileSize = (tileCells: number): number => Math.min(DEFAULT_TILE_SIZE, tileCells);

/**
 * The output files of a streamed run, written as its tiles arrive: per grid and technology the best level and
 * best server as Cloud-Optimised GeoTIFFs (each tile one block of the stream writer), then at the end the site
 * tables and the uncovered places. Tiles no unit touches are written as no-data.
 */
export class StreamedOutputs {
  private readonly writers: Map<string, GridWriters>[];

  constructor(
    private readonly folder: string,
    private readonly run: StreamedRunInputs,
  ) {
    mkdirSync(folder, { recursive: true });
    const grids = run.plan.grids;
    this.writers = grids.map((grid) => {
      const raster = {
        width: grid.spec.width,
        height: grid.spec.height,
        crs: grid.spec.crs,
        transform: gridTransform(grid.spec),
        blockCells: run.params.tileCells,
        tileSize: cogTileSize(run.params.tileCells),
      };
      const byTech = new Map<string, GridWriters>();
      for (const tech of run.technologies) {
        const names = rasterNames(tech, grid.name, grids.length);
        byTech.set(tech, {
          signal: openCogStream(join(folder, names.signal), { ...raster, ...signalBand(tech), sampleType: 'float32' }),
          server: openCogStream(join(folder, names.server), { ...raster, ...serverBand(tech), sampleType: 'uint16' }),
        });
      }
      return byTech;
    });
  }

  async addTile(tile: RunTile, outcome: WindowTileOutcome): Promise<void> {
    const bx = tile.x0 / tile.width;
    const by = tile.y0 / tile.height;
    const cells = tile.width * tile.height;
    for (const tech of this.run.technologies) {
      const writers = this.writers[tile.grid]!.get(tech)!;
      const level = outcome.bestSignalDbm[tech] ?? new Float32Array(cells).fill(Number.NaN);
      await writers.signal.writeBlock(bx, by, level);
      await writers.server.writeBlock(bx, by, serverIndices(outcome.bestServer[tech], cells));
    }
  }

  /** Fills the tiles nobody computed with no-data, finishes every raster and writes the tables and places. */
  async finish(
    uncovered: Partial<Record<Technology, Hotspot[]>>,
    thresholds: Record<Technology, number>,
  ): Promise<void> {
    const size = this.run.params.tileCells;
    const emptyLevel = new Float32Array(size * size).fill(Number.NaN);
    const emptyServer = new Uint16Array(size * size).fill(NO_SERVER);
    for (const byTech of this.writers) {
      for (const writers of byTech.values()) {
        for (const [bx, by] of writers.signal.unwrittenBlocks()) {
          await writers.signal.writeBlock(bx, by, emptyLevel);
          await writers.server.writeBlock(bx, by, emptyServer);
        }
        await writers.signal.finish();
        await writers.server.finish();
      }
    }
    for (const tech of this.run.technologies) {
      const rows = bestServerRows(this.run.sites, tech);
      writeFileSync(join(this.folder, `best-server-${tech}.csv`), bestServerCsv(rows));
      const table = bestServerAuxXml(rows);
      for (const grid of this.run.plan.grids) {
        const { server } = rasterNames(tech, grid.name, this.run.plan.grids.length);
        writeFileSync(join(this.folder, `${server}.aux.xml`), table);
      }
      const places = placesGeoJson(uncovered[tech] ?? [], tech, thresholds[tech]);
      writeFileSync(join(this.folder, `uncovered-${tech}.geojson`), `${JSON.stringify(places)}\n`);
    }
  }

  /** Removes every partial raster (a failed or cancelled run leaves no half-written file). */
  async abort(): Promise<void> {
    for (const byTech of this.writers) {
      for (const writers of byTech.values()) {
        await writers.signal.abort().catch(() => undefined);
        await writers.server.abort().catch(() => undefined);
      }
    }
  }
}
