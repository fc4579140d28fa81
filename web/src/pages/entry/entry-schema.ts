import type { TFunction } from 'i18next';
import { z } from 'zod';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import { toInputText } from './number-input.js';
import { fieldName, valueProblem, type EntryIndicator } from './entry-model.js';

export type EntryValues = Record<string, string>;

/** One text field per indicator; each must parse as a number within the indicator's bounds, or be empty. */
export function entrySchema(indicators: readonly EntryIndicator[], lang: Lang, t: TFunction) {
  return z.object(
    Object.fromEntries(
      indicators.map((indicator, index) => [
        fieldName(index),
        z.string().superRefine((text, ctx) => {
          const problem = valueProblem(indicator, text, lang);
          if (!problem) return;
          const number = (value: number) => toInputText(value, lang);
          const params =
            'min' in problem ? { min: number(problem.min) } : 'max' in problem ? { max: number(problem.max) } : {};
          ctx.addIssue({ code: 'custom', message: t(problem.key, params) });
        }),
      ]),
    ),
  );
}
