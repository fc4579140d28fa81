import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { TestDatabase } from '../../test/fixtures/test-database.js';
import { useTestApp } from '../../test/fixtures/test-app.js';
import { zipBombWorkbook } from '../../test/fixtures/zip-bomb.js';
import { INTAKE_LIMITS } from '../intake/intake-limits.js';

const testApp = useTestApp();
let db: TestDatabase;
beforeAll(() => ({ db } = testApp));

async function upload(
  name: string,
  bytes: Uint8Array | string,
  mode: 'preview' | 'commit',
  fields: Record<string, string> = {},
) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append(
    'file',
    new Blob([typeof bytes === 'string' ? new TextEncoder().encode(bytes) : new Uint8Array(bytes)]),
    name,
  );
  const request = new Request('http://local/', { method: 'POST', body: form });
  return testApp.inject({
    method: 'POST',
    url: `/api/imports?mode=${mode}`,
    headers: { 'content-type': request.headers.get('content-type')! },
    payload: Buffer.from(await request.arrayBuffer()),
  });
}

/** Everything an import could touch, to prove a refused one left it exactly as it was. */
async function snapshot() {
  const [values] = await db.query<{ n: number; sum: number }>(
    'select count(*)::int as n, coalesce(sum(value), 0) as sum from indicator_value',
  );
  const [audit] = await db.query<{ n: number }>('select count(*)::int as n from audit_log');
  const [batches] = await db.query<{ n: number }>('select count(*)::int as n from import_batch');
  const [periods] = await db.query<{ n: number }>('select count(*)::int as n from period');
  return { values, audit, batches, periods };
}

describe('the XLSX template', () => {
  it('downloads, fills in and imports whole', async () => {
    const response = await testApp.inject({ url: '/api/imports/template?unit=P1&period=2025-09&indicators=COV,SITES' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/dx-compact-P1-2025-09\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Dữ liệu');
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const covColumn = header.findIndex((h) => h.startsWith('COV')) + 1;
    const sitesColumn = header.findIndex((h) => h.startsWith('SITES')) + 1;
    const rowsByUnit = new Map<string, number>();
    sheet.eachRow((row, number) => number > 1 && rowsByUnit.set(String(row.getCell(1).value), number));
    expect([...rowsByUnit.keys()].sort()).toEqual(['C1', 'C2', 'C3']);
    for (const [unit, row] of rowsByUnit) {
      sheet.getRow(row).getCell(covColumn).value = unit === 'C1' ? 97.25 : 99.5;
      sheet.getRow(row).getCell(sitesColumn).value = unit === 'C3' ? 4 : 1;
    }
    const filled = new Uint8Array(await workbook.xlsx.writeBuffer());

    const preview = await upload('du-lieu-thang-9.xlsx', filled, 'preview');
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ errors: [], valuesFound: 6, changes: { inserted: 6 }, committed: false });
    expect((await snapshot()).values!.n).toBe(0);

    const commit = await upload('du-lieu-thang-9.xlsx', filled, 'commit');
    expect(commit.statusCode).toBe(201);
    expect(commit.json()).toMatchObject({ committed: true, changes: { inserted: 6 }, batchId: expect.any(Number) });
    const rollup = (await testApp.inject({ url: '/api/rollup?indicator=SITES&unit=P1&from=2025-09' })).json();
    expect(rollup.values[0].value).toBe(6);

    const again = await upload('du-lieu-thang-9.xlsx', filled, 'commit');
    expect(again.json().changes).toMatchObject({ inserted: 0, updated: 0, unchanged: 6 });
  });
});

