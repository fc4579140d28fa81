/**
 * The targets form as data: the rows it opens with (one per year of the agreement after the baseline, and every
 * year already stored), its checks, and the PUT body it sends. The server stores rows but never deletes one, so a
 * stored value cannot be emptied here; a new year left empty is simply not sent.
 */
import { z } from 'zod';
import type { Lang } from '../../../../../src/domain/overview-contract.js';
import { FIRST_YEAR, LAST_YEAR } from '../../../../../src/domain/periods.js';
import { parseLocalNumber, toInputText } from '../../entry/number-input.js';
import type { TargetRow, TargetsBody } from './targets-api.js';

export interface TargetFormValues {
  baselineYear: string;
  baselineValue: string;
  /** A stored baseline cannot be emptied (the server would keep it). */
  baselineStored: boolean;
  targets: { year: number; value: string; stored: boolean }[];
  reason: string;
}

export interface FormMessages {
  required: string;
  notNumber: string;
  year: string;
  afterBaseline: string;
}

export function initialValues(
  rows: readonly TargetRow[],
  period: { from: number; to: number },
  lang: Lang,
): TargetFormValues {
  const baseline = rows.filter((r) => r.kind === 'baseline').at(-1);
  const stored = rows.filter((r) => r.kind === 'target');
  const firstYear = (baseline?.year ?? period.from) + 1;
  const years = new Set(stored.map((r) => r.year));
  for (let year = firstYear; year <= period.to; year++) years.add(year);
  return {
    baselineYear: baseline ? String(baseline.year) : String(period.from),
    baselineValue: baseline ? toInputText(baseline.value, lang) : '',
    baselineStored: baseline !== undefined,
    targets: [...years]
      .sort((a, b) => a - b)
      .map((year) => {
        const row = stored.find((r) => r.year === year);
        return { year, value: row ? toInputText(row.value, lang) : '', stored: row !== undefined };
      }),
    reason: '',
  };
}

/** The next year to offer after the listed ones (within the years the server takes), or null. */
export function nextYear(values: Pick<TargetFormValues, 'targets' | 'baselineYear'>): number | null {
  const last = Math.max(Number(values.baselineYear) || FIRST_YEAR, ...values.targets.map((t) => t.year));
  return last < LAST_YEAR ? last + 1 : null;
}

/** The form's checks, worded in the UI language; the output is the PUT body without unit and version. */
export function targetFormSchema(lang: Lang, m: FormMessages) {
  const parse = (text: string) => parseLocalNumber(text, lang);
  return z
    .object({
      baselineYear: z.string().trim(),
      baselineValue: z.string(),
      targets: z.array(z.object({ year: z.number().int(), value: z.string(), stored: z.boolean() })),
      baselineStored: z.boolean(),
      reason: z.string().trim().max(2000),
    })
    .superRefine((v, ctx) => {
      const year = v.baselineYear === '' ? null : Number(v.baselineYear);
      const yearOk = year !== null && Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR;
      const value = parse(v.baselineValue);
      if (value === 'invalid') ctx.addIssue({ code: 'custom', path: ['baselineValue'], message: m.notNumber });
      else if (value === null && v.baselineStored)
        ctx.addIssue({ code: 'custom', path: ['baselineValue'], message: m.required });
      else if (value !== null && !yearOk) ctx.addIssue({ code: 'custom', path: ['baselineYear'], message: m.year });
      v.targets.forEach((target, i) => {
        const parsed = parse(target.value);
        const path = ['targets', i, 'value'];
        if (parsed === 'invalid') ctx.addIssue({ code: 'custom', path, message: m.notNumber });
        else if (parsed === null && target.stored) ctx.addIssue({ code: 'custom', path, message: m.required });
        else if (parsed !== null && typeof value === 'number' && yearOk && target.year <= Number(v.baselineYear))
          ctx.addIssue({ code: 'custom', path, message: m.afterBaseline });
      });
    })
    .transform((v): Omit<TargetsBody, 'unit' | 'version'> => {
      const baselineValue = parse(v.baselineValue);
      return {
        ...(typeof baselineValue === 'number'
          ? { baseline: { year: Number(v.baselineYear), value: baselineValue } }
          : {}),
        targets: v.targets.flatMap((t) => {
          const value = parse(t.value);
          return typeof value === 'number' ? [{ year: t.year, value }] : [];
        }),
        reason: v.reason === '' ? null : v.reason,
      };
    });
}
