/** What an upload's first bytes say it is, whatever its name says. */
export type FileKind = 'zip' | 'ole2' | 'tiff' | 'pdf' | 'utf16' | 'binary' | 'text';

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/** Magic numbers first; then text is what holds no NUL in its first 8 KiB (UTF-8 is checked by the CSV reader). */
export function sniffFileKind(bytes: Uint8Array): FileKind {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip'; // PK\3\4: .xlsx, .docx, .zip
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole2'; // .xls, .doc
  // TIFF and BigTIFF in either byte order: II*\0, MM\0*, II+\0, MM\0+.
  if ([[0x49, 0x49, 0x2a, 0x00], [0x4d, 0x4d, 0x00, 0x2a], [0x49, 0x49, 0x2b, 0x00], [0x4d, 0x4d, 0x00, 0x2b]].some((m) => startsWith(bytes, m))) return 'tiff'; // prettier-ignore
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf'; // %PDF
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return 'utf16';
  if (bytes.subarray(0, 8192).includes(0)) return 'binary';
  return 'text';
}

/** The kind a file name promises, or null when the name promises nothing we read (`upload`, `data.dat`). */
export function kindNamed(name: string): 'zip' | 'ole2' | 'tiff' | 'text' | null {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  switch (extension) {
    case 'xlsx':
    case 'xlsm':
      return 'zip';
    case 'xls':
      return 'ole2';
    case 'tif':
    case 'tiff':
      return 'tiff';
    case 'csv':
    case 'tsv':
    case 'txt':
      return 'text';
    default:
      return null;
  }
}

/** What a kind is called in a message: "an Excel workbook (.xlsx)", "text". */
export const KIND_NAMES: Record<FileKind, string> = {
  zip: 'a ZIP archive such as an Excel workbook (.xlsx)',
  ole2: 'an Excel 97–2003 workbook (.xls) or another old Office file',
  tiff: 'a TIFF image',
  pdf: 'a PDF document',
  utf16: 'UTF-16 text',
  binary: 'binary data',
  text: 'text (such as a CSV)',
};
