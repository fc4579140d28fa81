import { setImmediate } from 'node:timers/promises';
import { csvRecords, CsvSyntaxError } from './csv-records.js';
import { Invalid } from '../domain/errors.js';
import { checkUploadSize, INTAKE_LIMITS, type IntakeLimits } from './intake-limits.js';
import { TableAssembler, type UploadedTable } from './uploaded-table.js';

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter used most often, outside quotes, on the first non-empty line (Excel in vi-VN may write `;`). */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  let seen = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (seen) break;
    } else if (!quoted && counts.has(ch)) {
      counts.set(ch, counts.get(ch)! + 1);
    } else if (ch.trim() !== '') seen = true;
  }
  let best: string = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

/**
 * A UTF-8 CSV (with or without BOM); anything else is refused rather than read as mojibake. Records are
 * checked as they are read: a file past a limit is refused without holding all of its records, and the
 * reader gives way to other requests every few thousand records.
 */
export async function readCsv(
  file: string,
  bytes: Uint8Array,
  limits: IntakeLimits = INTAKE_LIMITS,
): Promise<UploadedTable> {
  checkUploadSize(file, bytes.length, limits);
  let text: string;
  try {
    // fatal: invalid UTF-8 throws instead of becoming U+FFFD; the BOM is dropped by default.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Invalid(
      'intake.encoding',
      `${file} is not UTF-8 text (perhaps saved as "CSV (Comma delimited)" in a Windows code page): in Excel use Save As → "CSV UTF-8 (Comma delimited)", or upload the .xlsx`,
    );
  }
  const table = new TableAssembler('csv', file, null, limits);
  // Excel shows one row per record (a quoted line break stays inside its cell), so the record index is the row.
  let rowNumber = 0;
  try {
    for (const cells of csvRecords(text, detectDelimiter(text))) {
      table.add({ rowNumber: ++rowNumber, cells });
      if (rowNumber % 10_000 === 0) await setImmediate();
    }
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw new Invalid('intake.csv', `${file} is not a readable CSV: ${error.message}`);
    throw error;
  }
  return table.finish();
}
