import type { Language } from './language.js';

/**
 * Stable codes of the problems an uploaded file's rows can have. A row error carries one with its parameters, so
 * the server (through Accept-Language) and the web app word it in the user's language; never parse the English.
 */
export const ROW_ERROR_CODES = [
  'row.empty_indicator',
  'row.empty_unit',
  'row.empty_period',
  'row.empty_value',
  'row.unknown_indicator',
  'row.unknown_unit',
  'row.unit_leading_zeros',
  'row.period_is_date',
  'row.not_a_period',
  'row.period_mismatch',
  'row.wrong_level',
  'row.wrong_level_for_unit',
  'row.not_a_number',
  'row.not_a_number_in_locale',
  'row.ambiguous_number',
  'row.percent_range',
  'row.count_whole',
  'row.yes_no',
  'row.not_finite',
  'row.comment_too_long',
  'row.duplicate',
  'row.split_cells',
  'row.locked',
  'row.rule_failed',
] as const;

export type RowErrorCode = (typeof ROW_ERROR_CODES)[number];
export type RowParams = Readonly<Record<string, string | number>>;

type Template = (p: RowParams) => string;

const vi = (n: string | number | undefined) => (typeof n === 'number' ? n.toLocaleString('vi-VN') : `${n}`);
const en = (n: string | number | undefined) => (typeof n === 'number' ? n.toLocaleString('en-US') : `${n}`);

const LEVEL_VI: Record<string, string> = { commune: 'cấp xã', province: 'cấp tỉnh', nation: 'cấp quốc gia' };
const levelVi = (level: string | number | undefined) => LEVEL_VI[String(level)] ?? `${level}`;

const OPERATOR_EN: Record<string, string> = {
  '<': 'must be <',
  '<=': 'must be ≤',
  '==': 'must equal',
  '!=': 'must differ from',
  '>=': 'must be ≥',
  '>': 'must be >',
};
const OPERATOR_VI: Record<string, string> = {
  '<': 'phải nhỏ hơn',
  '<=': 'không được lớn hơn',
  '==': 'phải bằng',
  '!=': 'phải khác',
  '>=': 'không được nhỏ hơn',
  '>': 'phải lớn hơn',
};

/** English reasons: predicates on the cell (`"abc" is not a number`). */
const ENGLISH: Record<RowErrorCode, Template> = {
  'row.empty_indicator': () => 'is empty: an indicator code is required',
  'row.empty_unit': () => 'is empty: a unit code is required',
  'row.empty_period': () => 'is empty: use 2025, 2025Q3 or 2025-09',
  'row.empty_value': () => 'is empty: a value is required',
  'row.unknown_indicator': () => 'is not a known indicator code',
  'row.unknown_unit': () => 'is not a known unit code',
  'row.unit_leading_zeros': (p) =>
    `is not a known unit code (Excel may have dropped leading zeros: did you mean ${p.suggestion}? format the column as Text)`,
  'row.period_is_date': () =>
    'is a date, not a period (Excel turns 2025-09 into a date unless the cell is Text): use 2025, 2025Q3 or 2025-09',
  'row.not_a_period': () => 'is not a period: use 2025, 2025Q3 or 2025-09',
  'row.period_mismatch': (p) => `does not match the period chosen for this upload (${p.period})`,
  'row.wrong_level': (p) =>
    `is the wrong level: ${p.indicator} is reported per ${p.reportingLevel}; ${p.unit} is a ${p.unitLevel}`,
  'row.wrong_level_for_unit': (p) =>
    `cannot be given for unit ${p.unit}: ${p.indicator} is reported per ${p.reportingLevel}; ${p.unit} is a ${p.unitLevel}`,
  'row.not_a_number': () => 'is not a number',
  'row.not_a_number_in_locale': (p) =>
    `is not a number in ${p.locale === 'vi' ? 'Vietnamese format (1.234,5)' : 'English format (1,234.5)'}`,
  'row.ambiguous_number': (p) =>
    `is ambiguous (${p.small} or ${p.big}) and no other number in the file shows its format: write ${p.big} or ${p.smallComma} instead`,
  'row.percent_range': (p) => `is out of range: a percent must be between 0 and 100, got ${p.number}`,
  'row.count_whole': (p) => `is out of range: a count must be a whole number ≥ 0, got ${p.number}`,
  'row.yes_no': (p) => `is out of range: a yes/no value must be 1 (yes) or 0 (no), got ${p.number}`,
  'row.not_finite': () => 'is out of range: must be a finite number',
  'row.comment_too_long': (p) => `is too long: at most ${en(p.limit)} characters`,
  'row.duplicate': (p) =>
    `is a duplicate of row ${p.firstRow} (same indicator ${p.indicator}, unit ${p.unit} and period ${p.period})`,
  'row.split_cells': (p) =>
    `has ${p.cells} cells but the header has ${p.headerCells} (in a comma-separated file, a decimal comma must be in quotes: "99,21")`,
  'row.locked': (p) =>
    `would change ${p.indicator} for ${p.unit} in ${p.period} from ${en(p.oldValue)} to ${en(p.newValue)}, but it is locked: ${p.lockUnit} ${p.lockPeriod} is approved; reopen it first`,
  'row.rule_failed': (p) =>
    `breaks the rule "${p.ruleNameEn}" for ${p.unit} in ${p.period}: ${p.left} (${en(p.leftValue)}) ${OPERATOR_EN[String(p.operator)] ?? p.operator} ${p.right} (${en(p.rightValue)})`,
};