describe('a partly wrong CSV', () => {
  const csv = [
    'Mã chỉ tiêu;Mã đơn vị;Kỳ;Giá trị;Ghi chú',
    'COV;C1;2025-10;99,21;',
    'COV;C2;2025-10;120;quá 100',
    'SITES;C9;2025-10;3;',
    'SITES;C1;2025-13;3;',
    'SITES;C2;2025-10;2,5;',
    '',
    'INVOICES;C1;2025-10;1.000;',
    'COV;C1;2025-10;98;',
  ].join('\r\n');

  it('previews every bad row with row, column and reason', async () => {
    const response = await upload('bao-cao.csv', csv, 'preview');
    expect(response.statusCode).toBe(200);
    const errors = response
      .json()
      .errors.map((e: { row: number; column: string; message: string }) => [e.row, e.column, e.message]);
    expect(errors).toEqual([
      [3, 'Giá trị', expect.stringMatching(/^bao-cao\.csv, row 3, column "Giá trị": "120" .*0.*100/)],
      [4, 'Mã đơn vị', expect.stringMatching(/"C9" is not a known unit code/)],
      [5, 'Kỳ', expect.stringMatching(/"2025-13"/)],
      [6, 'Giá trị', expect.stringMatching(/"2,5" .*whole number/)],
      [8, 'Mã đơn vị', expect.stringMatching(/INVOICES is reported per province/)],
      [9, '', expect.stringMatching(/row 2/)],
    ]);
  });

  it('commits nothing at all and answers with every error', async () => {
    const before = await snapshot();
    const response = await upload('bao-cao.csv', csv, 'commit');
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'import.rows',
      detail: expect.stringMatching(/6 problem\(s\); nothing was imported/),
    });
    expect(response.json().errors).toHaveLength(6);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a file that is neither CSV nor XLSX, naming it', async () => {
    const response = await upload('photo.xlsx', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), 'preview');
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: 'intake.file_type', detail: expect.stringMatching(/photo\.xlsx/) });
  });

  it('refuses a file with a missing column, naming it', async () => {
    const response = await upload('thieu-cot.csv', 'Mã chỉ tiêu,Kỳ,Giá trị\nCOV,2025-10,99\n', 'preview');
    expect(response.statusCode).toBe(422);
    expect(response.json().detail).toMatch(/thieu-cot\.csv.*(unit|đơn vị)/i);
  });

  it('refuses a whole file that changes a value of an approved period, naming the row', async () => {
    await upload('ok.csv', 'indicator,unit,period,value\nSITES,C2,2025-11,1\n', 'commit');
    for (const action of ['submit', 'approve']) {
      await testApp.inject({
        method: 'POST',
        url: `/api/approvals/${action}`,
        headers: action === 'approve' ? testApp.approver : {},
        payload: { unit: 'C2', period: '2025-11' },
      });
    }
    const before = await snapshot();
    const response = await upload(
      'late.csv',
      'indicator,unit,period,value\nSITES,C1,2025-11,5\nSITES,C2,2025-11,2\n',
      'commit',
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ path: 'late.csv, row 3, column "value"', code: 'row.locked' }),
    ]);
    expect(await snapshot()).toEqual(before);
  });
});

describe('uploads past the limits', () => {
  it('refuses a zip bomb workbook with 413 problem+json, in under a second, writing nothing', async () => {
    const bomb = zipBombWorkbook({ inflatedMiB: 453, declared: 'honest' });
    const before = await snapshot();
    const start = performance.now();
    const response = await upload('bom.xlsx', bomb, 'commit');
    expect(performance.now() - start).toBeLessThan(1000);
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({
      status: 413,
      code: 'intake.too_large',
      detail: expect.stringMatching(/^bom\.xlsx inflates to 453 MB/),
    });
    expect(await snapshot()).toEqual(before);
  });

  it('names the file, sheet and row of too many rows, in Vietnamese when asked', async () => {
    const before = await snapshot();
    const dense = zipBombWorkbook({ inflatedMiB: 20, declared: 'honest' });
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(dense)]), 'day.xlsx');
    const request = new Request('http://local/', { method: 'POST', body: form });
    const response = await testApp.inject({
      method: 'POST',
      url: '/api/imports?mode=commit',
      headers: { 'content-type': request.headers.get('content-type')!, 'accept-language': 'vi' },
      payload: Buffer.from(await request.arrayBuffer()),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({
      code: 'intake.too_many_rows',
      detail:
        'day.xlsx, trang tính "Dữ liệu" có hơn 200.000 dòng số liệu (dòng 200.002 vượt giới hạn): hãy chia thành nhiều tệp',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a file larger than 64 MB as it arrives, and a workbook named .csv as 415', async () => {
    const big = new Uint8Array(INTAKE_LIMITS.inflatedBytes + 1024).fill(0x31);
    const tooBig = await upload('lon.csv', big, 'preview');
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({
      code: 'intake.too_large',
      detail: 'lon.csv is more than 64 MB: at most 64 MB is read; split it into several files',
    });
    const workbook = zipBombWorkbook({ inflatedMiB: 1, declared: 'honest' });
    const renamed = await upload('bao-cao.csv', workbook, 'preview');
    expect(renamed.statusCode).toBe(415);
    expect(renamed.json()).toMatchObject({
      code: 'intake.file_type',
      detail: expect.stringMatching(/^bao-cao\.csv is named like a CSV but is a ZIP archive/),
    });
  });
});
