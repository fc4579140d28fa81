import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { Invalid, TooLarge, UnsupportedType } from '../domain/errors.js';
import {
  deflatedPart,
  rowXml,
  SHEET_END,
  SHEET_START,
  workbookOfSheetData,
  workbookParts,
  zipArchive,
} from '../../test/fixtures/zip-bomb.js';
import { INTAKE_LIMITS } from './intake-limits.js';
import { detectDelimiter } from './read-csv.js';
import { MAX_ROWS, readUploadedTable } from './read-table.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const cellsOf = (table: Awaited<ReturnType<typeof readUploadedTable>>) =>
  table.rows.map((r) => [r.rowNumber, ...r.cells]);

async function xlsx(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('readUploadedTable: CSV', () => {
  it('reads a comma CSV with quoted decimal commas', async () => {
    const table = await readUploadedTable({
      name: 'values.csv',
      bytes: utf8('Mã chỉ tiêu,Mã xã,Kỳ,Giá trị\nPOP_COV_4G,60309134,2025,"99,21"\n'),
    });
    expect(table).toMatchObject({ file: 'values.csv', sheet: null, headerRowNumber: 1 });
    expect(table.header).toEqual(['Mã chỉ tiêu', 'Mã xã', 'Kỳ', 'Giá trị']);
    expect(cellsOf(table)).toEqual([[2, 'POP_COV_4G', '60309134', '2025', '99,21']]);
  });

  it('detects a semicolon delimiter and drops the BOM', async () => {
    const text = '\uFEFFMã chỉ tiêu;Mã xã;Kỳ;Giá trị\r\nPOP_COV_4G;00123;2025Q3;99,21\r\n';
    const table = await readUploadedTable({ name: 'values.csv', bytes: utf8(text) });
    expect(table.header[0]).toBe('Mã chỉ tiêu'); // no U+FEFF glued to the first header
    expect(cellsOf(table)).toEqual([[2, 'POP_COV_4G', '00123', '2025Q3', '99,21']]);
    expect(detectDelimiter('"a,b";c;d\n1,2,3,4,5')).toBe(';');
  });

  it('skips empty rows but keeps the row numbers the user sees', async () => {
    const text = 'indicator,unit,period,value\n\nA,1,2025,1\n,,,\n"multi\nline",2,2025,2\nA,3,2025,3\n';
    const table = await readUploadedTable({ name: 'values.csv', bytes: utf8(text) });
    expect(table.rows.map((r) => r.rowNumber)).toEqual([3, 5, 6]);
  });

  it('refuses invalid UTF-8 and UTF-16 with errors naming the file', async () => {
    const windows1258 = new Uint8Array([...utf8('Ma xa,Gi'), 0xe1, ...utf8(' tri\n1,2\n')]);
    await expect(readUploadedTable({ name: 'bad.csv', bytes: windows1258 })).rejects.toThrow(
      /bad\.csv is not UTF-8 text.*CSV UTF-8/,
    );
    const utf16 = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00]);
    await expect(readUploadedTable({ name: 'u.csv', bytes: utf16 })).rejects.toThrow(/u\.csv is UTF-16/);
  });

  it('detects the type by content and names the file when it is neither', async () => {
    const pdf = utf8('%PDF-1.7 ...');
    await expect(readUploadedTable({ name: 'report.pdf', bytes: pdf })).rejects.toThrow(
      /report\.pdf is neither a CSV nor an Excel/,
    );
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(readUploadedTable({ name: 'old.xls', bytes: ole })).rejects.toThrow(/old\.xls is an Excel 97–2003/);
    await expect(readUploadedTable({ name: 'x.csv', bytes: new Uint8Array() })).rejects.toThrow(Invalid);
    // A name without a kind we read leaves the content to decide.
    const unnamed = await readUploadedTable({ name: 'upload', bytes: utf8('unit,value\n1,2\n') });
    expect(unnamed.header).toEqual(['unit', 'value']);
  });

  it('refuses a name that says another kind than the content, saying what the file is (415)', async () => {
    const csv = utf8('unit,value\n1,2\n');
    const renamedCsv = readUploadedTable({ name: 'values.xlsx', bytes: csv });
    await expect(renamedCsv).rejects.toThrow(UnsupportedType);
    await expect(renamedCsv).rejects.toThrow(
      /values\.xlsx is named like an Excel workbook but holds text.*rename it \.csv/,
    );
    const workbook = await xlsx((w) => w.addWorksheet('Data').addRow(['unit', 'value']));
    const renamedXlsx = readUploadedTable({ name: 'values.csv', bytes: workbook });
    await expect(renamedXlsx).rejects.toMatchObject({ code: 'intake.file_type' });
    await expect(renamedXlsx).rejects.toThrow(/values\.csv is named like a CSV but is a ZIP archive.*rename it \.xlsx/);
    // A JPEG named .xlsx is not "text": neither kind.
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    await expect(readUploadedTable({ name: 'photo.xlsx', bytes: jpeg })).rejects.toThrow(
      /photo\.xlsx is neither a CSV nor an Excel/,
    );
  });

  it(`refuses more than ${MAX_ROWS} rows`, async () => {
    const text = 'unit,value\n' + '1,2\n'.repeat(MAX_ROWS + 1);
    await expect(readUploadedTable({ name: 'big.csv', bytes: utf8(text) })).rejects.toThrow(
      /big\.csv has more than 200,000 rows/,
    );
  });
});

