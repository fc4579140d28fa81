import { TooLarge } from '../domain/errors.js';

/**
 * How much of an upload the server reads. Past any of these the upload is refused (413) before it costs the
 * server more: a 1 MB workbook can inflate to hundreds of MB, and a CSV of a million columns parses as slowly.
 */
export const INTAKE_LIMITS = {
  /** Bytes once inflated: a CSV's own size, the sum of a workbook's parts. A national monthly report is ~10 MB. */
  inflatedBytes: 64 * 1024 * 1024,
  /** Data rows below the header: an upload is a report, not a data dump. */
  rows: 200_000,
  /** Rows counting empty ones (and the row numbers a workbook gives): Excel's own sheet size, so no person wrote more. */
  sheetRows: 1_048_576,
  /** Columns up to the last one holding a value: a wide template has one per indicator, well below this. */
  columns: 200,
  /** Characters in one cell: Excel's own limit, so no workbook Excel saved goes past it. */
  cellChars: 32_767,
  /** Parts of a workbook's ZIP archive: Excel writes a few dozen; a million empty ones would cost time alone. */
  zipEntries: 10_000,
} as const;

export type IntakeLimits = { readonly [K in keyof typeof INTAKE_LIMITS]: number };

/** `64 MB`, `453 MB`, `12.5 KB`: sizes as Windows Explorer shows them (units of 1,024), which is what users see. */
export function formatSize(bytes: number): string {
  const show = (n: number, unit: string) => `${Number(n.toPrecision(3)).toLocaleString('en-US')} ${unit}`;
  if (bytes >= 2 ** 20) return show(bytes / 2 ** 20, 'MB');
  if (bytes >= 2 ** 10) return show(bytes / 2 ** 10, 'KB');
  return `${bytes} bytes`;
}

/**
 * Refuses an upload larger than the server reads once inflated, before it is read. `atLeast`: the upload was
 * cut off at the limit while it arrived, so its whole size is unknown.
 */
export function checkUploadSize(
  file: string,
  bytes: number,
  limits: IntakeLimits = INTAKE_LIMITS,
  options: { atLeast?: boolean } = {},
): void {
  if (bytes <= limits.inflatedBytes) return;
  const size = options.atLeast ? `more than ${formatSize(limits.inflatedBytes)}` : formatSize(bytes);
  throw new TooLarge(
    'intake.too_large',
    `${file} is ${size}: at most ${formatSize(limits.inflatedBytes)} is read; split it into several files`,
    undefined,
    {
      file,
      size: options.atLeast ? `> ${formatSize(limits.inflatedBytes)}` : size,
      limit: formatSize(limits.inflatedBytes),
    },
  );
}
