import { foldText } from './fold-text.js';

const YES = new Set(['co', 'yes', 'y', 'x', 'true', 'dung', '1']);
const NO = new Set(['khong', 'no', 'n', 'false', 'sai', '0']);

/** `Có`/`Không`, `yes`/`no`, `x`, `TRUE`/`FALSE`, `Đúng`/`Sai`, 1/0 → true/false; anything else (blank too) → null. */
export function parseYesNo(text: string): boolean | null {
  const key = foldText(text);
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return null;
}
