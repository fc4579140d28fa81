import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkRows, type Catalogue } from './check-rows.js';
import { mapColumns } from './columns.js';
import { readUploadedTable } from './read-table.js';
import { buildTemplateCsv, buildTemplateXlsx, templateHeader, type TemplateInput } from './templates.js';

const input: TemplateInput = {
  indicators: [
    {
      code: 'POP_COV_4G',
      nameVi: 'Tỷ lệ dân số được phủ sóng 4G',
      nameEn: '4G population coverage',
      unitVi: '%',
      valueType: 'percent',
    },
    { code: 'BTS_COUNT', nameVi: 'Số trạm BTS', nameEn: 'BTS sites', unitVi: 'trạm', valueType: 'count' },
    { code: 'HAS_WIFI', nameVi: 'Có wifi công cộng', nameEn: 'Public wifi', unitVi: '', valueType: 'boolean' },
  ],
  units: [
    { code: '0012345', nameVi: 'Xã Cát Tiên' },
    { code: '60309134', nameVi: 'Xã Đắk Lắk' },
    { code: '60309135', nameVi: 'Phường Bình Minh' },
  ],
  period: '2025Q3',
  lang: 'vi',
};

const catalogue: Catalogue = {
  indicators: new Map([
    ['POP_COV_4G', { valueType: 'percent', reportingLevel: 'commune' }],
    ['BTS_COUNT', { valueType: 'count', reportingLevel: 'commune' }],
    ['HAS_WIFI', { valueType: 'boolean', reportingLevel: 'commune' }],
  ]),
  units: new Map(input.units.map((u) => [u.code, { level: 'commune' as const }])),
};

async function importBack(name: string, bytes: Uint8Array) {
  const table = await readUploadedTable({ name, bytes });
  const mapping = mapColumns(table.header, { file: table.file, sheet: table.sheet });
  return { table, result: checkRows(table, mapping, catalogue, 'auto') };
}

const expected = [
  { rowNumber: 2, indicator: 'POP_COV_4G', unit: '0012345', period: '2025Q3', value: 99.21, comment: null },
  { rowNumber: 2, indicator: 'BTS_COUNT', unit: '0012345', period: '2025Q3', value: 6500, comment: null },
  { rowNumber: 2, indicator: 'HAS_WIFI', unit: '0012345', period: '2025Q3', value: 1, comment: null },
  { rowNumber: 3, indicator: 'POP_COV_4G', unit: '60309134', period: '2025Q3', value: 98.5, comment: null },
];

describe('buildTemplateXlsx', () => {
  it('lays out the wide template with text codes, validations, a frozen header and instructions', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildTemplateXlsx(input)).slice().buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Dữ liệu', 'Hướng dẫn']);
    const sheet = workbook.getWorksheet('Dữ liệu')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined, // exceljs rows are 1-based
      'Mã đơn vị',
      'Tên đơn vị',
      'Kỳ',
      'POP_COV_4G (Tỷ lệ dân số được phủ sóng 4G, %)',
      'BTS_COUNT (Số trạm BTS, trạm)',
      'HAS_WIFI (Có wifi công cộng)',
    ]);
    expect(sheet.getCell('A2').value).toBe('0012345');
    expect(sheet.getCell('A2').numFmt).toBe('@');
    expect(sheet.getCell('C4').value).toBe('2025Q3');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(2).width).toBe(30);
    expect(sheet.getCell('D3').dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 100] });
    expect(sheet.getCell('E4').dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual' });
    expect(sheet.getCell('F2').dataValidation).toMatchObject({ type: 'list', formulae: ['"1,0"'] });
    const help = workbook.getWorksheet('Hướng dẫn')!;
    expect(help.getColumn(1).values).toContain('HAS_WIFI');
  });

  it('round-trips: filled in with exceljs, it reads back to the expected rows', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildTemplateXlsx(input)).slice().buffer);
    const sheet = workbook.getWorksheet('Dữ liệu')!;
    sheet.getCell('D2').value = 99.21;
    sheet.getCell('E2').value = 6500;
    sheet.getCell('F2').value = 1;
    sheet.getCell('D3').value = '98,5'; // typed into a Text cell
    const filled = new Uint8Array(await workbook.xlsx.writeBuffer());

    const { table, result } = await importBack('mau-nhap.xlsx', filled);
    expect(table.sheet).toBe('Dữ liệu');
    expect(result).toMatchObject({ ok: true, rows: expected });
  });

  it('re-imports the English template', async () => {
    const english = { ...input, lang: 'en' as const };
    expect(templateHeader(english).slice(0, 4)).toEqual([
      'Unit code',
      'Unit name',
      'Period',
      'POP_COV_4G (4G population coverage, %)',
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildTemplateXlsx(english)).slice().buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Data', 'Instructions']);
    workbook.getWorksheet('Data')!.getCell('E3').value = 7;
    const { result } = await importBack('template.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(result).toMatchObject({
      ok: true,
      rows: [{ rowNumber: 3, indicator: 'BTS_COUNT', unit: '60309134', period: '2025Q3', value: 7, comment: null }],
    });
  });

  it('refuses a bad period', async () => {
    await expect(buildTemplateXlsx({ ...input, period: '2025-13' })).rejects.toThrow(/not a period/);
  });
});

describe('buildTemplateCsv', () => {
  it('writes UTF-8 with a BOM and a comma delimiter, and round-trips', async () => {
    const bytes = buildTemplateCsv(input);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split('\r\n');
    expect(lines[0]).toBe(
      'Mã đơn vị,Tên đơn vị,Kỳ,"POP_COV_4G (Tỷ lệ dân số được phủ sóng 4G, %)","BTS_COUNT (Số trạm BTS, trạm)",HAS_WIFI (Có wifi công cộng)',
    );
    expect(lines[1]).toBe('0012345,Xã Cát Tiên,2025Q3,,,');

    lines[1] = lines[1]!.replace(/,,,$/, ',"99,21",6.500,Có');
    lines[2] = lines[2]!.replace(/,,,$/, ',"98,5",,');
    const { result } = await importBack('mau-nhap.csv', new TextEncoder().encode('\uFEFF' + lines.join('\r\n')));
    expect(result).toMatchObject({ ok: true, rows: expected });
  });
});
