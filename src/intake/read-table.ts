import { Invalid, UnsupportedType } from '../domain/errors.js';
import { sniffFileKind, kindNamed, KIND_NAMES } from './file-kind.js';
import { INTAKE_LIMITS, type IntakeLimits } from './intake-limits.js';
import { readCsv } from './read-csv.js';
import { readXlsx } from './read-xlsx.js';
import type { UploadedTable } from './uploaded-table.js';

export type { TableRow, UploadedTable } from './uploaded-table.js';
export { MAX_ROWS } from './uploaded-table.js';
export { INTAKE_LIMITS } from './intake-limits.js';

const NEITHER = (name: string) =>
  new UnsupportedType('intake.file_type', `${name} is neither a CSV nor an Excel (.xlsx) file`, undefined, {
    file: name,
  });

/**
 * Reads an uploaded CSV or XLSX into a header and rows of displayed strings; throws Invalid naming the file.
 * What the bytes are decides how they are read. A name that says otherwise (a CSV named .xlsx, a workbook
 * named .csv) is refused: the user is told what the file really is rather than shown a confusing result.
 */
export async function readUploadedTable(
  file: { name: string; bytes: Uint8Array },
  limits: IntakeLimits = INTAKE_LIMITS,
): Promise<UploadedTable> {
  const { name, bytes } = file;
  if (bytes.length === 0) throw new Invalid('intake.empty', `${name} is empty`, undefined, { file: name });
  const kind = sniffFileKind(bytes);
  const named = kindNamed(name);
  const utf8 = kind === 'text' && isUtf8(bytes);
  if (named === 'zip' && utf8) {
    throw new UnsupportedType(
      'intake.file_type',
      `${name} is named like an Excel workbook but holds ${KIND_NAMES.text}: rename it .csv, or open it in Excel and save it as "Excel Workbook (.xlsx)"`,
      undefined,
      { file: name },
    );
  }
  if (named === 'text' && kind === 'zip') {
    throw new UnsupportedType(
      'intake.file_type',
      `${name} is named like a CSV but is ${KIND_NAMES.zip}: rename it .xlsx, or save it as "CSV UTF-8 (Comma delimited)"`,
      undefined,
      { file: name },
    );
  }
  switch (kind) {
    case 'zip':
      return readXlsx(name, bytes, limits);
    case 'ole2':
      throw new UnsupportedType(
        'intake.file_type',
        `${name} is an Excel 97–2003 workbook (.xls): save it as "Excel Workbook (.xlsx)" or "CSV UTF-8" and upload again`,
        undefined,
        { file: name },
      );
    case 'utf16':
      throw new Invalid(
        'intake.encoding',
        `${name} is UTF-16 text ("Unicode Text"): save it as "CSV UTF-8 (Comma delimited)"`,
      );
    case 'tiff':
    case 'pdf':
    case 'binary':
      throw NEITHER(name);
    case 'text':
      if (named !== 'text' && !utf8) throw NEITHER(name);
      return readCsv(name, bytes, limits);
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