describe('readUploadedTable: XLSX', () => {
  it('shows numbers exactly, text as typed, formulas by result, dates as ISO', async () => {
    const bytes = await xlsx((workbook) => {
      workbook.addWorksheet('Hướng dẫn').addRow(['Đọc kỹ trước khi điền']);
      const sheet = workbook.addWorksheet('Dữ liệu');
      sheet.addRow(['Mã xã', 'Kỳ', 'Giá trị', 'Ghi chú']);
      sheet.addRow([
        '00123',
        '2025Q3',
        99.21,
        { richText: [{ text: 'đã ' }, { text: 'kiểm tra', font: { bold: true } }] },
      ]);
      sheet.addRow([]); // row 3 stays empty
      sheet.addRow([60309134, 2025, { formula: 'C2*2', result: 198.42 }, new Date(Date.UTC(2025, 8, 30))]);
      sheet.addRow(['60309135', '2025-09', 0.1 + 0.2, { formula: '1/0', result: { error: '#DIV/0!' } }]);
      const percent = sheet.addRow(['60309136', '2025', 0.9921, true]);
      percent.getCell(3).numFmt = '0.00%';
      sheet.addRow(['60309137', '2025', '6.500', { text: 'link', hyperlink: 'https://example.org' }]);
    });
    const table = await readUploadedTable({ name: 'values.xlsx', bytes });
    expect(table).toMatchObject({ file: 'values.xlsx', sheet: 'Dữ liệu', headerRowNumber: 1 });
    expect(table.header).toEqual(['Mã xã', 'Kỳ', 'Giá trị', 'Ghi chú']);
    expect(cellsOf(table)).toEqual([
      [2, '00123', '2025Q3', '99.21', 'đã kiểm tra'],
      [4, '60309134', '2025', '198.42', '2025-09-30'],
      [5, '60309135', '2025-09', '0.3', '#DIV/0!'],
      [6, '60309136', '2025', '99.21%', 'TRUE'],
      [7, '60309137', '2025', '6.500', 'link'],
    ]);
    expect(table.rows[0]!.numeric).toEqual([false, false, true, false]);
    expect(table.rows[1]!.numeric).toEqual([true, true, true, false]);
  });

  it('reads the first visible sheet when none is named like data, and blanks merged-away cells', async () => {
    const bytes = await xlsx((workbook) => {
      const hidden = workbook.addWorksheet('Lists');
      hidden.state = 'hidden';
      hidden.addRow(['not this']);
      const sheet = workbook.addWorksheet('Báo cáo');
      sheet.addRow(['Mã xã', 'Kỳ', 'A', 'B']);
      sheet.addRow(['1', '2025', 5, 6]);
      sheet.addRow(['2', '2025', 7]);
      sheet.mergeCells('C3:D3');
    });
    const table = await readUploadedTable({ name: 'report.xlsx', bytes });
    expect(table.sheet).toBe('Báo cáo');
    expect(cellsOf(table)).toEqual([
      [2, '1', '2025', '5', '6'],
      [3, '2', '2025', '7'], // D3 lies under the merge C3:D3: blank, as Excel stores it
    ]);
  });

  it('names the file when a ZIP is not a workbook', async () => {
    const zipHeader = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    await expect(readUploadedTable({ name: 'broken.xlsx', bytes: zipHeader })).rejects.toThrow(
      /broken\.xlsx could not be opened as an Excel workbook/,
    );
  });
});

