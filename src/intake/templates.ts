import ExcelJS from 'exceljs';
import { Invalid } from '../domain/errors.js';
import type { ValueType } from '../domain/indicators/indicator-rule.js';
import { isPeriodCode } from '../domain/periods.js';

export interface TemplateIndicator {
  code: string;
  nameVi: string;
  nameEn: string;
  unitVi: string;
  valueType: ValueType;
}

export interface TemplateInput {
  indicators: readonly TemplateIndicator[];
  units: readonly { code: string; nameVi: string }[];
  period: string;
  lang: 'vi' | 'en';
}

const TEXT = {
  vi: {
    data: 'Dữ liệu',
    help: 'Hướng dẫn',
    unitCode: 'Mã đơn vị',
    unitName: 'Tên đơn vị',
    period: 'Kỳ',
    types: { number: 'số', percent: 'phần trăm 0–100', count: 'số nguyên ≥ 0', boolean: '1 = có, 0 = không' },
    invalid: {
      percent: 'Nhập phần trăm từ 0 đến 100, ví dụ 99,21',
      count: 'Nhập số nguyên ≥ 0',
      boolean: 'Nhập 1 (có) hoặc 0 (không)',
    },
    guide: [
      ['Mã đơn vị', 'Mã xã/đơn vị, đã điền sẵn. Không sửa. Ô kiểu Văn bản để giữ số 0 ở đầu.'],
      ['Tên đơn vị', 'Chỉ để đọc; không được nhập vào hệ thống.'],
      ['Kỳ', 'Kỳ báo cáo: năm 2025, quý 2025Q3 hoặc tháng 2025-09.'],
      [
        'Cột chỉ tiêu',
        'Mỗi chỉ tiêu một cột, tiêu đề bắt đầu bằng mã chỉ tiêu. Không sửa tiêu đề. Để trống nếu không có số liệu.',
      ],
      ['Số', 'Dấu phẩy thập phân (99,21); dấu chấm phân cách hàng nghìn (6.500) hoặc không phân cách (6500).'],
      ['Phần trăm', 'Nhập 99,21 cho 99,21%. Không chia cho 100.'],
      ['Có/không', 'Nhập 1 (có) hoặc 0 (không).'],
      ['Lưu tệp', 'Giữ dòng tiêu đề ở dòng 1. Lưu dạng .xlsx, hoặc CSV UTF-8.'],
    ],
    indicatorsTitle: ['Mã chỉ tiêu', 'Tên chỉ tiêu', 'Đơn vị tính', 'Kiểu giá trị'],
  },
  en: {
    data: 'Data',
    help: 'Instructions',
    unitCode: 'Unit code',
    unitName: 'Unit name',
    period: 'Period',
    types: { number: 'number', percent: 'percent 0–100', count: 'whole number ≥ 0', boolean: '1 = yes, 0 = no' },
    invalid: {
      percent: 'Enter a percent from 0 to 100, e.g. 99.21',
      count: 'Enter a whole number ≥ 0',
      boolean: 'Enter 1 (yes) or 0 (no)',
    },
    guide: [
      ['Unit code', 'The commune/unit code, pre-filled. Do not change it. The cells are Text so leading zeros stay.'],
      ['Unit name', 'For reading only; not imported.'],
      ['Period', 'The reporting period: a year 2025, a quarter 2025Q3 or a month 2025-09.'],
      [
        'Indicator columns',
        'One column per indicator; the header starts with its code. Do not edit headers. Leave blank when there is no value.',
      ],
      [
        'Numbers',
        'Vietnamese (99,21 and 6.500) or English (99.21 and 6,500) format; without thousands separators is safest.',
      ],
      ['Percent', 'Enter 99.21 for 99.21%. Do not divide by 100.'],
      ['Yes/no', 'Enter 1 (yes) or 0 (no).'],
      ['Saving', 'Keep the header in row 1. Save as .xlsx, or as CSV UTF-8.'],
    ],
    indicatorsTitle: ['Indicator code', 'Indicator name', 'Unit of measure', 'Value type'],
  },
} as const;

function indicatorHeader(indicator: TemplateIndicator, lang: 'vi' | 'en'): string {
  const name = lang === 'vi' ? indicator.nameVi : indicator.nameEn || indicator.nameVi;
  const details = [name, indicator.unitVi].filter((part) => part.trim() !== '').join(', ');
  return details ? `${indicator.code} (${details})` : indicator.code;
}

