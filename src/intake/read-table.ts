import { Invalid } from '../domain/errors.js';
import { readCsv } from './read-csv.js';
import { readXlsx } from './read-xlsx.js';
import type { UploadedTable } from './uploaded-table.js';

export type { TableRow, UploadedTable } from './uploaded-table.js';
export { MAX_ROWS } from './uploaded-table.js';

type Kind = 'xlsx' | 'xls' | 'utf16' | 'binary' | 'text';

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** What the bytes are, whatever the name says: people rename files, and Excel saves CSVs as "Unicode text". */
function sniff(bytes: Uint8Array): Kind {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx'; // ZIP
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'xls'; // OLE2
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return 'utf16';
  if (bytes.subarray(0, 8192).includes(0) || startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'binary'; // NUL, %PDF
  return 'text';
}

/** Reads an uploaded CSV or XLSX into a header and rows of displayed strings; throws Invalid naming the file. */
export async function readUploadedTable(file: { name: string; bytes: Uint8Array }): Promise<UploadedTable> {
  const { name, bytes } = file;
  if (bytes.length === 0) throw new Invalid('intake.empty', `${name} is empty`);
  switch (sniff(bytes)) {
    case 'xlsx':
      return readXlsx(name, bytes);
    case 'xls':
      throw new Invalid(
        'intake.file_type',
        `${name} is an Excel 97–2003 workbook (.xls): save it as "Excel Workbook (.xlsx)" or "CSV UTF-8" and upload again`,
      );
    case 'utf16':
      throw new Invalid(
        'intake.encoding',
        `${name} is UTF-16 text ("Unicode Text"): save it as "CSV UTF-8 (Comma delimited)"`,
      );
    case 'binary':
      throw new Invalid('intake.file_type', `${name} is neither a CSV nor an Excel (.xlsx) file`);
    case 'text':
      if (!/\.(csv|txt|tsv)$/i.test(name) && !isUtf8(bytes)) {
        throw new Invalid('intake.file_type', `${name} is neither a CSV nor an Excel (.xlsx) file`);
      }
      return readCsv(name, bytes);
  }
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
