import { beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../test/fixtures/test-database.js';
import { useTestApp } from '../../test/fixtures/test-app.js';
import { DIFF_ROW_LIMIT } from '../intake/import-report.js';

const testApp = useTestApp();
let db: TestDatabase;
beforeAll(() => ({ db } = testApp));

async function upload(csv: string, mode: 'preview' | 'commit', headers: Record<string, string> = {}) {
  const form = new FormData();
  form.append('file', new Blob([new TextEncoder().encode(csv)]), 'thang-10.csv');
  const request = new Request('http://local/', { method: 'POST', body: form });
  return testApp.inject({
    method: 'POST',
    url: `/api/imports?mode=${mode}`,
    headers: { 'content-type': request.headers.get('content-type')!, ...headers },
    payload: Buffer.from(await request.arrayBuffer()),
  });
}

async function approve(unit: string, period: string) {
  for (const action of ['submit', 'approve']) {
    const response = await testApp.inject({
      method: 'POST',
      url: `/api/approvals/${action}`,
      headers: action === 'approve' ? testApp.approver : {},
      payload: { unit, period },
    });
    expect(response.statusCode).toBeLessThan(300);
  }
}

const valueCount = async () => (await db.query<{ n: number }>('select count(*)::int as n from indicator_value'))[0]!.n;

describe('the preview of an import', () => {
  it('lists each value as new, changed (old → new) or unchanged against the stored ones', async () => {
    expect(
      (await upload('indicator,unit,period,value\nSITES,C1,2025-10,3\nSITES,C2,2025-10,4\n', 'commit')).statusCode,
    ).toBe(201);
    const csv = 'indicator,unit,period,value\nSITES,C1,2025-10,3\nSITES,C2,2025-10,5\nSITES,C3,2025-10,1\n';
    const report = (await upload(csv, 'preview')).json();
    expect(report.errors).toEqual([]);
    expect(report.changes).toEqual({ inserted: 1, updated: 1, deleted: 0, unchanged: 1 });
    expect(report.diff.unchanged).toEqual([expect.objectContaining({ row: 2, unit: 'C1', oldValue: 3, newValue: 3 })]);
    expect(report.diff.changed).toEqual([
      expect.objectContaining({ row: 3, unit: 'C2', status: 'changed', oldValue: 4, newValue: 5, column: 'value' }),
    ]);
    expect(report.diff.new).toEqual([expect.objectContaining({ row: 4, unit: 'C3', oldValue: null, newValue: 1 })]);
  });

  it('lets unchanged values of an approved period pass, and refuses only a changed one, by row', async () => {
    await approve('C1', '2025-10');
    const csv = 'indicator,unit,period,value\nSITES,C1,2025-10,3\nSITES,C2,2025-10,5\n';
    const commit = await upload(csv, 'commit');
    expect(commit.statusCode).toBe(201);
    expect(commit.json().changes).toMatchObject({ updated: 1, unchanged: 1 });

    await approve('C2', '2025-10');
    const before = await valueCount();
    const late = 'indicator,unit,period,value\nSITES,C1,2025-10,3\nSITES,C2,2025-10,6\n';
    const preview = (await upload(late, 'preview')).json();
    expect(preview.errors).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'value',
        code: 'row.locked',
        params: expect.objectContaining({
          unit: 'C2',
          oldValue: 5,
          newValue: 6,
          lockUnit: 'C2',
          lockPeriod: '2025-10',
        }),
      }),
    ]);
    const refused = await upload(late, 'commit');
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'import.rows',
      errors: [expect.objectContaining({ code: 'row.locked' })],
    });
    expect(await valueCount()).toBe(before);
  });

  it('checks the cross-indicator rules on the file merged with stored values, per row', async () => {
    await db.exec(`insert into validation_rule (code, name_vi, name_en, left_formula, operator, right_formula, importance)
      values ('SIGNED_LE_ALL', 'Giáo viên có chữ ký số không vượt tổng số', 'Signed teachers do not exceed all teachers',
              '{TEACHERS_SIGNED}', '<=', '{TEACHERS}', 'high')`);
    await upload('indicator,unit,period,value\nTEACHERS,C1,2025-11,10\n', 'commit');
    const csv = 'indicator,unit,period,value\nTEACHERS_SIGNED,C1,2025-11,12\nTEACHERS_SIGNED,C2,2025-11,12\n';
    const response = await upload(csv, 'preview', { 'accept-language': 'vi' });
    const { errors } = response.json();
    expect(errors).toHaveLength(1); // C2 has no stored total: the rule is skipped there
    expect(errors[0]).toMatchObject({
      row: 2,
      code: 'row.rule_failed',
      params: { rule: 'SIGNED_LE_ALL', unit: 'C1', leftValue: 12, rightValue: 10 },
    });
    expect(errors[0].message).toMatch(/^thang-10\.csv, dòng 2, cột "value": "12" vi phạm quy tắc "Giáo viên/);

    // The same file with its total raised passes: the file's own value wins over the stored one.
    const fixed = csv + 'TEACHERS,C1,2025-11,20\n';
    expect((await upload(fixed, 'preview')).json().errors).toEqual([]);
  });

  it('words every row error in the language asked for, keeping its code and parameters', async () => {
    const csv = 'indicator,unit,period,value\nSITES,C1,2025-12,abc\n';
    const [vi, en] = await Promise.all([
      upload(csv, 'preview', { 'accept-language': 'vi-VN,vi;q=0.9' }),
      upload(csv, 'preview', { 'accept-language': 'en' }),
    ]);
    const expected = { row: 2, column: 'value', field: 'value', value: 'abc', code: 'row.not_a_number' };
    expect(vi.json().errors[0]).toMatchObject({
      ...expected,
      message: 'thang-10.csv, dòng 2, cột "value": "abc" không phải là số',
    });
    expect(en.json().errors[0]).toMatchObject({
      ...expected,
      message: 'thang-10.csv, row 2, column "value": "abc" is not a number',
    });
    const refused = await upload(csv, 'commit', { 'accept-language': 'vi' });
    expect(refused.json().detail).toMatch(/^Tệp thang-10\.csv có 1 lỗi; chưa nhập gì/);
  });

  it('lists at most the first lines of each kind of a large file, with the full counts', async () => {
    const lines = ['indicator,unit,period,value'];
    for (let month = 0; month < 200; month += 1) {
      const period = `${2026 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
      for (const unit of ['C1', 'C2', 'C3']) lines.push(`FILINGS,${unit},${period},${month}`);
    }
    const report = (await upload(lines.join('\n'), 'preview')).json();
    expect(report.changes.inserted).toBe(600);
    expect(report.diff.new).toHaveLength(DIFF_ROW_LIMIT);
    expect(report.diff.new[0]).toMatchObject({ row: 2, unit: 'C1', period: '2026-01' });
  });
});
