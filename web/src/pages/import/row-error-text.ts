/** Row errors worded by the web app from their code and parameters, in the UI language (never the server's English). */
import type { useTranslation } from 'react-i18next';
import type { RowErrorCode, RowParams } from '../../../../src/domain/messages/row-messages.js';
import type { ImportRowError } from '../../api/types.js';
import type { Lang } from '../../../../src/domain/overview-contract.js';

/** i18next's typed `t` over every key of the app is too deep for the compiler in this module: a plain signature. */
type PlainT = (key: string, options?: Record<string, unknown>) => string;
const plain = (t: TFunction) => t as unknown as PlainT;

type TFunction = ReturnType<typeof useTranslation>['t'];

export type RowErrorKey = RowErrorCode extends `row.${infer Key}` ? Key : never;

const OPERATOR_KEYS: Record<string, 'lt' | 'le' | 'eq' | 'ne' | 'ge' | 'gt'> = {
  '<': 'lt',
  '<=': 'le',
  '==': 'eq',
  '!=': 'ne',
  '>=': 'ge',
  '>': 'gt',
};
const LEVELS = new Set(['commune', 'province', 'nation']);

const formatters = new Map<Lang, Intl.NumberFormat>();
function formatPlain(value: number, lang: Lang): string {
  let nf = formatters.get(lang);
  if (!nf) {
    nf = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 6 });
    formatters.set(lang, nf);
  }
  return nf.format(value);
}

/** The parameters as the templates show them: numbers in the language's format, levels and operators in words. */
function shownParams(t: TFunction, lang: Lang, params: RowParams): Record<string, string> {
  // Plain key lookups: the typed form of these template keys is too deep for the compiler.
  const lookup = t as unknown as (key: string) => string;
  const shown: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    shown[key] = typeof value === 'number' && key !== 'firstRow' ? formatPlain(value, lang) : String(value);
  }
  for (const key of ['reportingLevel', 'unitLevel']) {
    const level = params[key];
    if (typeof level === 'string' && LEVELS.has(level)) shown[key] = lookup(`importPage.level.${level}`);
  }
  const operator = OPERATOR_KEYS[String(params.operator)];
  if (operator) shown.operator = lookup(`importPage.operator.${operator}`);
  if (params.locale === 'vi' || params.locale === 'en') shown.locale = lookup(`importPage.localeName.${params.locale}`);
  shown.ruleName = String((lang === 'vi' ? params.ruleNameVi : params.ruleNameEn) ?? params.rule ?? '');
  shown.bigPlain = String(params.big ?? '');
  return shown;
}

/** The reason, a predicate that follows the cell: `không phải là số`. */
export function rowErrorReason(t: TFunction, lang: Lang, error: Pick<ImportRowError, 'code' | 'params'>): string {
  // Every key exists in both languages (the locale module is checked against RowErrorKey); the typed t() cannot
  // take a union of 24 keys with their own interpolations (too deep), so it is called as a plain function.
  const key = `importPage.rowError.${error.code.slice('row.'.length) as RowErrorKey}` as const;
  const translate = t as unknown as (key: string, options: Record<string, string>) => string;
  return translate(key, shownParams(t, lang, error.params ?? {}));
}

/** The whole sentence naming row, column and cell: `dòng 3, cột “Giá trị”: "abc" không phải là số`. */
export function rowErrorSentence(t: TFunction, lang: Lang, error: ImportRowError): string {
  const where = error.column
    ? plain(t)('importPage.rowAt', { row: error.row, column: error.column })
    : plain(t)('importPage.rowOnly', { row: error.row });
  const subject =
    error.value !== ''
      ? `"${error.value}"`
      : error.field === 'row'
        ? plain(t)('importPage.subjectRow')
        : plain(t)('importPage.subjectCell');
  return plain(t)('importPage.firstError', { where, subject, reason: rowErrorReason(t, lang, error) });
}