/** The wide layout's header: unit code, unit name, period, then one column per indicator. */
export function templateHeader(input: TemplateInput): string[] {
  const t = TEXT[input.lang];
  return [t.unitCode, t.unitName, t.period, ...input.indicators.map((i) => indicatorHeader(i, input.lang))];
}

function checkInput(input: TemplateInput): void {
  if (!isPeriodCode(input.period)) {
    throw new Invalid('template.period', `"${input.period}" is not a period: use 2025, 2025Q3 or 2025-09`);
  }
}

/** exceljs has `worksheet.dataValidations` but leaves it out of its type declarations. */
interface DataValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

function validationFor(valueType: ValueType, lang: 'vi' | 'en'): ExcelJS.DataValidation | null {
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop', errorTitle: TEXT[lang].data };
  switch (valueType) {
    case 'percent':
      return { ...common, type: 'decimal', operator: 'between', formulae: [0, 100], error: TEXT[lang].invalid.percent };
    case 'count':
      return {
        ...common,
        type: 'whole',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        error: TEXT[lang].invalid.count,
      };
    case 'boolean':
      // The list separator inside the formula is always a comma, whatever Excel's locale.
      return { ...common, type: 'list', formulae: ['"1,0"'], error: TEXT[lang].invalid.boolean };
    case 'number':
      return null;
  }
}

/** An .xlsx to fill in: header in row 1 (so it re-imports as is), one row per unit, instructions on sheet 2. */
export async function buildTemplateXlsx(input: TemplateInput): Promise<Uint8Array> {
  checkInput(input);
  const t = TEXT[input.lang];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t.data, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  const header = templateHeader(input);
  sheet.columns = header.map((text, i) => ({
    header: text,
    width: i === 0 ? 14 : i === 1 ? 30 : i === 2 ? 10 : Math.min(36, Math.max(14, text.length * 0.6)),
  }));
  // Text, so that codes keep leading zeros and Excel does not turn 2025-09 into a date.
  sheet.getColumn(1).numFmt = '@';
  sheet.getColumn(3).numFmt = '@';
  const headerRow = sheet.getRow(1);
  headerRow.font = { bold: true };
  headerRow.alignment = { vertical: 'middle', wrapText: true };
  headerRow.height = 48;

  input.units.forEach((unit, i) => {
    const row = sheet.getRow(i + 2);
    row.getCell(1).value = unit.code; // a string: stored as text, zeros kept
    row.getCell(2).value = unit.nameVi;
    row.getCell(3).value = input.period;
  });
  // One range per column. Per-cell validations go through exceljs's range "optimiser", which sorts
  // addresses as strings (D10 before D2) and writes overlapping ranges (D10:E51 and D2:E51).
  const validations = (sheet as unknown as { dataValidations: DataValidations }).dataValidations;
  input.indicators.forEach((indicator, j) => {
    const validation = validationFor(indicator.valueType, input.lang);
    const column = sheet.getColumn(j + 4).letter;
    if (validation && input.units.length > 0)
      validations.add(`${column}2:${column}${input.units.length + 1}`, validation);
  });

  const help = workbook.addWorksheet(t.help);
  help.columns = [{ width: 22 }, { width: 60 }, { width: 14 }, { width: 20 }];
  for (const line of t.guide) help.addRow([...line]).getCell(1).font = { bold: true };
  help.addRow([]);
  help.addRow([...t.indicatorsTitle]).font = { bold: true };
  for (const indicator of input.indicators) {
    const name = input.lang === 'vi' ? indicator.nameVi : indicator.nameEn || indicator.nameVi;
    help.addRow([indicator.code, name, indicator.unitVi, t.types[indicator.valueType]]);
  }
  help.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function csvField(text: string): string {
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The same wide layout as CSV: UTF-8 with a BOM (without it Excel reads Vietnamese as mojibake), `,` delimiter. */
export function buildTemplateCsv(input: TemplateInput): Uint8Array {
  checkInput(input);
  const blanks = input.indicators.map(() => '');
  const lines = [
    templateHeader(input),
    ...input.units.map((unit) => [unit.code, unit.nameVi, input.period, ...blanks]),
  ].map((cells) => cells.map(csvField).join(','));
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}