/** Vietnamese reasons, worded to follow the cell the same way (`"abc" không phải là số`). */
const VIETNAMESE: Record<RowErrorCode, Template> = {
  'row.empty_indicator': () => 'đang trống: cần mã chỉ tiêu',
  'row.empty_unit': () => 'đang trống: cần mã đơn vị',
  'row.empty_period': () => 'đang trống: dùng dạng 2025, 2025Q3 hoặc 2025-09',
  'row.empty_value': () => 'đang trống: cần nhập giá trị',
  'row.unknown_indicator': () => 'không phải mã chỉ tiêu có trong danh mục',
  'row.unknown_unit': () => 'không phải mã đơn vị có trong danh mục',
  'row.unit_leading_zeros': (p) =>
    `không phải mã đơn vị có trong danh mục (Excel có thể đã bỏ các số 0 ở đầu: có phải ${p.suggestion}? hãy định dạng cột là Văn bản)`,
  'row.period_is_date': () =>
    'là một ngày, không phải kỳ báo cáo (Excel đổi 2025-09 thành ngày nếu ô không phải Văn bản): dùng 2025, 2025Q3 hoặc 2025-09',
  'row.not_a_period': () => 'không phải kỳ báo cáo: dùng dạng 2025, 2025Q3 hoặc 2025-09',
  'row.period_mismatch': (p) => `không khớp với kỳ đã chọn khi tải lên (${p.period})`,
  'row.wrong_level': (p) =>
    `sai cấp đơn vị: ${p.indicator} báo cáo theo ${levelVi(p.reportingLevel)}; ${p.unit} là ${levelVi(p.unitLevel)}`,
  'row.wrong_level_for_unit': (p) =>
    `không nhập được cho đơn vị ${p.unit}: ${p.indicator} báo cáo theo ${levelVi(p.reportingLevel)}; ${p.unit} là ${levelVi(p.unitLevel)}`,
  'row.not_a_number': () => 'không phải là số',
  'row.not_a_number_in_locale': (p) =>
    `không phải là số theo ${p.locale === 'vi' ? 'cách viết Việt Nam (1.234,5)' : 'cách viết tiếng Anh (1,234.5)'}`,
  'row.ambiguous_number': (p) =>
    `không rõ nghĩa (${vi(p.small)} hay ${vi(p.big)}) và tệp không có số nào khác cho biết cách viết: hãy ghi ${p.big} hoặc ${p.smallComma}`,
  'row.percent_range': (p) => `nằm ngoài khoảng cho phép: tỉ lệ phần trăm phải từ 0 đến 100, nhận được ${vi(p.number)}`,
  'row.count_whole': (p) => `nằm ngoài khoảng cho phép: số đếm phải là số nguyên ≥ 0, nhận được ${vi(p.number)}`,
  'row.yes_no': (p) =>
    `nằm ngoài khoảng cho phép: giá trị có/không phải là 1 (có) hoặc 0 (không), nhận được ${vi(p.number)}`,
  'row.not_finite': () => 'nằm ngoài khoảng cho phép: phải là một số hữu hạn',
  'row.comment_too_long': (p) => `quá dài: tối đa ${vi(p.limit)} ký tự`,
  'row.duplicate': (p) =>
    `trùng với dòng ${p.firstRow} (cùng chỉ tiêu ${p.indicator}, đơn vị ${p.unit} và kỳ ${p.period})`,
  'row.split_cells': (p) =>
    `có ${p.cells} ô nhưng dòng tiêu đề có ${p.headerCells} ô (trong tệp phân cách bằng dấu phẩy, số thập phân có dấu phẩy phải đặt trong ngoặc kép: "99,21")`,
  'row.locked': (p) =>
    `sẽ đổi ${p.indicator} của ${p.unit} kỳ ${p.period} từ ${vi(p.oldValue)} thành ${vi(p.newValue)}, nhưng số liệu đã khóa: ${p.lockUnit} kỳ ${p.lockPeriod} đã được phê duyệt; cần mở lại kỳ trước`,
  'row.rule_failed': (p) =>
    `vi phạm quy tắc "${p.ruleNameVi}" của ${p.unit} kỳ ${p.period}: ${p.left} (${vi(p.leftValue)}) ${OPERATOR_VI[String(p.operator)] ?? p.operator} ${p.right} (${vi(p.rightValue)})`,
};

