import { INTAKE_LIMITS, type IntakeLimits } from './intake-limits.js';
import { TableAssembler, type UploadedTable } from './uploaded-table.js';
import { attribute, readXmlEntry } from './xlsx-xml.js';
import { pickSheet, readCellFormats, readSharedStrings, readWorkbookInfo } from './xlsx-workbook.js';
import { damaged, findEntry, openZip } from './zip-archive.js';

/** Strips what a format shows literally: "quoted text", [colours], [$-locales] and [conditions]. */
const formatCodes = (numFmt: string) => numFmt.replace(/"[^"]*"|\[[^\]]*]/g, '');

/** A percent number format (`0.00%`), ignoring `%` inside quoted literals or [brackets]. */
function isPercentFormat(numFmt: string | undefined): boolean {
  return !!numFmt && formatCodes(numFmt).includes('%');
}

/** A format that shows a date or a time: any of its year, month, day, hour, second or era codes. */
function isDateFormat(numFmt: string | undefined): boolean {
  return !!numFmt && /[ymdhsb]/i.test(formatCodes(numFmt).replace(/General/gi, ''));
}

/**
 * A number as Excel shows it at full precision: 15 significant digits drops binary noise
 * (0.30000000000000004 → 0.3) without touching anything a person typed. A cell formatted as a
 * percent stores 0.9921 and shows 99.21%: the official means 99.21.
 */
export function numberText(value: number, numFmt?: string): string {
  if (isPercentFormat(numFmt)) return `${Number((value * 100).toPrecision(15))}%`;
  return String(Number(value.toPrecision(15)));
}

/** ISO date (`2025-09-30`), or date-time when the cell has a time of day. Serials are read as UTC. */
export function isoDateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** A date serial as a date: day 25569 is 1970-01-01 (day 0 is 1899-12-30, or 1904-01-01 in 1904 workbooks). */
function serialDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** `B12` → column 2; null when the reference is missing or not a cell. */
function columnOf(reference: string | undefined): number | null {
  const letters = reference ? /^\$?([A-Z]{1,3})\$?\d*$/i.exec(reference)?.[1] : undefined;
  if (!letters) return null;
  let column = 0;
  for (const letter of letters.toUpperCase()) column = column * 26 + letter.charCodeAt(0) - 64;
  return column;
}

/** XFD: a cell past it was not written by Excel, and a million empty ones would cost time alone. */
const EXCEL_COLUMNS = 16_384;

type Shown = { text: string; numeric: boolean };

interface Context {
  sharedStrings: readonly string[];
  formats: readonly (string | undefined)[];
  date1904: boolean;
}

/** What Excel shows in a cell of type `t` with value `v`; a formula shows its cached result (blank without one). */
function shownCell(type: string, value: string, style: number, context: Context): Shown {
  const text = (t: string): Shown => ({ text: t, numeric: false });
  switch (type) {
    case 's':
      return text(context.sharedStrings[Number(value)] ?? '');
    case 'inlineStr':
    case 'str':
    case 'e':
      return text(value);
    case 'b':
      return text(value === '1' || value === 'true' ? 'TRUE' : value === '' ? '' : 'FALSE');
    case 'd':
      return text(value === '' ? '' : isoDateText(new Date(/Z|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`)));
    default: {
      if (value.trim() === '') return text('');
      const number = Number(value);
      if (!Number.isFinite(number)) return text(value);
      const numFmt = context.formats[style];
      if (isDateFormat(numFmt)) return text(isoDateText(serialDate(number, context.date1904)));
      return { text: numberText(number, numFmt), numeric: true };
    }
  }
}

/**
 * The data sheet of an .xlsx (the one named `Dữ liệu`/`Data`, else the first visible one), read as it
 * inflates and refused at the first limit it passes: the inflated size from the ZIP directory before
 * anything is inflated, then rows, columns and cell lengths cell by cell.
 */
export async function readXlsx(
  file: string,
  bytes: Uint8Array,
  limits: IntakeLimits = INTAKE_LIMITS,
): Promise<UploadedTable> {
  const archive = openZip(file, bytes, limits);
  const info = await readWorkbookInfo(archive);
  const sheet = pickSheet(info);
  const sheetEntry = sheet?.part ? findEntry(archive, sheet.part) : undefined;
  if (!sheet || !sheetEntry) throw damaged(file, 'it has no worksheets: is it an Excel workbook (.xlsx)?');
  const context: Context = {
    formats: await readCellFormats(archive, info.stylesPart),
    sharedStrings: await readSharedStrings(archive, info.sharedStringsPart),
    date1904: info.date1904,
  };
  const table = new TableAssembler('xlsx', file, sheet.name, limits);

  // Parse state: the row being read, the cell being read in it, and its text while inside <v> or an inline <t>.
  let rowNumber = 0;
  let cells: string[] = [];
  let numeric: boolean[] = [];
  let column = 0;
  let type = 'n';
  let style = 0;
  let value: string[] | null = null;
  let valueLength = 0;
  let collecting = false;
  let inInline = false;
  let inPhonetic = false;
  let inSheetData = false;
  await readXmlEntry(archive, sheetEntry, {
    open(name, attributes) {
      if (name === 'sheetData') inSheetData = true;
      if (!inSheetData) return;
      switch (name) {
        case 'row':
          rowNumber = Number(attribute(attributes, 'r')) || rowNumber + 1;
          cells = [];
          numeric = [];
          column = 0;
          break;
        case 'c':
          column = columnOf(attributes.r) ?? column + 1;
          if (column > EXCEL_COLUMNS) throw damaged(file, `row ${rowNumber} has cells past column XFD, Excel's last`);
          type = attributes.t ?? 'n';
          style = Number(attributes.s ?? 0);
          value = null;
          valueLength = 0;
          break;
        case 'v':
          value = [];
          collecting = !inInline;
          break;
        case 'is':
          inInline = true;
          value = [];
          break;
        case 'rPh':
          inPhonetic = true;
          break;
        case 't':
          collecting = inInline && !inPhonetic;
          break;
      }
    },
    text(text) {
      if (!collecting || !value) return;
      value.push(text);
      valueLength += text.length;
      // A cell's text past the limit is refused as it grows, not once it is whole.
      if (valueLength > limits.cellChars) table.checkCell(rowNumber, column, value.join(''));
    },
    close(name) {
      if (!inSheetData) return;
      switch (name) {
        case 'v':
        case 't':
          collecting = false;
          break;
        case 'rPh':
          inPhonetic = false;
          break;
        case 'is':
          inInline = false;
          break;
        case 'c':
          if (value) closeValue();
          break;
        case 'row':
          // Cells left out (empty) stay aligned as blanks.
          table.add({
            rowNumber,
            cells: Array.from(cells, (c) => c ?? ''),
            numeric: Array.from(numeric, (n) => n ?? false),
          });
          break;
        case 'sheetData':
          inSheetData = false;
          break;
      }
    },
  });
  return table.finish();

  function closeValue() {
    const shown = shownCell(type, value!.join(''), style, context);
    value = null;
    if (shown.text === '') return;
    table.checkCell(rowNumber, column, shown.text); // before the row grows to that column
    cells[column - 1] = shown.text;
    numeric[column - 1] = shown.numeric;
  }
}
