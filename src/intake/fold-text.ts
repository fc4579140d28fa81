/** Folds text for matching: `Mã Đơn vị` → `madonvi` (no diacritics, no case, no spaces or punctuation). */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