export const ROW_REASONS: Readonly<Record<Language, Readonly<Record<RowErrorCode, Template>>>> = {
  en: ENGLISH,
  vi: VIETNAMESE,
};

/** The reason of a row problem in `language`: a predicate that follows the cell or the row it concerns. */
export function rowReason(code: RowErrorCode, params: RowParams, language: Language): string {
  return ROW_REASONS[language][code](params);
}

/** Where a problem is and what it concerns, as the user sees the file. */
export interface RowLocation {
  file: string;
  sheet: string | null;
  row: number;
  /** The header as written; '' for the whole row. */
  column: string;
  field: string;
  /** The cell as read; '' for an empty cell. */
  value: string;
}

/**
 * The whole sentence: `values.xlsx, sheet "Dữ liệu", row 12, column "Giá trị": "12,5,3" is not a number`, or in
 * Vietnamese `values.xlsx, trang tính "Dữ liệu", dòng 12, cột "Giá trị": "12,5,3" không phải là số`.
 */
export function formatRowProblem(where: RowLocation, reason: string, language: Language): string {
  const words =
    language === 'vi'
      ? { sheet: 'trang tính', row: 'dòng', column: 'cột', wholeRow: 'Dòng này', cell: 'Ô này' }
      : { sheet: 'sheet', row: 'row', column: 'column', wholeRow: 'the row', cell: 'the cell' };
  const place = [
    where.file,
    where.sheet ? `${words.sheet} "${where.sheet}"` : null,
    `${words.row} ${where.row}`,
    where.column ? `${words.column} "${where.column}"` : null,
  ]
    .filter((part) => part !== null)
    .join(', ');
  const subject = where.value !== '' ? `"${where.value}"` : where.field === 'row' ? words.wholeRow : words.cell;
  return `${place}: ${subject} ${reason}`;
}
