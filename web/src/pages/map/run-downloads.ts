/** The files of a run the model panel links to: per technology, and for the signal raster per grid too. */
import { coverageFileName, coverageFileUrl, type CoverageFileKind } from '../../api/client.js';
import type { CoverageRun, Technology } from '../../api/types.js';
import { runLayers } from '../../map/coverage-overlays.js';

export interface RunDownload {
  technology: Technology;
  /** The grid of a run over several (the signal raster only), else null. */
  grid: string | null;
  /** The link's text: the technology, and the grid when there is one ("4G utm48"). */
  label: string;
  fileName: string;
  url: string;
}

export function runDownloads(
  run: Pick<CoverageRun, 'id' | 'result'>,
  kind: CoverageFileKind,
  technologies: readonly Technology[],
): RunDownload[] {
  const grids = kind === 'signal' ? runLayers(run).map((layer) => layer.grid) : [];
  const perGrid = grids.length > 0 ? grids : [null];
  return technologies.flatMap((technology) =>
    perGrid.map((grid) => ({
      technology,
      grid,
      label: grid === null ? technology : `${technology} ${grid}`,
      fileName: coverageFileName(kind, technology, grid),
      url: coverageFileUrl(run.id, kind, technology, grid),
    })),
  );
}
