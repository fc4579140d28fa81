/**
 * How far two visibility rasters agree, over the cells a reference says are within the radius.
 * Overall agreement flatters on hilly terrain (most cells are hidden and both say so), so the
 * visible-cell intersection over union |both visible| / |either visible| is reported beside it.
 */
import type { SweepWindow } from './radial-sweep.js';
import type { VisibilityMask } from './exact-line-of-sight.js';

/** A visibility raster placed on the DEM grid: (x0, y0) = its upper-left cell; non-zero = visible. */
export interface PlacedVisibility extends SweepWindow {
  visible: ArrayLike<number>;
}

export interface VisibilityAgreement {
  /** Cells compared (within the radius). */
  cells: number;
  /** Share of those cells on which both say the same. */
  agreement: number;
  /** |both visible| / |either visible| (1 when neither sees any cell). */
  visibleIoU: number;
  bothVisible: number;
  candidateVisible: number;
  referenceVisible: number;
  /** The candidate sees a cell the reference does not. */
  falseVisible: number;
  /** The candidate misses a cell the reference sees. */
  falseHidden: number;
}

/** The value of `raster` at DEM cell (x, y); cells outside it count as hidden. */
function visibleAt(raster: PlacedVisibility, x: number, y: number): boolean {
  const cx = x - raster.x0;
  const cy = y - raster.y0;
  if (cx < 0 || cy < 0 || cx >= raster.width || cy >= raster.height) return false;
  return raster.visible[cy * raster.width + cx] !== 0;
}

/** Compares `candidate` with `reference` on the cells `within` marks as in the radius. */
export function compareVisibility(
  candidate: PlacedVisibility,
  reference: PlacedVisibility,
  within: Pick<VisibilityMask, 'x0' | 'y0' | 'width' | 'height' | 'inRadius'>,
): VisibilityAgreement {
  let [cells, agree, both, cand, ref, falseVisible, falseHidden] = [0, 0, 0, 0, 0, 0, 0];
  for (let wy = 0; wy < within.height; wy++) {
    for (let wx = 0; wx < within.width; wx++) {
      if (within.inRadius[wy * within.width + wx] !== 1) continue;
      const x = within.x0 + wx;
      const y = within.y0 + wy;
      const c = visibleAt(candidate, x, y);
      const r = visibleAt(reference, x, y);
      cells++;
      if (c === r) agree++;
      if (c) cand++;
      if (r) ref++;
      if (c && r) both++;
      else if (c) falseVisible++;
      else if (r) falseHidden++;
    }
  }
  const either = both + falseVisible + falseHidden;
  return {
    cells,
    agreement: cells ? agree / cells : 1,
    visibleIoU: either ? both / either : 1,
    bothVisible: both,
    candidateVisible: cand,
    referenceVisible: ref,
    falseVisible,
    falseHidden,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(2)} %`;

/** One line for logs and assertion messages. */
export function describeAgreement(a: VisibilityAgreement): string {
  return (
    `agreement ${pct(a.agreement)} of ${a.cells} cells, visible IoU ${pct(a.visibleIoU)} ` +
    `(visible: ${a.candidateVisible} vs ${a.referenceVisible}; false visible ${a.falseVisible}, false hidden ${a.falseHidden})`
  );
}
