import { describe, expect, it } from 'vitest';
import { compareVisibility, describeAgreement } from './visibility-agreement.js';

describe('compareVisibility', () => {
  // A 3 × 2 window at (10, 20); the last cell is outside the radius.
  const within = { x0: 10, y0: 20, width: 3, height: 2, inRadius: Uint8Array.from([1, 1, 1, 1, 1, 0]) };
  const reference = { x0: 10, y0: 20, width: 3, height: 2, visible: [1, 1, 0, 0, 0, 1] };

  it('counts agreement, visible IoU, false visible and false hidden over the cells in the radius', () => {
    // Placed one column further left, with 255 for visible as gdal writes it: cells (10..12, 20..21) are its 1..3.
    const candidate = { x0: 9, y0: 20, width: 4, height: 2, visible: [0, 255, 0, 255, 0, 0, 0, 255, 255] };
    const a = compareVisibility(candidate, reference, within);
    // candidate: (10,20) yes, (11,20) no, (12,20) yes, (10,21) no, (11,21) no → vs reference 1,1,0,0,0.
    expect(a).toEqual({
      cells: 5,
      agreement: 3 / 5,
      visibleIoU: 1 / 3,
      bothVisible: 1,
      candidateVisible: 2,
      referenceVisible: 2,
      falseVisible: 1,
      falseHidden: 1,
    });
    expect(describeAgreement(a)).toContain('visible IoU 33.33 %');
  });

  it('treats cells outside the candidate raster as hidden, and an IoU with nothing visible as 1', () => {
    const empty = { x0: 0, y0: 0, width: 0, height: 0, visible: [] };
    expect(compareVisibility(empty, reference, within)).toMatchObject({ falseHidden: 2, visibleIoU: 0 });
    expect(compareVisibility(empty, empty, within)).toMatchObject({ agreement: 1, visibleIoU: 1, cells: 5 });
  });
});
