import { describe, expect, it } from 'vitest';
import { formatPlanPointError, readPlanPoints } from './read-plan-points.js';

const file = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(lines.join('\n')) });

describe('plan points files', () => {
  it('reads candidates with Vietnamese headers and decimal commas, in any column order', async () => {
    const result = await readPlanPoints(
      file('ung-vien.csv', [
        'Mã trạm;Chi phí;Vĩ độ;Kinh độ;Độ cao',
        'GL-N1;2,5;13,915;108,045;40',
        'GL-N2;3;13,92;108,07;',
      ]),
      'candidates',
    );
    expect(result).toEqual({
      ok: true,
      rows: [
        { code: 'GL-N1', cost: 2.5, lat: 13.915, lon: 108.045, antennaHeightM: 40 },
        { code: 'GL-N2', cost: 3, lat: 13.92, lon: 108.07 },
      ],
    });
  });

  it('reports every bad cell with its file, row and column, and returns nothing then', async () => {
    const result = await readPlanPoints(
      file('ung-vien.csv', ['code,lon,lat,cost', 'A,108.1,13.9,1', 'B,200,13.9,x', 'A,108.2,13.9,1', ',108.3,13.9,1']),
      'candidates',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(formatPlanPointError)).toEqual([
      'ung-vien.csv row 3 column lon: 200 is outside -180 … 180',
      'ung-vien.csv row 3 column cost: "x" is not a number',
      'ung-vien.csv row 4 column code: A repeats row 2',
      'ung-vien.csv row 5 column code: empty',
    ]);
  });

  it('reads points of interest with a default radius of 500 m, and refuses a file missing a column', async () => {
    const result = await readPlanPoints(
      file('truong.csv', [
        'Tên,Loại,Kinh độ,Vĩ độ,Trọng số,Bán kính',
        'THCS Ia O,school,107.6,13.9,800,',
        'Trạm y tế,health,107.7,13.8,300,1000',
      ]),
      'points',
    );
    expect(result).toMatchObject({
      ok: true,
      rows: [{ name: 'THCS Ia O', radiusM: 500, weight: 800 }, { radiusM: 1000 }],
    });
    await expect(readPlanPoints(file('x.csv', ['name,lon,lat,weight', 'a,1,2,3']), 'points')).rejects.toThrow(
      /no column "kind"/,
    );
  });
});