describe('readUploadedTable: limits', () => {
  const header = ['Mã chỉ tiêu', 'Mã đơn vị', 'Kỳ', 'Giá trị', 'Ghi chú'];

  it('refuses a value past column 200, naming the file, sheet, row and column', async () => {
    const wide = Array.from({ length: 201 }, (_, i) => (i === 200 ? 'x' : ''));
    const bytes = workbookOfSheetData(rowXml(1, header) + rowXml(7, wide));
    const refused = readUploadedTable({ name: 'rong.xlsx', bytes });
    await expect(refused).rejects.toThrow(TooLarge);
    await expect(refused).rejects.toMatchObject({
      code: 'intake.too_many_columns',
      message: expect.stringMatching(
        /^rong\.xlsx, sheet "Dữ liệu", row 7 has a value in column GS: at most 200 columns are read/,
      ),
      params: { file: 'rong.xlsx', sheet: 'Dữ liệu', row: 7, column: 'GS', limit: 200 },
    });
    // Empty cells far to the right (formatting only) are no value: the row is read.
    const formatted = workbookOfSheetData(
      rowXml(1, header) + '<row r="2"><c r="A2" t="inlineStr"><is><t>COV</t></is></c><c r="XFD2" s="1"/></row>',
    );
    expect((await readUploadedTable({ name: 'ok.xlsx', bytes: formatted })).rows[0]!.cells).toEqual(['COV']);
  });

  it('refuses a cell longer than Excel allows, naming its header', async () => {
    const long = 'ạ'.repeat(INTAKE_LIMITS.cellChars + 1);
    const bytes = workbookOfSheetData(rowXml(1, header) + rowXml(3, ['COV', 'C1', '2025', '1', long]));
    await expect(readUploadedTable({ name: 'dai.xlsx', bytes })).rejects.toMatchObject({
      code: 'intake.cell_too_long',
      message:
        'dai.xlsx, sheet "Dữ liệu", row 3, column E ("Ghi chú") holds 32,768 characters: a cell holds at most 32,767',
    });
    const csv = utf8(`${header.join(',')}\nCOV,C1,2025,1,${long}\n`);
    await expect(readUploadedTable({ name: 'dai.csv', bytes: csv })).rejects.toMatchObject({
      code: 'intake.cell_too_long',
      message: expect.stringMatching(/^dai\.csv, row 2, column 5 \("Ghi chú"\) holds 32,768 characters/),
    });
    // A shared string is checked where a cell shows it.
    const shared = await xlsx((w) => {
      const sheet = w.addWorksheet('Data');
      sheet.addRow(header);
      sheet.addRow(['COV', 'C1', '2025', 1, long.slice(0, INTAKE_LIMITS.cellChars)]);
      sheet.addRow(['COV', 'C1', '2025', 1, long]);
    });
    await expect(readUploadedTable({ name: 'chung.xlsx', bytes: shared })).rejects.toThrow(
      /^chung\.xlsx, sheet "Data", row 3, column E \("Ghi chú"\) holds 32,768/,
    );
  });

  it('refuses a CSV row wider than 200 columns, and a CSV larger than 64 MB before reading it', async () => {
    const csv = utf8(`${header.join(',')}\n${'1,'.repeat(200)}1\n`);
    await expect(readUploadedTable({ name: 'rong.csv', bytes: csv })).rejects.toThrow(
      /^rong\.csv, row 2 has a value in column 201: at most 200 columns are read/,
    );
    const big = new Uint8Array(INTAKE_LIMITS.inflatedBytes + 1).fill(0x31);
    await expect(readUploadedTable({ name: 'lon.csv', bytes: big })).rejects.toMatchObject({
      code: 'intake.too_large',
      message: 'lon.csv is 64 MB: at most 64 MB is read; split it into several files',
    });
  });

  it("stops a file of empty rows at Excel's own size, and a row of empty cells at its last column", async () => {
    await expect(
      readUploadedTable({ name: 'trong.csv', bytes: utf8('a,b\n' + '\n'.repeat(1_048_576)) }),
    ).rejects.toThrow(/^trong\.csv has more than 1,048,576 rows counting empty ones/);
    const emptyCells = workbookOfSheetData(rowXml(1, header) + `<row r="2">${'<c/>'.repeat(16_385)}</row>`);
    await expect(readUploadedTable({ name: 'o.xlsx', bytes: emptyCells })).rejects.toThrow(
      /row 2 has cells past column XFD/,
    );
  });

  it('expands no DTD entities (a billion laughs is refused, not inflated)', async () => {
    const dtd = '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>';
    const sheet = SHEET_START.replace('?>\n', `?>${dtd}`) + rowXml(1, ['x']).replace('x', '&b;') + SHEET_END;
    const bytes = zipArchive(workbookParts(deflatedPart('xl/worksheets/sheet1.xml', sheet)));
    await expect(readUploadedTable({ name: 'dtd.xlsx', bytes })).rejects.toThrow(
      /^dtd\.xlsx could not be opened as an Excel workbook \(\.xlsx\): xl\/worksheets\/sheet1\.xml is not well-formed XML: undefined entity/,
    );
  });

  it('reads what is within every limit', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => `c${i + 1}`);
    const bytes = workbookOfSheetData(
      rowXml(1, rows) +
        rowXml(
          2,
          rows.map(() => 'x'.repeat(INTAKE_LIMITS.cellChars)),
        ),
    );
    const table = await readUploadedTable({ name: 'vua.xlsx', bytes });
    expect(table.header).toHaveLength(200);
    expect(table.rows[0]!.cells[199]).toHaveLength(32_767);
  });
});
