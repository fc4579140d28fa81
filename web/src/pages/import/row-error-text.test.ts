import { beforeEach, expect, it } from 'vitest';
import { ROW_ERROR_CODES } from '../../../../src/domain/messages/row-messages.js';
import i18n from '../../i18n.js';
import { enMessages, viMessages } from '../../locales/messages.js';
import { rowErrorReason, rowErrorSentence } from './row-error-text.js';

beforeEach(async () => {
  await i18n.changeLanguage('vi');
});

it('has a Vietnamese and an English template for every row error code', () => {
  for (const code of ROW_ERROR_CODES) {
    const key = code.slice('row.'.length) as keyof typeof viMessages.importPage.rowError;
    expect(viMessages.importPage.rowError[key], code).toBeTruthy();
    expect(enMessages.importPage.rowError[key], code).toBeTruthy();
    expect(viMessages.importPage.rowError[key], code).not.toBe(enMessages.importPage.rowError[key]);
  }
  expect(Object.keys(viMessages.importPage.rowError).length).toBe(ROW_ERROR_CODES.length);
});

it('words a rule failure with its Vietnamese name, operator and numbers', () => {
  const text = rowErrorReason(i18n.t, 'vi', {
    code: 'row.rule_failed',
    params: {
      ruleNameVi: 'Giáo viên có chữ ký số không vượt tổng số',
      ruleNameEn: 'Signed teachers',
      unit: 'C1',
      period: '2025-10',
      left: 'TEACHERS_SIGNED',
      right: 'TEACHERS',
      operator: '<=',
      leftValue: 1200,
      rightValue: 1000,
    },
  });
  expect(text).toBe(
    'vi phạm quy tắc “Giáo viên có chữ ký số không vượt tổng số” của C1 kỳ 2025-10: TEACHERS_SIGNED (1.200) không được lớn hơn TEACHERS (1.000)',
  );
});

it('names the row and the column in the whole sentence', () => {
  const sentence = rowErrorSentence(i18n.t, 'vi', {
    file: 'f.csv',
    sheet: null,
    row: 3,
    column: 'Giá trị',
    field: 'value',
    value: 'abc',
    reason: 'is not a number',
    code: 'row.not_a_number',
    params: {},
    message: '',
  });
  expect(sentence).toBe('Lỗi đầu tiên — dòng 3, cột “Giá trị”: "abc" không phải là số');
});
